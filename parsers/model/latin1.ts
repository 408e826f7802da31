/**
 * Bytes to text one byte per UTF-16 unit (ISO-8859-1). The WHATWG `TextDecoder('latin1')` is really
 * windows-1252 and maps 0x80-0x9F elsewhere, and Node's Buffer is not available in a worker; but on
 * ASCII, UTF-8 and latin1 read alike, and strace escapes every non-printable byte, so nearly every line
 * is ASCII: those go through the native UTF-8 decoder (2-2.5x faster than fromCharCode on log lines,
 * which matters to the diff, decoding each call's line several times), the rest byte by byte.
 */

/** fromCharCode takes its codes as arguments: stay well under every engine's argument limit. */
const PIECE = 8192;

const ascii = new TextDecoder('utf-8');

export function decodeLatin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let i = start;
  while (i < end && (bytes[i] as number) < 0x80) i++;
  if (i === end) return ascii.decode(bytes.subarray(start, end));
  if (end - start <= PIECE) return String.fromCharCode.apply(null, bytes.subarray(start, end) as never);
  const parts: string[] = [];
  for (let k = start; k < end; k += PIECE)
    parts.push(String.fromCharCode.apply(null, bytes.subarray(k, Math.min(end, k + PIECE)) as never));
  return parts.join('');
}
