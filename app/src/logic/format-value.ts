/** Text formatting for times, durations and counts shown in the chrome. */

/** A time offset in seconds with a unit that suits `span` (the visible width): "1.234 ms", "+2.5 s". */
export function formatSeconds(seconds: number, span = Math.abs(seconds)): string {
  const a = Math.abs(span);
  if (a < 1e-3) return `${trimZeros((seconds * 1e6).toFixed(a < 1e-5 ? 2 : 1))} µs`;
  if (a < 1) return `${trimZeros((seconds * 1e3).toFixed(a < 1e-2 ? 3 : a < 1e-1 ? 2 : 1))} ms`;
  return `${trimZeros(seconds.toFixed(a < 10 ? 3 : 1))} s`;
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
