import type { SummaryRow } from '../model/event.js';

/**
 * strace's `-c`/`-C` table (strace-format.md §5). Columns are right-aligned under their header except
 * the name, and an empty errors cell is blank, so cells are matched to header columns by position:
 *   % time     seconds  usecs/call     calls    errors syscall
 *   ------ ----------- ----------- --------- --------- ----------------
 *     8.64    0.000019           3         5         1 openat
 *    15.45    0.000034          34         1           clock_nanosleep
 * `-U` reorders them: `syscall              calls    errors shortest  longest  usecs/call     seconds % time`.
 */
export interface SummaryHeader {
  columns: { key: string; start: number; end: number }[];
}

const KNOWN = ['% time', 'seconds', 'usecs/call', 'calls', 'errors', 'syscall', 'shortest', 'longest', 'avg'];

/** Returns the header's columns when `line` is a summary header, else null. */
export function sniffSummaryHeader(line: string): SummaryHeader | null {
  if (!/\bcalls\b/.test(line) || !/\bsyscall\b/.test(line)) return null;
  const columns: SummaryHeader['columns'] = [];
  let i = 0;
  while (i < line.length) {
    while (line.charCodeAt(i) === 32) i++;
    if (i >= line.length) break;
    const key = KNOWN.find((k) => line.startsWith(k, i));
    if (!key) return null;
    columns.push({ key, start: i, end: i + key.length });
    i += key.length;
  }
  return columns.some((c) => c.key === 'syscall') ? { columns } : null;
}

export function isSummaryRule(line: string): boolean {
  return /^-+( +-+)+\s*$/.test(line);
}

/** A data row under `header`; null when the line does not fit. */
export function parseSummaryRow(line: string, header: SummaryHeader): SummaryRow | null {
  const cells = new Map<string, string>();
  const tokens = [...line.matchAll(/\S+/g)];
  for (const t of tokens) {
    const start = t.index;
    const end = start + t[0].length;
    // the name is left-aligned under "syscall"; numbers are right-aligned to their header's end
    let best: { key: string } | null = null;
    let bestDist = Infinity;
    for (const col of header.columns) {
      const dist = col.key === 'syscall' ? Math.abs(start - col.start) : Math.abs(end - col.end);
      if (dist < bestDist) {
        bestDist = dist;
        best = col;
      }
    }
    if (!best || cells.has(best.key)) return null;
    cells.set(best.key, t[0]);
  }
  const name = cells.get('syscall');
  const calls = Number(cells.get('calls'));
  if (!name || !Number.isFinite(calls)) return null;
  const num = (k: string): number | null => {
    const v = cells.get(k);
    return v === undefined ? null : Number(v);
  };
  return {
    name,
    calls,
    errors: num('errors') ?? 0,
    seconds: num('seconds') ?? 0,
    usecsPerCall: num('usecs/call'),
    percentTime: num('% time'),
  };
}
