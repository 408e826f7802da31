/** Text formatting for times, durations and counts shown in the chrome. */

/**
 * A time offset in seconds with a unit and precision that suit `span` (the visible width, or the whole
 * trace): "1.234 ms", "2.5 s". `fixed` keeps trailing zeros so a column of times lines up.
 */
export function formatSeconds(seconds: number, span = Math.abs(seconds), fixed = false): string {
  const a = Math.abs(span);
  const trim = fixed ? (s: string): string => s : trimZeros;
  if (a < 1e-3) return `${trim((seconds * 1e6).toFixed(a < 1e-5 ? 2 : 1))} µs`;
  if (a < 1) return `${trim((seconds * 1e3).toFixed(a < 1e-2 ? 3 : a < 1e-1 ? 2 : 3))} ms`;
  return `${trim(seconds.toFixed(a < 100 ? 6 : 3))} s`;
}

/** A duration from -T, always in a readable unit: "7 µs", "1.5 ms", "2.000 s". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || Number.isNaN(seconds)) return '';
  if (seconds < 1e-3) return `${Math.round(seconds * 1e6)} µs`;
  if (seconds < 1) return `${trimZeros((seconds * 1e3).toFixed(2))} ms`;
  return `${seconds.toFixed(3)} s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Calls whose result is an address, which strace prints in hex ("brk(NULL) = 0x55d6a8c9e000"). */
const ADDRESS_RESULTS = new Set(['brk', 'mmap', 'mmap2', 'mremap', 'shmat', 'sbrk']);

/**
 * A call's return value as strace prints it, from the numeric column: hex for the calls that return an
 * address (and for values too large to be anything else), decimal otherwise; '' when there is none.
 */
export function formatReturn(name: string, ret: number): string {
  if (Number.isNaN(ret)) return '';
  if ((ADDRESS_RESULTS.has(name) && ret > 0) || Math.abs(ret) >= 2 ** 40)
    return `${ret < 0 ? '-' : ''}0x${Math.abs(ret).toString(16)}`;
  return String(ret);
}
