import { describe, expect, it } from 'vitest';
import { parseStrace } from '../../parsers/strace/index.js';
import { corpusLogFiles, readCorpus, walkArgs } from './helpers.js';

/**
 * The argument parser as the trace parser uses it: events decoded lazily, split calls stitched by
 * parsers/strace, stderr damage repaired there first. Only by-design `other` nodes may remain.
 */
describe('arguments of every decoded event of the corpus', () => {
  it('leave only restart placeholders and tracee output glued into a line unmodelled', () => {
    const others: string[] = [];
    let syscalls = 0;
    for (const file of corpusLogFiles()) {
      const trace = parseStrace(readCorpus(file), { fileName: file });
      for (let i = 0; i < trace.count; i++) {
        const event = trace.event(i);
        const roots =
          event.kind === 'syscall' ? event.args : event.kind === 'signal' && event.info ? [event.info] : [];
        if (event.kind === 'syscall') syscalls++;
        walkArgs(roots, (node) => {
          if (node.type === 'other') others.push(`${file}:${event.line} ${node.text}`);
        });
      }
    }
    expect(syscalls).toBeGreaterThan(40_000);
    const unexplained = others.filter(
      (o) =>
        !/ <\.\.\. resuming interrupted \w+ \.\.\.>$/.test(o) &&
        !/^format\/(shared-stderr|pipeline\.f\.tt\.T\.stderr)\.log:/.test(o),
    );
    expect(unexplained).toEqual([]);
    expect(others.length).toBeLessThanOrEqual(11);
  });
});
