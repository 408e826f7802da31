import { parseBpftraceLine } from './line-grammar.js';

/**
 * Cheap yes/no on the start of a file: the collector's bpftrace output starts with bpftrace's
 * "Attaching N probes..." and the clock anchor, then call lines. Uses the real line parser.
 */
export function sniffBpftrace(head: string): boolean {
  const lines = head.split('\n', 40);
  let ours = 0;
  let other = 0;
  lines.forEach((line, n) => {
    const rec = parseBpftraceLine(line);
    if (rec === null) {
      if (!(n === lines.length - 1 && !head.endsWith('\n'))) other++;
    } else if (rec.type !== 'blank' && rec.type !== 'header') ours++;
  });
  return ours > 0 && ours >= other * 4;
}
