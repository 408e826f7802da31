import type { SyscallEvent, Trace } from '../model/index.js';
import { readCallText } from './diff/call-text.js';

/** What an execve names: the program path, its argv, and the size of its environment. */
export interface ExecArgs {
  path: string | null;
  argv: string[] | null;
  /** Which argv items strace cut to its -s length (`"aaa"...`): only their start is known. */
  argvCut: boolean[] | null;
  envCount: number | null;
}

/**
 * Path, argv and environment size of an execve/execveat event. For strace text they are read straight
 * from the line — decoding the whole argument tree costs tens of microseconds an event, and a build
 * runs thousands of execs:
 *
 *   execve("/usr/bin/tr", ["tr", "x", "y"], 0x55e1c1343690 /* 8 vars *\/) = 0
 */
export function readExec(trace: Trace, i: number): ExecArgs {
  if (trace.format.tracer !== 'strace') {
    const ev = trace.event(i);
    return ev.kind === 'syscall'
      ? readExecArgs(ev)
      : { path: null, argv: null, argvCut: null, envCount: null };
  }
  const text = readCallText(trace, i);
  let k = 0;
  if (trace.name(i) === 'execveat') {
    // execveat(dirfd, "path", ...): skip the dirfd.
    k = text.indexOf(', ') + 2;
  }
  const path = readString(text, k);
  if (!path) return { path: null, argv: null, argvCut: null, envCount: null };
  let argv: string[] | null = null;
  let argvCut: boolean[] | null = null;
  let at = path.end;
  if (text.startsWith(', [', at)) {
    argv = [];
    argvCut = [];
    at += 3;
    while (at < text.length && text.charCodeAt(at) === 34) {
      const item = readString(text, at);
      if (!item) break;
      argv.push(item.value);
      at = item.end;
      const cut = text.startsWith('...', at);
      argvCut.push(cut);
      if (cut) at += 3; // a truncated string
      if (text.startsWith(', ', at)) at += 2;
    }
    // `[..., "31", ...]`: strace left out the rest of a long argv (the parser keeps a `...` element).
    if (text.startsWith('...]', at)) {
      argv.push('...');
      argvCut?.push(false);
    }
  }
  const m = /\/\* (\d+) vars? \*\//.exec(text.slice(at));
  return { path: path.value, argv, argvCut, envCount: m ? Number(m[1]) : null };
}

/** The same from a decoded event (any tracer). */
export function readExecArgs(ev: SyscallEvent): ExecArgs {
  const args = ev.name === 'execveat' ? ev.args.slice(1) : ev.args;
  const [path, argv, envp] = args;
  let envCount: number | null = null;
  if (envp?.type === 'commented') {
    const m = /(\d+) vars?/.exec(envp.comment);
    if (m) envCount = Number(m[1]);
  } else if (envp?.type === 'array') {
    envCount = envp.items.filter((x) => x.type !== 'ellipsis').length;
  }
  return {
    path: path?.type === 'string' ? path.value : null,
    argv: argv?.type === 'array' ? argv.items.map((x) => (x.type === 'string' ? x.value : x.text)) : null,
    argvCut:
      argv?.type === 'array' ? argv.items.map((x) => x.type === 'string' && x.truncated === true) : null,
    envCount,
  };
}

const utf8 = new TextDecoder();

/** The strace string literal starting at `start` (a `"`), unescaped; `end` is one past its closing quote. */
function readString(text: string, start: number): { value: string; end: number } | null {
  if (text.charCodeAt(start) !== 34) return null;
  const bytes: number[] = [];
  let k = start + 1;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === 34) return { value: toText(bytes), end: k + 1 };
    if (c !== 92) {
      bytes.push(c & 0xff);
      k++;
      continue;
    }
    const e = text.charAt(k + 1);
    if (/[0-7]/.test(e)) {
      let n = 1;
      while (n < 3 && /[0-7]/.test(text.charAt(k + 1 + n))) n++;
      bytes.push(parseInt(text.slice(k + 1, k + 1 + n), 8) & 0xff);
      k += 1 + n;
    } else if (e === 'x') {
      bytes.push(parseInt(text.slice(k + 2, k + 4), 16) & 0xff);
      k += 4;
    } else {
      bytes.push((ESCAPES[e] ?? e.charCodeAt(0)) & 0xff);
      k += 2;
    }
  }
  return null;
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12 };

function toText(bytes: number[]): string {
  if (bytes.some((b) => b >= 0x80)) return utf8.decode(Uint8Array.from(bytes));
  let out = '';
  for (let k = 0; k < bytes.length; k += 4096) out += String.fromCharCode(...bytes.slice(k, k + 4096));
  return out;
}
