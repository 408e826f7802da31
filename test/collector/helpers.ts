import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { join } from 'node:path';
import { collect } from '../../collector/collect.js';
import type { CollectOptions } from '../../collector/collect.js';
import { parseStrace } from '../../parsers/strace/index.js';
import type { SyscallEvent } from '../../parsers/model/index.js';

const made: string[] = [];

/** A temporary directory removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(prefix);
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the collector for real (strace/bpftrace, chroot, unshare: we are root here and in CI). */
export async function collectFor(program: string, args: string[], options: Partial<CollectOptions> = {}) {
  const outDir = options.outDir ?? tempDir('/tmp/spelunk-test-session-');
  const lines: string[] = [];
  const outcome = await collect({
    program,
    args,
    runs: ['host', 'chroot'],
    rootfs: 'auto',
    unshare: [],
    envClear: false,
    env: [],
    binds: [],
    backend: 'strace',
    timeoutMs: 30_000,
    log: (l) => lines.push(l),
    ...options,
    outDir,
  });
  return { ...outcome, progress: lines };
}

export function readRunLog(sessionDir: string, name: string): string {
  return readFileSync(join(sessionDir, name), 'latin1');
}

export function straceCalls(sessionDir: string, log: string): SyscallEvent[] {
  const trace = parseStrace(readRunLog(sessionDir, log), { fileName: log });
  return [...trace.events()].filter((e): e is SyscallEvent => e.kind === 'syscall');
}

export function stringArg(e: SyscallEvent | undefined, i: number): string | undefined {
  const a = e?.args[i];
  return a?.type === 'string' ? a.value : undefined;
}

export function mountinfoMentions(text: string): boolean {
  return readFileSync('/proc/self/mountinfo', 'utf8').includes(text);
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
export const hasBpftrace = existsSync('/usr/bin/bpftrace') || existsSync('/usr/sbin/bpftrace');
