import { basename } from '../diff/diff-units.js';
import { firstString, leadingNumber } from './call-args.js';
import type { RunFacts } from './run-facts.js';

/** How the target's execve went in a run, and what the run that succeeded shows right after it. */
export interface ExecFacts {
  /** The failed attempt (the last of a PATH search), or -1 when the target exec'd. */
  failed: number;
  errno: string | null;
  /** Every failed attempt of the stage. */
  attempts: number[];
}

export function execFacts(run: RunFacts): ExecFacts | null {
  const target = run.target;
  if (!target || target.execEvent < 0) return null;
  const t = run.trace;
  if (target.unit.execOk) return { failed: -1, errno: null, attempts: [] };
  const attempts = [...target.unit.events].filter((e) => {
    const name = t.name(e);
    return (name === 'execve' || name === 'execveat') && t.errno(e) !== null;
  });
  return { failed: target.execEvent, errno: t.errno(target.execEvent), attempts };
}

/** What a working run shows about the program file: a script (with its `#!` line) or an ELF binary. */
export interface ProgramKind {
  script: boolean;
  /** The interpreter the `#!` line names, or null. */
  interpreter: string | null;
  /** Its program name: `perl` for `#!/usr/bin/perl` and for `#!/usr/bin/env perl`. */
  interpreterName: string | null;
  /** The openat of the script and the read that shows its `#!` line. */
  evidence: number[];
  /** Whether the dynamic loader ran: ld.so.cache or a shared library opened right after the execve. */
  dynamic: boolean | null;
  /** The loader's first opens (ld.so.cache, libraries). */
  loaderEvidence: number[];
}

/**
 * Reads, in a run whose target exec'd, what ran: an interpreter that opens the program's own path and
 * reads `#!...` from it (a script), and whether the loader opened libraries (a dynamic ELF binary).
 * `dynamic` is null when the log cannot show opens (filtered).
 */
export function programKind(run: RunFacts, interpreterHint: string | undefined): ProgramKind | null {
  const target = run.target;
  if (!target || !target.unit.execOk || target.execEvent < 0) return null;
  const t = run.trace;
  const programPath = target.unit.programPath ?? '';
  const name = basename(programPath);
  const out: ProgramKind = {
    script: false,
    interpreter: null,
    interpreterName: null,
    evidence: [],
    dynamic: run.filter.sees('openat') || run.filter.sees('open') ? false : null,
    loaderEvidence: [],
  };
  let scriptFd: string | null = null;
  // The image's own calls, and those of the programs it execs next in the same pid: a script run
  // through `#!/usr/bin/env perl` is opened by perl, one exec later.
  const stages = run.units.byPid.get(target.pid)?.units ?? [target.unit];
  const from = Math.max(0, stages.indexOf(target.unit));
  const events = stages.slice(from, from + 3).flatMap((u) => [...u.events.slice(0, 20000)]);
  for (const i of events) {
    if (i <= target.execEvent) continue;
    const call = t.name(i);
    if ((call === 'openat' || call === 'open') && t.errno(i) === null) {
      const path = firstString(t, i);
      if (path === '/etc/ld.so.cache' || /\.so(\.\d+)*$/.test(path)) {
        if (out.loaderEvidence.length < 3) out.loaderEvidence.push(i);
        out.dynamic = true;
      } else if (!out.script && (path === programPath || (name.length > 0 && basename(path) === name))) {
        out.script = true;
        out.evidence.push(i);
        scriptFd = String(t.ret(i));
      }
    } else if (scriptFd !== null && call === 'close' && String(leadingNumber(t, i)) === scriptFd) {
      scriptFd = null;
    } else if (scriptFd !== null && out.interpreter === null && call === 'read') {
      // python reads its script's tail first (lseek(3, -22, SEEK_END), read), then the whole file from 0:
      // every read until the close may hold the #! line.
      const text = readData(run, i, scriptFd);
      if (text !== null && text.startsWith('#!')) {
        const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
        if (m) {
          // `#!/usr/bin/env perl`: env finds the interpreter by name in PATH.
          const viaEnv = /\/env$/.test(m[1] as string) && m[2] !== undefined;
          out.interpreter = viaEnv ? `${m[2]} (found by ${m[1]} in PATH)` : (m[1] as string);
          out.interpreterName = basename(viaEnv ? (m[2] as string) : (m[1] as string));
          out.evidence.push(i);
        }
        scriptFd = null;
      }
    }
  }
  if (interpreterHint && !/ld-linux|ld\.so|ld-musl/.test(interpreterHint)) {
    out.script = true;
    out.interpreter ??= interpreterHint;
    out.interpreterName ??= basename(interpreterHint);
  }
  return out;
}

/** The data of `read(fd, "...", n)` when fd is `want`, else null. */
function readData(run: RunFacts, i: number, want: string): string | null {
  const fd = leadingNumber(run.trace, i);
  return fd !== null && String(fd) === want ? firstString(run.trace, i) : null;
}

/**
 * The failed exec attempts of a program named `name` in the target's pid after its own execve: env
 * looking for the interpreter of a `#!/usr/bin/env perl` script along PATH.
 */
export function laterExecFailures(run: RunFacts, name: string): number[] {
  const target = run.target;
  if (!target) return [];
  const t = run.trace;
  const out: number[] = [];
  for (const u of run.units.byPid.get(target.pid)?.units ?? []) {
    if (u === target.unit || u.execEvent <= target.execEvent || u.execOk || u.program !== name) continue;
    for (const i of u.events) {
      const call = t.name(i);
      if ((call === 'execve' || call === 'execveat') && t.errno(i) !== null) out.push(i);
    }
  }
  return out;
}
