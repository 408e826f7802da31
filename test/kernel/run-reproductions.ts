import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseStrace } from '../../parsers/strace/index.js';

const run = promisify(execFile);
const SRC = new URL('./src/', import.meta.url).pathname;

/** The calls the programs in src/ exercise: strace traces these, and the catalogue is held to them. */
export const SCOPE = [
  'chroot',
  'pivot_root',
  'unshare',
  'setns',
  'mount',
  'umount2',
  'open_tree',
  'move_mount',
  'fsopen',
  'fsconfig',
  'fsmount',
  'mount_setattr',
  'capget',
  'capset',
  'prctl',
  'seccomp',
  'sethostname',
  'setdomainname',
  'execve',
  'execveat',
  'clone',
  'clone3',
  'mmap',
  'mprotect',
  'keyctl',
  'add_key',
  'request_key',
  'rseq',
] as const;

/** One `CASE` line: what the program asked for, what the kernel answered ("OK": success). */
export interface ReproCase {
  program: string;
  syscall: string;
  want: string;
  got: string;
  what: string;
}

export interface ReproRun {
  program: string;
  exitCode: number;
  cases: ReproCase[];
  facts: { name: string; ok: boolean; observed: string }[];
  /** Lines the program printed that are neither CASE nor FACT (a setup step that failed). */
  other: string[];
  /** What strace saw for the calls in SCOPE: name and errno ("OK" for success), in trace order. */
  seen: { syscall: string; errno: string; line: string }[];
}

/** Compiles every src/*.c and runs each under strace -f, in its own scratch directory (removed after). */
export async function runReproductions(): Promise<ReproRun[]> {
  const bin = mkdtempSync('/tmp/spelunk-kernel-bin-');
  try {
    const programs = readdirSync(SRC)
      .filter((f) => f.endsWith('.c'))
      .map((f) => f.slice(0, -2))
      .sort();
    await Promise.all(
      programs.map((p) =>
        run('gcc', ['-O0', '-Wall', '-Werror', '-pthread', '-o', join(bin, p), join(SRC, `${p}.c`)]),
      ),
    );
    const runs: ReproRun[] = [];
    for (const program of programs) runs.push(await runOne(program, bin));
    return runs;
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

async function runOne(program: string, bin: string): Promise<ReproRun> {
  const scratch = mkdtempSync('/tmp/spelunk-kernel-');
  const log = join(bin, `${program}.strace.log`);
  try {
    const argv = ['-f', '-o', log, '-e', `trace=${SCOPE.join(',')}`, join(bin, program), scratch];
    const r = await run('strace', argv, { timeout: 60_000 }).then(
      (ok) => ({ stdout: ok.stdout, code: 0 }),
      (err: { stdout?: string; code?: number }) => ({ stdout: err.stdout ?? '', code: err.code ?? -1 }),
    );
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    const cases: ReproCase[] = [];
    const facts: ReproRun['facts'] = [];
    const other: string[] = [];
    for (const l of lines) {
      const c = /^CASE (\S+) (\S+) (\S+) (.*)$/.exec(l);
      const f = /^FACT (\S+) (ok|wrong) (.*)$/.exec(l);
      if (c) cases.push({ program, syscall: c[1]!, want: c[2]!, got: c[3]!, what: c[4]! });
      else if (f) facts.push({ name: f[1]!, ok: f[2] === 'ok', observed: f[3]! });
      else other.push(l);
    }
    const trace = parseStrace(readFileSync(log, 'latin1'), { fileName: `${program}.strace.log` });
    const seen: ReproRun['seen'] = [];
    for (let i = 0; i < trace.count; i++) {
      if (trace.kind(i) !== 'syscall' || trace.ret(i) === null) continue; // exec'd away or unfinished
      seen.push({ syscall: trace.name(i), errno: trace.errno(i) ?? 'OK', line: trace.rawLine(i) });
    }
    return { program, exitCode: r.code, cases, facts, other, seen };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
