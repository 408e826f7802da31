import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const CORPUS = new URL('../corpus/', import.meta.url).pathname;
export const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * strace text files: every *.log / *.strace, and every file of an -ff set (`NAME.PID`; in the corpus, inside a
 * directory named ff*). bpftrace and perf output are left out: their names come from tracepoints, not strace.
 */
export function traceFiles(): string[] {
  const notBpf = (path: string): boolean => !/bpf/.test(path);
  const isLog = (path: string): boolean => path.endsWith('.log') || path.endsWith('.strace');
  const corpus = walk(CORPUS).filter(
    (path) => notBpf(path) && (isLog(path) || /\/ff[^/]*\/[^/]+\.\d+$/.test(path)),
  );
  // Samples are captured by the collector: single logs, or -ff sets of NAME.PID files in any directory.
  const samples = walk(SAMPLES).filter((path) => notBpf(path) && (isLog(path) || /\.\d+$/.test(path)));
  return [...corpus, ...samples];
}

// The optional prefix, field by field (strace-format.md §2): pid ("6502  ", "9692<comm> ", "[pid  6606] "),
// absolute time ("00:57:42.978919 " or "1795913862.987084 "), relative time ("     0.000211 " or
// "(+     0.000073) "), -n syscall number ("[ 257] "), -i instruction pointer ("[00007f02115f3ad7] ").
const PID = String.raw`(?:\d+(?:<[^>]*>)?\s+|\[pid\s+\d+(?:<[^>]*>)?\]\s)`;
const ABSOLUTE_TIME = String.raw`(?:\d\d:\d\d:\d\d(?:\.\d+)?\s|\d+(?:\.\d+)?\s)`;
const RELATIVE_TIME = String.raw`(?:\s*\d+(?:\.\d+)?\s|\(\+\s*\d+(?:\.\d+)?\)\s)`;
const SYSCALL_NUMBER = String.raw`(?:\[\s*(?:\d+|\?\?\?)\]\s)`;
const INSTRUCTION_POINTER = String.raw`(?:\[[0-9a-f?]{8,16}\]\s)`;
const PREFIX = `^${PID}?${ABSOLUTE_TIME}?${RELATIVE_TIME}?${SYSCALL_NUMBER}?${INSTRUCTION_POINTER}?`;
/** After the prefix: `name(` or `<... name resumed>`. */
const SYSCALL_LINE = new RegExp(PREFIX + String.raw`(?:([A-Za-z_]\w*)\(|<\.\.\. ([A-Za-z_]\w*) resumed>)`);
/** `= -1 ENOENT (` and `= ? ERESTARTSYS (`: the errno and the message strace printed. */
const ERRNO_RESULT = / = (?:-1|\?) (E[A-Z0-9_]+) \(([^)]*)\)/g;

/** The syscall named on one strace line (if any) and the errnos of its result with their messages. */
export function namesInLine(line: string): { syscall: string | null; errnos: Array<[string, string]> } {
  const match = SYSCALL_LINE.exec(line);
  const errnos = [...line.matchAll(ERRNO_RESULT)].map(([, errno, message]): [string, string] => [
    errno!,
    message!,
  ]);
  return { syscall: match?.[1] ?? match?.[2] ?? null, errnos };
}

export interface TraceNames {
  /** syscall name -> first "file:line" where it appears */
  syscalls: Map<string, string>;
  /** errno name -> the messages strace printed for it */
  errnos: Map<string, Set<string>>;
}

export function collectTraceNames(files: readonly string[] = traceFiles()): TraceNames {
  const syscalls = new Map<string, string>();
  const errnos = new Map<string, Set<string>>();
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const found = namesInLine(line);
      if (found.syscall && !syscalls.has(found.syscall))
        syscalls.set(found.syscall, `${relative(CORPUS, file)}:${index + 1}`);
      for (const [errno, message] of found.errnos) {
        if (!errnos.has(errno)) errnos.set(errno, new Set());
        errnos.get(errno)!.add(message);
      }
    });
  }
  return { syscalls, errnos };
}
