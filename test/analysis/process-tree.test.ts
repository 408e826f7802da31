import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProcessNode, ProcessTree } from '../../parsers/analysis/process-tree.js';
import { computeProcessTree } from '../../parsers/analysis/process-tree.js';
import { readExec, readExecArgs } from '../../parsers/analysis/exec-text.js';
import { parseStrace, parseStraceFiles } from '../../parsers/strace/index.js';
import { CORPUS, loadLog } from './diff-helpers.js';

/** `pid program (origin) exit` per node, indented by depth: the tree as a reviewer reads it. */
function shape(tree: ProcessTree): string[] {
  const out: string[] = [];
  const walk = (id: number, depth: number): void => {
    const n = tree.nodes[id] as ProcessNode;
    const exit =
      n.exit === null ? '' : 'code' in n.exit ? ` exit ${n.exit.code}` : ` killed ${n.exit.signal}`;
    out.push(`${'  '.repeat(depth)}${n.pid} ${n.program} (${n.origin})${exit}`);
    for (const c of n.children) walk(c, depth + 1);
  };
  for (const r of tree.roots) walk(r, 0);
  return out;
}

describe('process tree', () => {
  it('shows a shell pipeline: sh forks three children, two of which exec tr and cat', () => {
    const tree = computeProcessTree(loadLog('corpus:pipe-f-yy.log'));
    expect(shape(tree)).toEqual([
      '7683 /usr/bin/sh (root) exit 0',
      '  7684 /usr/bin/sh (clone) exit 0',
      '  7685 /usr/bin/sh (clone)',
      '    7685 /usr/bin/tr (execve) exit 0',
      '  7686 /usr/bin/sh (clone)',
      '    7686 /usr/bin/cat (execve) exit 0',
    ]);
    const tr = tree.nodes.find((n) => n.program === '/usr/bin/tr');
    expect(tr?.argv).toEqual(['tr', 'x', 'y']);
    expect(tr?.envCount).toBe(8);
  });

  it('makes one node per execve in one pid: env -i, then chroot, then the target', () => {
    const tree = computeProcessTree(loadLog('corpus:env-toy.log'));
    expect(shape(tree)).toEqual([
      '7696 /usr/bin/env (root)',
      '  7696 /usr/sbin/chroot (execve)',
      '    7696 /bin/env (execve) exit 0',
    ]);
    expect(tree.nodes.map((n) => n.envCount)).toEqual([8, 1, 1]);
  });

  it('gives the same tree for an -ff set as for the -f log of the same run shape', () => {
    const dir = CORPUS + 'ff/';
    const files = ['pipe.7721', 'pipe.7722', 'pipe.7723'].map((name) => ({
      name,
      text: readFileSync(dir + name, 'latin1'),
    }));
    const tree = computeProcessTree(parseStraceFiles(files));
    expect(shape(tree)).toEqual([
      '7721 /usr/bin/sh (root) exit 0',
      '  7722 /usr/bin/sh (clone)',
      '    7722 /usr/bin/ls (execve) exit 0',
      '  7723 /usr/bin/sh (clone)',
      '    7723 /usr/bin/head (execve) exit 0',
    ]);
  });

  it('records vfork, PATH-search exec failures, and threads', () => {
    const vf = computeProcessTree(loadLog('corpus:format/vf.f.log'));
    const child = vf.nodes.find((n) => n.origin === 'vfork');
    expect(child?.program).toBe('/usr/bin/true');
    expect(child?.failedExecs.length).toBeGreaterThan(0);
    expect(vf.nodes.find((n) => n.program === '/bin/sh')?.exit).toEqual({ code: 5 });
    const mt = computeProcessTree(loadLog('fixture:mt-run1.log'));
    expect(mt.nodes.filter((n) => n.origin === 'thread')).toHaveLength(3);
    // Threads in creation order of their clone3 calls.
    const spawns = mt.nodes.filter((n) => n.origin === 'thread').map((n) => n.spawnEvent);
    expect([...spawns].sort((x, y) => x - y)).toEqual(spawns.slice().sort((x, y) => x - y));
  });

  it('records deaths by signal, with core dumps', () => {
    const tree = computeProcessTree(loadLog('corpus:format/sig.f.log'));
    const exits = tree.nodes.map((n) => n.exit).filter((e) => e && 'signal' in e);
    expect(exits).toContainEqual({ signal: 'SIGSEGV', core: true });
    expect(exits).toContainEqual({ signal: 'SIGKILL', core: false });
  });

  it('assigns every event of a trace to a node of its own pid', () => {
    for (const name of ['pipe-f-yy.log', 'mt-f.log', 'format/vf.f.log', 'format/mtexec.f.log']) {
      const trace = parseStrace(readFileSync(CORPUS + name, 'latin1'));
      const tree = computeProcessTree(trace);
      for (let i = 0; i < trace.count; i++) {
        const node = tree.nodes[tree.nodeOf[i] as number];
        expect(node?.pid).toBe(trace.pid(i));
      }
    }
  });
});

describe('reading execve from the line', () => {
  it('agrees with the decoded argument tree on every execve of the corpus', () => {
    let checked = 0;
    for (const name of [
      'pipe-f-yy.log',
      'env-toy.log',
      'format/vf.f.log',
      'format/longargv.log',
      'format/esc.log',
      'format/mtexec.f.log',
      'format/chroot.ok.y.log',
      'format/big.default.log',
    ]) {
      const trace = parseStrace(readFileSync(CORPUS + name, 'latin1'));
      for (let i = 0; i < trace.count; i++) {
        if (trace.kind(i) !== 'syscall' || !trace.name(i).startsWith('execve')) continue;
        const ev = trace.event(i);
        if (ev.kind !== 'syscall') continue;
        expect(readExec(trace, i), `${name} line ${trace.line(i)}`).toEqual(readExecArgs(ev));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
