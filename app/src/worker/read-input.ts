import type { InputSource } from './worker-protocol.js';

/**
 * Reads one input in chunks: a file or URL as the bytes arrive (the strace parser reads them directly,
 * and decodes a line as latin1, one byte per character, only when it needs the text), text as given.
 */
export async function* readInputChunks(
  input: InputSource,
  isCancelled: () => boolean,
  onBytes: (bytes: number) => void,
): AsyncGenerator<string | Uint8Array> {
  if (input.type === 'text') {
    onBytes(input.text.length);
    yield input.text;
    return;
  }
  const stream = input.type === 'file' ? input.file.stream() : await fetchStream(input.url);
  const reader = stream.getReader();
  try {
    for (;;) {
      if (isCancelled()) {
        await reader.cancel();
        return;
      }
      const { done, value } = await reader.read();
      if (done) break;
      onBytes(value.byteLength);
      if (value.byteLength > 0) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function fetchStream(url: string): Promise<ReadableStream<Uint8Array>> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`Could not fetch ${url}: HTTP ${res.status}`);
  return res.body;
}

/** Total bytes when known up front (for the progress bar); 0 when not. */
export async function measureInput(input: InputSource): Promise<number> {
  if (input.type === 'file') return input.file.size;
  if (input.type === 'text') return input.text.length;
  try {
    const res = await fetch(input.url, { method: 'HEAD' });
    return Number(res.headers.get('content-length') ?? 0) || 0;
  } catch {
    return 0;
  }
}

export function inputName(input: InputSource): string {
  return input.type === 'file' ? input.file.name : input.name;
}
