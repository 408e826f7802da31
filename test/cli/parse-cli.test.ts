import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStrace } from '../../parsers/strace/index.js';
import { CORPUS } from '../strace/corpus-files.js';
import { runCli } from './run-cli.js';
import { makeTempDir } from '../temp-dir.js';

describe('spelunk parse', () => {
  it('prints one JSON event per line in trace order, with the documented fields', async () => {
    const r = await runCli(['parse', CORPUS + 'foo-chroot-fails.log', '--ndjson']);
    expect(r.exitCode).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.length).toBe(125);
    const failed = events.find((e) => e.kind === 'syscall' && e.name === 'execve' && e.errno === 'ENOENT');
    expect(failed).toMatchObject({
      line: expect.any(Number),
      pid: expect.any(Number),
      ts: expect.any(Number),
      ret: '-1',
    });
    expect(failed.args[0]).toMatchObject({ type: 'string', value: '/foo' });
    const lines = events.map((e) => e.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it("reads an -ff directory as one trace, naming each event's file", async () => {
    const r = await runCli(['parse', CORPUS + 'ff', '--ndjson']);
    expect(r.exitCode).toBe(0);
    const files = new Set(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).file),
    );
    expect([...files].sort()).toEqual(['pipe.7721', 'pipe.7722', 'pipe.7723']);
  });

  it('turns -y decorations into fd nodes', async () => {
    const r = await runCli(['parse', CORPUS + 'cat-ttt-y.log']);
    const withFd = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .find((e) => e.args?.some((a: { type: string }) => a.type === 'fd'));
    expect(withFd.args.find((a: { type: string }) => a.type === 'fd')).toMatchObject({
      type: 'fd',
      value: expect.any(Number),
      path: expect.stringMatching(/^\//),
    });
  });
});

describe('spelunk stats', () => {
  it("--json equals strace -C's own counts", async () => {
    const r = await runCli(['stats', CORPUS + 'foo-host.log', '--json']);
    const stats = JSON.parse(r.stdout);
    expect(stats.syscalls.mmap).toMatchObject({ calls: expect.any(Number), errors: 0 });
    expect(stats.syscalls.access).toMatchObject({ calls: 1, errors: 1 });
    expect(stats.unknownLines).toBe(0);
    expect(stats.events).toBeGreaterThan(30);
  });

  it("--json on a log holding only strace -c's table counts that table", async () => {
    const log = CORPUS + 'format/flags/summary.c.log';
    const r = await runCli(['stats', log, '--json']);
    const stats = JSON.parse(r.stdout);
    expect(stats.fromTable).toBe(true);
    // the kernel's count as strace printed it is the oracle: every row, calls and errors
    const [table] = parseStrace(readFileSync(log, 'latin1')).summaries;
    expect(Object.keys(stats.syscalls).sort()).toEqual(table?.rows.map((row) => row.name).sort());
    for (const row of table?.rows ?? [])
      expect(stats.syscalls[row.name]).toMatchObject({
        calls: row.calls,
        errors: row.errors,
        seconds: row.seconds,
      });
  });

  it('prints a table in strace -c layout', async () => {
    const r = await runCli(['stats', CORPUS + 'foo-host.log']);
    expect(r.stdout).toMatch(/^% time +seconds +usecs\/call +calls +errors syscall$/m);
    expect(r.stdout).toMatch(/^ +\S+ +\S+ +\S+ +1 +1 access$/m);
  });
});

describe('bad input: one line naming the file, non-zero exit, no stack trace', () => {
  const dir = makeTempDir('spelunk-cli');
  const binary = join(dir, 'binary.log');
  writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 10, 0, 0]));
  const prose = join(dir, 'prose.txt');
  writeFileSync(prose, 'Dear diary,\ntoday I traced nothing.\n');
  const empty = join(dir, 'empty.log');
  writeFileSync(empty, '');
  // 2 GiB of zeros, sparse: the head decides it is binary, and the rest is never read
  const zeros = join(dir, 'zeros.img');
  writeFileSync(zeros, '');
  truncateSync(zeros, 2 ** 31);
  // an -ff set next to a file whose name only looks like a member (a year, not a pid of this set)
  const twoSets = join(dir, 'two-sets');
  mkdirSync(twoSets);
  for (const f of ['pipe.7721', 'pipe.7722', 'pipe.7723'])
    copyFileSync(join(CORPUS, 'ff', f), join(twoSets, f));
  writeFileSync(join(twoSets, 'notes.2024'), 'shopping list\n');
  it.each([
    ['a missing file', join(dir, 'nope.log'), /nope\.log: no such file/],
    ['a directory with no -ff set', dir, /is a directory that holds no NAME\.PID files/],
    ['a binary file', binary, /binary\.log: is a binary file/],
    ['2 GiB of zeros', zeros, /zeros\.img: is a binary file/],
    [
      'a file that is not a trace',
      prose,
      /prose\.txt: does not look like an strace log: none of its 2 lines/,
    ],
    ['an empty file', empty, /empty\.log: is empty \(0 bytes\)/],
    [
      "strace -c's table alone",
      join(CORPUS, 'format/flags/summary.c.log'),
      /summary\.c\.log: holds only strace's -c summary table/,
    ],
    [
      'a folder of two -ff sets',
      twoSets,
      /two-sets: is a directory that holds 2 -ff sets, pipe\.\* \(3\), notes\.\* \(1\)/,
    ],
  ])('%s', async (_what, path, message) => {
    const r = await runCli(['parse', path]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
