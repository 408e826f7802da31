import { beforeAll, describe, expect, it } from 'vitest';
import { listErrnos, lookupErrno, lookupSyscall } from '../../parsers/catalog/index.js';
import { NOT_REPRODUCIBLE } from './not-reproducible.js';
import type { ReproRun } from './run-reproductions.js';
import { SCOPE, runReproductions } from './run-reproductions.js';

/**
 * The kernel as the oracle for the catalogue: the programs in src/ make the containment and process calls
 * fail on purpose, under strace. Every errno the kernel returns for these calls must be one the catalogue
 * explains for that call, and every errno the catalogue lists for them must be reproduced here or have
 * its reason in not-reproducible.ts. reproductions.md is the resulting table, kept in step by this test.
 */
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe.runIf(isRoot)('errno catalogue, reproduced by the kernel', () => {
  let runs: ReproRun[] = [];
  beforeAll(async () => {
    runs = await runReproductions();
  }, 180_000);

  const listed = (syscall: string): string[] => lookupSyscall(syscall)?.errors.map((e) => e.errno) ?? [];
  const seenErrnos = (syscall: string): Set<string> =>
    new Set(
      runs.flatMap((r) =>
        r.seen.filter((s) => s.syscall === syscall && s.errno !== 'OK').map((s) => s.errno),
      ),
    );

  it('every program runs to the end, and every case gets the errno it was written for', () => {
    expect(runs.length).toBeGreaterThanOrEqual(9);
    for (const r of runs) {
      expect({ program: r.program, exitCode: r.exitCode, other: r.other }).toEqual({
        program: r.program,
        exitCode: 0,
        other: [],
      });
      for (const c of r.cases) expect(c.got, `${c.program}: ${c.syscall}, ${c.what}`).toBe(c.want);
      for (const f of r.facts) expect(f.ok, `${r.program}: ${f.name}: ${f.observed}`).toBe(true);
    }
  });

  it("strace's own view of each call agrees with what the program read in errno", () => {
    for (const r of runs) {
      const pool = r.seen.map((s) => `${s.syscall} ${s.errno}`);
      for (const c of r.cases) {
        const k = pool.indexOf(`${c.syscall} ${c.want}`);
        expect(
          k,
          `${r.program}: no strace line for ${c.syscall} = ${c.want} (${c.what})`,
        ).toBeGreaterThanOrEqual(0);
        pool.splice(k, 1);
      }
    }
  });

  it('every errno the kernel returned for these calls is explained in that call’s entry', () => {
    for (const syscall of SCOPE) {
      const unexplained = [...seenErrnos(syscall)].filter((e) => !listed(syscall).includes(e));
      expect(unexplained, `${syscall}: errnos seen but not in its entry`).toEqual([]);
    }
  });

  it('every errno an entry lists is reproduced here, or has its reason in not-reproducible.ts', () => {
    for (const syscall of SCOPE) {
      const seen = seenErrnos(syscall);
      const reasons = NOT_REPRODUCIBLE[syscall] ?? {};
      const missing = listed(syscall).filter((e) => !seen.has(e) && reasons[e] === undefined);
      expect(missing, `${syscall}: listed, never reproduced, no reason given`).toEqual([]);
      // A reason must be about an errno the entry lists and no program reproduces.
      for (const e of Object.keys(reasons)) {
        expect(listed(syscall), `${syscall} ${e}: reason for an errno the entry does not list`).toContain(e);
        expect(seen.has(e), `${syscall} ${e}: reproduced after all, drop its reason`).toBe(false);
      }
    }
    expect(Object.keys(NOT_REPRODUCIBLE).every((s) => (SCOPE as readonly string[]).includes(s))).toBe(true);
  });

  it('keeps the reproduction table (reproductions.md) in step', async () => {
    const rows = SCOPE.flatMap((syscall) =>
      listed(syscall).map((errno) => {
        const by = runs.flatMap((r) =>
          r.cases
            .filter((c) => c.syscall === syscall && c.want === errno && c.got === errno)
            .map((c) => `${c.what} (${c.program}.c)`),
        );
        const how = by.length
          ? `reproduced: ${by.join('; ')}`
          : `not here: ${NOT_REPRODUCIBLE[syscall]?.[errno] ?? '?'}`;
        return `| ${syscall} | ${errno} | ${how.replace(/\|/g, '\\|')} |`;
      }),
    );
    const facts = runs.flatMap((r) => r.facts.map((f) => `- ${f.name} (${r.program}.c): ${f.observed}`));
    const text = [
      '# Errno reproductions',
      '',
      'Written by test/kernel/errno-reproductions.test.ts from real runs of the programs in src/ under strace:',
      'for each call in scope, every errno its `spelunk explain` entry lists, and the case that made the kernel',
      'return it (or why it cannot be made to happen here).',
      '',
      '| syscall | errno | how |',
      '| --- | --- | --- |',
      ...rows,
      '',
      '## Facts checked on the way',
      '',
      ...facts,
      '',
    ].join('\n');
    await expect(text).toMatchFileSnapshot('./reproductions.md');
  });
});

describe('errno explanations that name a call', () => {
  it('only name calls in scope whose entries list that errno', () => {
    // "explain EXDEV" once named pivot_root, which never returns it: an errno text naming a call in scope
    // must be backed by that call's own entry (itself held to the kernel above). Words that are also a
    // noun, a mechanism or a command ("a ro bind mount", "a seccomp filter", "inside unshare -n") are left out.
    const ambiguous = new Set(['mount', 'seccomp', 'unshare', 'chroot']);
    for (const info of listErrnos()) {
      const text = lookupErrno(info.name)?.explanation ?? '';
      for (const syscall of SCOPE.filter((s) => !ambiguous.has(s))) {
        if (!new RegExp(`\\b${syscall}\\b`).test(text)) continue;
        expect(
          lookupSyscall(syscall)?.errors.map((e) => e.errno),
          `${info.name} names ${syscall}`,
        ).toContain(info.name);
      }
    }
  });
});
