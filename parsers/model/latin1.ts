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

/**
 * decodeLatin1 for a whole log line, read again and again by whole-trace readers (the diff reads every
 * call's line in several passes). The line is decoded as UTF-8 first, unchecked: the result has the
 * line's length and no U+FFFD only when every byte is ASCII (a byte past 0x7f either joins a sequence
 * that reads shorter, or is invalid and becomes U+FFFD), and that check runs natively, where the byte
 * loop of decodeLatin1 cost a diff of two 650k-line logs about a second.
 */
export function decodeLatin1Line(bytes: Uint8Array, start: number, end: number): string {
  const text = ascii.decode(bytes.subarray(start, end));
  if (text.length === end - start && !text.includes('\uFFFD')) return text;
  return decodeLatin1(bytes, start, end);
}
