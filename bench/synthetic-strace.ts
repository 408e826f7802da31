import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

/** A real `strace -f -tt -T` log: the chroot run of the workshop program (about 160 calls). */
export const SYNTHETIC_SOURCE = fileURLToPath(
  new URL('../test/corpus/foo-chroot-works.log', import.meta.url),
);

function formatTime(seconds: number): string {
  const h = Math.floor(seconds / 3600) % 24;
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(6).padStart(9, '0')}`;
}

/**
 * n events of realistic strace text: the source's call lines, repeated and re-timed as the same program
 * run over and over by 48 rotating pids, one run after the other.
 */
export function buildSyntheticLog(n: number): string {
  const lines = readFileSync(SYNTHETIC_SOURCE, 'latin1')
    .split('\n')
    .map((l) => /^(\d+)( +)(\d\d):(\d\d):(\d\d\.\d+) (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      pid: Number(m[1]),
      gap: m[2]!,
      t: Number(m[3]) * 3600 + Number(m[4]) * 60 + Number(m[5]),
      body: m[6]!,
    }));
  const first = lines[0]!.t;
  const runSpan = lines[lines.length - 1]!.t - first + 50e-6;
  const out: string[] = [];
  let start = 10 * 3600;
  for (let k = 0; out.length < n; k++) {
    const pidOffset = 1000 * (k % 48);
    for (const l of lines) {
      if (out.length >= n) break;
      out.push(`${l.pid + pidOffset}${l.gap}${formatTime(start + (l.t - first))} ${l.body}`);
    }
    start += runSpan;
  }
  return out.join('\n') + '\n';
}
