import { execFile } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyscallEvent } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';

const run = promisify(execFile);
const HELLO = new URL('../../samples/src/hello.c', import.meta.url).pathname;

/**
 * Who makes each call of the hello-process lesson, from strace -k's stack of every call: the hello-world
 * sample's program, built the same way (gcc -O2), its stdout a regular file as under the collector. The
 * lesson says the thread set-up is the loader's, and that newfstatat(1), getrandom and brk come from
 * puts and its first malloc inside main(), the write from exit().
 */
describe('hello-process, attributed by stack traces (strace -k)', () => {
  let dir = '';
  let calls: SyscallEvent[] = [];
  beforeAll(async () => {
    dir = mkdtempSync('/tmp/spelunk-stacks-');
    await run('gcc', ['-O2', '-o', join(dir, 'hello'), HELLO]);
    const out = openSync(join(dir, 'stdout.txt'), 'w');
    closeSync(out);
    await run('sh', ['-c', `strace -k -o "$1/log" "$1/hello" > "$1/stdout.txt"`, 'sh', dir]);
    const trace = parseStrace(readFileSync(join(dir, 'log'), 'latin1'));
    calls = [...trace.events()].filter((e): e is SyscallEvent => e.kind === 'syscall');
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const stackOf = (name: string, nth = 1): string[] => {
    const c = calls.filter((e) => e.name === name)[nth - 1];
    expect(c, `${name} #${nth}`).toBeDefined();
    expect(c?.stack?.length, `${name} #${nth} has a stack`).toBeGreaterThan(0);
    return c?.stack ?? [];
  };
  const fromLoaderOnly = (stack: string[]): boolean => stack.every((f) => f.includes('ld-linux'));
  const inMain = (stack: string[]): boolean => stack.some((f) => /\/hello\(main\+/.test(f));

  it('the thread set-up, RELRO mprotects and the ld.so.cache munmap run in the loader', () => {
    for (const name of ['arch_prctl', 'set_tid_address', 'set_robust_list', 'rseq', 'munmap'])
      expect(fromLoaderOnly(stackOf(name)), name).toBe(true);
    for (let k = 1; k <= 3; k++) expect(fromLoaderOnly(stackOf('mprotect', k)), `mprotect #${k}`).toBe(true);
  });

  it("prlimit64 is libc's early initialisation, called by the loader", () => {
    const stack = stackOf('prlimit64');
    expect(stack.some((f) => f.includes('libc.so.6(__libc_early_init+'))).toBe(true);
    expect(inMain(stack)).toBe(false);
  });

  it('newfstatat(1), getrandom and the second brk pair come from puts in main, getrandom from malloc', () => {
    const fstat = calls.filter((e) => e.name === 'newfstatat').at(-1)?.stack ?? [];
    expect(inMain(fstat) && fstat.some((f) => f.includes('(puts+'))).toBe(true);
    const random = stackOf('getrandom');
    expect(inMain(random) && random.some((f) => f.includes('(malloc+'))).toBe(true);
    expect(inMain(stackOf('brk', 2)) && inMain(stackOf('brk', 3))).toBe(true);
    expect(inMain(stackOf('brk', 1))).toBe(false); // the loader's brk(NULL)
  });

  it('the write is made by exit(), after main returned', () => {
    const stack = stackOf('write');
    expect(stack.some((f) => f.includes('libc.so.6(exit+'))).toBe(true);
    expect(inMain(stack)).toBe(false);
  });
});
