import { describe, expect, it } from 'vitest';
import { computeTraceDiff } from '../../parsers/analysis/diff/index.js';
import { formatGolden, loadLog, syscallCount } from './diff-helpers.js';

// Real pairs: host vs chroot without the loader, host vs chroot with libraries, reruns (plain and
// threaded), env -i vs not, and two builds of the same threaded program.
const PAIRS: { name: string; a: string; b: string; labels?: { a: string; b: string } }[] = [
  {
    name: 'foo-host-vs-chroot-fails',
    a: 'corpus:foo-host.log',
    b: 'corpus:foo-chroot-fails.log',
    labels: { a: 'host', b: 'chroot' },
  },
  {
    name: 'foo-host-vs-chroot-works',
    a: 'corpus:foo-host.log',
    b: 'corpus:foo-chroot-works.log',
    labels: { a: 'host', b: 'chroot' },
  },
  { name: 'foo-chroot-fails-vs-works', a: 'corpus:foo-chroot-fails.log', b: 'corpus:foo-chroot-works.log' },
  { name: 'ls-rerun', a: 'fixture:ls-run1.log', b: 'fixture:ls-run2.log' },
  { name: 'mt-threaded-rerun', a: 'fixture:mt-run1.log', b: 'fixture:mt-run2.log' },
  { name: 'mt-two-builds', a: 'corpus:mt-f.log', b: 'corpus:format/mt.f.log' },
  { name: 'env-clear-vs-plain', a: 'fixture:env-clear.log', b: 'fixture:env-plain.log' },
  { name: 'env-toy-vs-plain', a: 'corpus:env-toy.log', b: 'fixture:env-plain.log' },
  { name: 'chroot-enoent-vs-ok', a: 'corpus:format/chroot.enoent.log', b: 'corpus:format/chroot.ok.log' },
  { name: 'chroot-ok-plain-vs-y', a: 'corpus:format/chroot.ok.log', b: 'corpus:format/chroot.ok.y.log' },
];

describe.each(PAIRS)('diff $name', ({ name, a, b, labels }) => {
  const ta = loadLog(a);
  const tb = loadLog(b);
  const diff = computeTraceDiff(ta, tb, labels ? { labels } : {});

  it('matches its golden report', async () => {
    await expect(formatGolden(diff)).toMatchFileSnapshot(`../golden/diff/${name}.txt`);
  });

  it('accounts for every syscall of both traces exactly once', () => {
    expect(diff.equal + diff.changed + diff.onlyA).toBe(syscallCount(ta));
    expect(diff.equal + diff.changed + diff.onlyB).toBe(syscallCount(tb));
    const seenA = new Set<number>();
    const seenB = new Set<number>();
    for (let k = 0; k < diff.pairs.count; k++) {
      const i = diff.pairs.a[k] as number;
      const j = diff.pairs.b[k] as number;
      if (i >= 0) {
        expect(seenA.has(i)).toBe(false);
        seenA.add(i);
      }
      if (j >= 0) {
        expect(seenB.has(j)).toBe(false);
        seenB.add(j);
      }
    }
  });

  it('never uses the coarse fallback on small real traces', () => {
    expect(diff.coarse).toBe(false);
  });
});

describe('what the diff says about real pairs', () => {
  it('explains the chroot ENOENT by the missing dynamic loader, with both lines', () => {
    const diff = computeTraceDiff(loadLog('corpus:foo-host.log'), loadLog('corpus:foo-chroot-fails.log'), {
      labels: { a: 'host', b: 'chroot' },
    });
    // The diagnosis comes first: the missing ELF interpreter, its evidence the execve in both runs.
    const first = diff.findings[0];
    expect(first).toMatchObject({ kind: 'diagnosis', rule: 'missing-elf-interpreter', confidence: 'likely' });
    expect(first?.message).toMatch(/^chroot exits 127 where host exits 0: foo is dynamically linked/);
    expect(first?.a?.line).toBe(1);
    expect(first?.b?.line).toBe(111);
    expect(first?.b?.text).toContain('execve("/foo"');
    expect(first?.evidence?.a.map((r) => r.line)).toEqual([1, 5, 9]);
    const divergence = diff.findings.find((f) => f.kind === 'first-divergence');
    expect(divergence?.b?.line).toBe(111);
    // The diagnosis names the loader and the library the host run opens; the failed-only finding keeps
    // both execve lines without choosing between the file and its interpreter.
    expect(first?.message).toContain('/lib64/ld-linux-x86-64.so.2');
    expect(first?.message).toContain('/lib/x86_64-linux-gnu/libc.so.6');
    const failed = diff.findings.find((f) => f.kind === 'failed-only' && f.message.includes('execve("/foo"'));
    expect(failed?.b?.line).toBe(111);
    expect(failed?.a?.line).toBe(1);
    const exit = diff.findings.find((f) => f.kind === 'exit-status');
    expect(exit?.message).toContain('exit status 0 in host and exit status 127 in chroot');
  });

  it('reports the chroot program start-up as one block and aligns the target execve', () => {
    const diff = computeTraceDiff(loadLog('corpus:foo-host.log'), loadLog('corpus:foo-chroot-works.log'));
    const scaffold = diff.blocks.filter((b) => b.why === 'chroot-scaffolding');
    expect(scaffold).toHaveLength(1);
    expect(scaffold[0]?.unitB?.program).toBe('chroot');
    expect(scaffold[0]?.unitB?.events.length).toBe(110);
    // The target's execve (B line 111) is paired with the host's execve (line 1).
    const k = diff.blocks.find((b) => b.kind === 'aligned')?.start ?? -1;
    expect(diff.a.line(diff.pairs.a[k] as number)).toBe(1);
    expect(diff.b.line(diff.pairs.b[k] as number)).toBe(111);
    // After the scaffolding, the program's own run is mostly equal.
    expect(diff.equal).toBeGreaterThanOrEqual(30);
    expect(
      diff.findings.some((f) => f.kind === 'scaffolding' && f.message.includes('chroot("rootfs-libs")')),
    ).toBe(true);
  });

  it('finds a rerun all-equal, threads included', () => {
    for (const [x, y] of [
      ['fixture:ls-run1.log', 'fixture:ls-run2.log'],
      ['fixture:mt-run1.log', 'fixture:mt-run2.log'],
    ] as const) {
      const diff = computeTraceDiff(loadLog(x), loadLog(y));
      expect(diff.changed + diff.onlyA + diff.onlyB).toBe(0);
      // Only the diagnosis, which says so.
      expect(diff.findings.map((f) => [f.kind, f.rule])).toEqual([['diagnosis', 'same-behaviour']]);
      expect(diff.findings[0]?.message).toBe(
        'Both runs exit 0: the program behaves the same in both, with the same output.',
      );
    }
  });

  it('reports the environment size difference of env -i', () => {
    const diff = computeTraceDiff(loadLog('fixture:env-clear.log'), loadLog('fixture:env-plain.log'));
    const env = diff.findings.filter((f) => f.kind === 'env-size');
    expect(env[0]?.message).toContain('1 environment variable in A');
    expect(env[0]?.message).toContain('39 environment variables in B');
    // env's own start-up in A is a launcher stage, shown as one block.
    expect(diff.blocks.some((b) => b.why === 'launcher' && b.unitA?.program === 'env')).toBe(true);
  });
});
