import { describe, expect, it } from 'vitest';
import { computeTraceDiff, formatDiffJson, formatDiffReport } from '../../parsers/analysis/diff/index.js';
import { computeProcessTree } from '../../parsers/analysis/process-tree.js';
import { computeSyscallStats } from '../../parsers/analysis/syscall-stats.js';
import type { Trace } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { answerRequest, createWorkerState } from '../../app/src/worker/worker-handlers.js';
import type { WorkerResponse } from '../../app/src/worker/worker-protocol.js';
import { buildTraceData } from '../../app/src/worker/build-trace-data.js';
import { computeTreeOrder } from '../../app/src/logic/compute-processes.js';
import { syscallCount } from './diff-helpers.js';

/*
 * Inputs whose shape, not their size, decides how deep a walk goes. Each one overflowed the call stack
 * in `spelunk diff` (and the app's comparison said "Could not read the trace: RangeError") before the
 * walks were made iterative. They are generated here, a few MB at most.
 */

/** `depth` processes, each the child of the one before: sh forks, the child forks, and so on. */
function nestedClones(depth: number, exitCode: number): string {
  const lines = [`1000  execve("/bin/sh", ["sh"], 0x7ffc5a3e1b40 /* 10 vars */) = 0`];
  for (let k = 0; k < depth; k++)
    lines.push(
      `${1000 + k}  clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f3a) = ${1001 + k}`,
    );
  for (let k = depth; k >= 0; k--)
    lines.push(`${1000 + k}  exit_group(${exitCode}) = ?`, `${1000 + k}  +++ exited with ${exitCode} +++`);
  return lines.join('\n') + '\n';
}

/**
 * One pid exec'ing again and again, each image a child of the last in the process tree. A 700 MB log
 * made of one short run repeated (5 million calls, 140,000 execve in pid 7653) is this shape.
 */
function execChain(execs: number, programs: number): string {
  const lines: string[] = [];
  for (let k = 0; k < execs; k++)
    lines.push(
      `500   execve("/bin/p${k % programs}", ["p"], 0x7ffc5a3e1b40 /* 10 vars */) = 0`,
      `500   brk(NULL)                         = 0x55${(k * 4096).toString(16)}000`,
    );
  return lines.join('\n') + '\n';
}

/** A PATH search that never ends: 150,000 failed execve in one pid (past V8's spread-argument limit). */
function failedExecs(count: number): string {
  const lines: string[] = [];
  for (let k = 0; k < count; k++)
    lines.push(
      `500   execve("/d${k}/prog", ["prog"], 0x7ffc5a3e1b40 /* 10 vars */) = -1 ENOENT (No such file or directory)`,
    );
  return lines.join('\n') + '\n';
}

function parse(text: string, name: string): Trace {
  return parseStrace(text, { fileName: name });
}

/** Everything `spelunk diff`, `spelunk stats` and the app's comparison do with a pair. */
async function diffEverything(a: Trace, b: Trace): Promise<void> {
  const diff = computeTraceDiff(a, b, { labels: { a: 'A', b: 'B' } });
  expect(diff.equal + diff.changed + diff.onlyA).toBe(syscallCount(a));
  expect(diff.equal + diff.changed + diff.onlyB).toBe(syscallCount(b));
  expect(formatDiffReport(diff, { context: 'all', maxLines: Infinity })).toContain('Findings');
  expect(JSON.stringify(formatDiffJson(diff)).length).toBeGreaterThan(0);
  computeSyscallStats(a);
  // The app's worker, answering the comparison's request in-process.
  const state = createWorkerState();
  state.traces.set('a', a);
  state.traces.set('b', b);
  const posted: WorkerResponse[] = [];
  await answerRequest(
    { id: 1, method: 'diff', params: { labels: { a: 'A', b: 'B' } } },
    state,
    (msg) => void posted.push(msg),
  );
  expect(posted.map((m) => m.type)).toContain('result');
  expect(posted.map((m) => (m.type === 'error' ? m.message : ''))).not.toContain('RangeError');
}

describe('no recursion whose depth the input decides', () => {
  it('2,500 nested clones: diff, process tree, the app lanes', async () => {
    {
      const depth = 2_500;
      const a = parse(nestedClones(depth, 0), 'clones-a.log');
      const b = parse(nestedClones(depth, 1), 'clones-b.log');
      const tree = computeProcessTree(a);
      expect(tree.nodes).toHaveLength(depth + 1);
      expect(tree.roots).toHaveLength(1);
      await diffEverything(a, b);
      const order = computeTreeOrder(buildTraceData(a, 'a', 'a', 0, 0).processes);
      expect(order).toHaveLength(depth + 1);
      expect(order[depth]).toEqual({ pid: 1000 + depth, depth });
    }
  });

  it('6,000 execve in one pid: one node per image, diffed against another chain', async () => {
    {
      const execs = 6_000;
      const a = parse(execChain(execs, 3), 'exec-a.log');
      const b = parse(execChain(execs, 2), 'exec-b.log');
      expect(computeProcessTree(a).nodes).toHaveLength(execs);
      await diffEverything(a, b);
    }
  });

  it('150,000 failed execve in one pid', async () => {
    const a = parse(failedExecs(150_000), 'path-search.log');
    const b = parse(execChain(1, 1), 'one.log');
    const tree = computeProcessTree(a);
    expect(tree.nodes[0]?.failedExecs).toHaveLength(150_000);
    await diffEverything(a, b);
  });
});
