import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeTraceDiff } from '../../parsers/analysis/diff/index.js';
import { computeProcessTree } from '../../parsers/analysis/process-tree.js';
import type { SyscallEvent, TraceEvent } from '../../parsers/model/event.js';
import type { Trace } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { checkTraceIntegrity } from '../../parsers/strace/integrity.js';

const read = (path: string): Trace =>
  parseStrace(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'latin1'), { fileName: path });
const calls = (t: Trace): SyscallEvent[] =>
  [...t.events()].filter((e: TraceEvent): e is SyscallEvent => e.kind === 'syscall');

describe('stitching unfinished and resumed halves', () => {
  it('unfinished-twice: the call left open by a second one on the same task is reported', () => {
    const trace = read('strace/unfinished-twice.strace');
    expect(checkTraceIntegrity(trace)).toEqual([]);
    const [first, second] = calls(trace);
    expect(first).toMatchObject({ name: 'read', line: 1, ret: '?', status: 'unfinished' });
    expect(second).toMatchObject({ name: 'read', line: 2, endLine: 3, ret: '1' });
    expect(trace.diagnostics).toContainEqual(expect.objectContaining({ code: 'never-resumed', line: 1 }));
  });

  it('resumed-cut-again: the middle piece belongs to the call, every line to an event', () => {
    const trace = read('strace/resumed-cut-again.strace');
    expect(checkTraceIntegrity(trace)).toEqual([]);
    const [read3] = calls(trace);
    expect(read3).toMatchObject({ name: 'read', line: 1, endLine: 3, ret: '3' });
    expect(read3?.args.map((a) => a.text)).toEqual(['3', '"abc"', '3']);
    expect(trace.diagnostics).toContainEqual(expect.objectContaining({ code: 'repaired-line', line: 2 }));
  });
});

describe('terminal form: "strace: Process N attached" cutting a clone3 line (issue 11)', () => {
  const terminal = read('strace-terminal/threads.stderr.log');
  const plain = read('strace-terminal/threads.o.log');

  it('every line is accounted for', () => {
    expect(checkTraceIntegrity(terminal)).toEqual([]);
  });

  it("the cut clone3 is the calling task's, not the new thread's", () => {
    const main = calls(terminal).find((e) => e.name === 'execve')?.pid;
    const clones = calls(terminal).filter((e) => e.name === 'clone3');
    expect(clones.map((e) => [e.line, e.pid, e.ret])).toEqual([
      [39, main, '29571'],
      [44, main, '29572'],
      [61, main, '29573'],
    ]);
    // the thread made at line 44 starts on its own lane, a child of the main task
    const tree = computeProcessTree(terminal);
    const thread = tree.nodes[(tree.byPid.get(29572) ?? [])[0] ?? -1];
    expect(thread?.origin).toBe('thread');
    expect(tree.nodes[thread?.parent ?? -1]?.pid).toBe(main);
    // the only root that makes calls is the main task (strace's pid-less messages keep a lane of their own)
    expect(
      tree.roots.filter((r) => (tree.nodes[r]?.syscalls ?? 0) > 0).map((r) => tree.nodes[r]?.pid),
    ).toEqual([main]);
  });

  it('diffed against the same program traced with -o, every process pairs', () => {
    const diff = computeTraceDiff(plain, terminal, { labels: { a: '-o', b: 'stderr' } });
    expect(diff.blocks.filter((b) => b.why === 'unpaired-process')).toEqual([]);
    expect(diff.findings.filter((f) => f.kind === 'process-only')).toEqual([]);
  });
});
