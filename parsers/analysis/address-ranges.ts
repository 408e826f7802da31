/** One mapping of an address space: [start, end), page aligned. */
export interface Mapping {
  start: number;
  end: number;
  /** As strace printed it: PROT_READ|PROT_EXEC. */
  prot: string;
  flags: string;
  /** The file behind it, or null for anonymous memory. */
  file: string | null;
  /** File offset of `start`. */
  offset: number;
  /** The call that created this mapping (or the part of it that remains). */
  event: number;
  line: number;
}

/**
 * Range operations on a mapping table kept sorted by address, never overlapping. These are the kernel's
 * rules: a new mapping replaces whatever it overlaps (MAP_FIXED), munmap and mprotect split mappings at
 * their edges. Tables are small (tens to hundreds of entries), so each operation rebuilds the array.
 */
export function unmapRange(table: readonly Mapping[], start: number, end: number): Mapping[] {
  const out: Mapping[] = [];
  for (const m of table) {
    if (m.end <= start || m.start >= end) {
      out.push(m);
      continue;
    }
    if (m.start < start) out.push({ ...m, end: start });
    if (m.end > end) out.push({ ...m, start: end, offset: m.offset + (end - m.start) });
  }
  return out;
}

export function mapRange(table: readonly Mapping[], mapping: Mapping): Mapping[] {
  const out = unmapRange(table, mapping.start, mapping.end);
  out.push(mapping);
  return out.sort((x, y) => x.start - y.start);
}

export function protectRange(table: readonly Mapping[], start: number, end: number, prot: string): Mapping[] {
  const out: Mapping[] = [];
  for (const m of table) {
    if (m.end <= start || m.start >= end) {
      out.push(m);
      continue;
    }
    const lo = Math.max(m.start, start);
    const hi = Math.min(m.end, end);
    if (m.start < lo) out.push({ ...m, end: lo });
    out.push({ ...m, start: lo, end: hi, prot, offset: m.offset + (lo - m.start) });
    if (hi < m.end) out.push({ ...m, start: hi, offset: m.offset + (hi - m.start) });
  }
  return out;
}

/** `0x7f1cefd2d000-0x7f1cefe83000 r-x libc.so.6+0x26000`, like a line of /proc/PID/maps. */
export function formatMapping(m: Mapping): string {
  const perms =
    (m.prot.includes('PROT_READ') ? 'r' : '-') +
    (m.prot.includes('PROT_WRITE') ? 'w' : '-') +
    (m.prot.includes('PROT_EXEC') ? 'x' : '-');
  const where = m.file ? `${m.file}+0x${m.offset.toString(16)}` : '[anon]';
  return `0x${m.start.toString(16)}-0x${m.end.toString(16)} ${perms} ${where}`;
}
