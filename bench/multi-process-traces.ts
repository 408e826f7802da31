/**
 * Two captures of a build-like workload with thousands of processes, for `npm run bench:diff -- --sizes
 * procs`: the shape of issue 16's diffs (gcc compiles, `find | xargs -n 1 cat`, python imports, `ls -la`,
 * shell loops that fork), each round under `strace -f -ttt -T -yy -s 128`. Run B differs as a second
 * environment does: another locale, a few more files read every tenth round. Recorded into `dir` once
 * and kept; the rounds are chosen from a one-round probe so that each log holds about `events` lines.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';

const PROGRAM_C = `#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) { char b[64]; snprintf(b, sizeof b, "%d", argc); return (int)strlen(b) + (argv[0][0] == 'x'); }
`;

function workload(dir: string, rounds: number, variant: 'a' | 'b'): string {
  return [
    variant === 'b' ? 'export LANG=C.UTF-8 LC_ALL=C.UTF-8' : 'export LANG=C LC_ALL=C',
    `for i in $(seq ${rounds}); do`,
    `  n=120; [ ${variant === 'b' ? '$((i % 10))' : '1'} -eq 0 ] && n=124`,
    `  gcc -O2 -c ${dir}/prog.c -o ${dir}/prog.o`,
    "  find /usr/include -maxdepth 1 -name '*.h' | head -n $n | xargs -n 1 cat > /dev/null",
    '  for k in 1 2 3 4 5 6 7 8; do /bin/true; done',
    "  python3 -c 'import json, email.parser'",
    '  ls -la /usr/share/doc/[a-b]* > /dev/null',
    'done',
  ].join('\n');
}

/** Records into LOG.part, renamed when whole: a recording stopped half-way is never taken for a log. */
async function record(dir: string, log: string, rounds: number, variant: 'a' | 'b'): Promise<void> {
  const part = `${log}.part`;
  await execa('strace', [
    '-f',
    '-ttt',
    '-T',
    '-yy',
    '-s',
    '128',
    '-o',
    part,
    'sh',
    '-c',
    workload(dir, rounds, variant),
  ]);
  renameSync(part, log);
}

const lineCount = (path: string): number => readFileSync(path).reduce((n, c) => n + (c === 10 ? 1 : 0), 0);

/** The two logs (A, B) in `dir`, recorded if missing. */
export async function ensureMultiProcessTraces(dir: string, events: number): Promise<[string, string]> {
  mkdirSync(dir, { recursive: true });
  const logs: [string, string] = [join(dir, 'procs-a.log'), join(dir, 'procs-b.log')];
  if (logs.every((l) => existsSync(l))) return logs;
  writeFileSync(join(dir, 'prog.c'), PROGRAM_C);
  const probe = join(dir, 'procs-probe.log');
  await record(dir, probe, 1, 'a');
  const rounds = Math.max(1, Math.round(events / lineCount(probe)));
  rmSync(probe);
  process.stderr.write(`recording 2 x ${rounds} rounds of the multi-process workload (strace -f -yy) ...\n`);
  await record(dir, logs[0], rounds, 'a');
  await record(dir, logs[1], rounds, 'b');
  return logs;
}
