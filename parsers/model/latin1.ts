/**
 * Bytes to text one byte per UTF-16 unit (ISO-8859-1), by hand: the WHATWG `TextDecoder('latin1')` is
 * really windows-1252 and maps 0x80-0x9F elsewhere, and Node's Buffer is not available in a worker.
 */

/** fromCharCode takes its codes as arguments: stay well under every engine's argument limit. */
const PIECE = 8192;

export function decodeLatin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end - start <= PIECE) return String.fromCharCode.apply(null, bytes.subarray(start, end) as never);
  const parts: string[] = [];
  for (let i = start; i < end; i += PIECE)
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + PIECE)) as never));
  return parts.join('');
}
