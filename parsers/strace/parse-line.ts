import { scanPrefix, type Prefix } from './scan-prefix.js';
import { scanArgs, type ArgsEnd } from './scan-args.js';
import { lastResultEnd, scanResultInto, skipBalanced, type Result } from './scan-result.js';

/**
 * One line of strace output, classified by its shape (strace-format.md §1), with the argument text
 * located but not parsed: values are decoded on demand (parsers/strace/args/).
 */
export type LineKind =
  | 'call' // openat(AT_FDCWD, "/etc/x", O_RDONLY) = 3
  | 'unfinished' // wait4(6302,  <unfinished ...>
  | 'resumed' // <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 7}], 0, NULL) = 6302
  | 'signal' // --- SIGCHLD {si_signo=SIGCHLD, ...} ---    --- stopped by SIGSTOP ---
  | 'exit' // +++ exited with 0 +++
  | 'killed' // +++ killed by SIGSEGV (core dumped) +++
  | 'superseded' // +++ superseded by execve in pid 8936 +++
  | 'personality' // [ Process PID=20914 runs in 32 bit mode. ]
  | 'message' // strace: Process 6608 attached
  | 'stack' //  > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x14) [0x10e1d4]
  | 'hexdump' //  | 00000  74 61 62 09 ...  tab. |
  | 'orphan-tail' // )                                       = ?
  | 'blank'
  | 'unknown';

export interface StraceLine extends Prefix, Result {
  kind: LineKind;
  /** Syscall name for calls; signal name for signal/killed lines. */
  name: string;
  /** The argument text is s.slice(argsStart, argsEnd). */
  argsStart: number;
  argsEnd: number;
  /** How the argument list ended ('paren' for a call that returned on this line). */
  argsEndedBy: ArgsEnd;
  /** `<unfinished ...>) = ?`: the task died inside the call. */
  died: boolean;
  /** For `--- stopped by SIG ---`. */
  stopped: boolean;
  /** exit code, or the pid for `superseded`. */
  code: number;
  core: boolean;
  /** personality mode, message text, or why a line is unknown. */
  text: string;
  /** Where the siginfo struct starts and ends, for signal lines (equal when there is none). */
  infoStart: number;
  infoEnd: number;
  /**
   * Why the line cannot be taken at face value though it was read (old strace's unbalanced brackets,
   * the program's output printed into it), or null.
   */
  suspect: string | null;
  /** The byte fast path's interner ids of `name` and `errno` (-1 when the full scanner read the line). */
  nameKey: number;
  errnoKey: number;
}

export function emptyLine(): StraceLine {
  // one literal with every field (no spread): V8 keeps a single fast shape for all lines
  return {
    pid: null,
    comm: null,
    bracketPid: false,
    absTs: null,
    timeOfDay: false,
    relTs: null,
    nr: null,
    ip: null,
    end: 0,
    kind: 'blank',
    name: '',
    argsStart: 0,
    argsEnd: 0,
    argsEndedBy: 'paren',
    died: false,
    stopped: false,
    code: 0,
    core: false,
    text: '',
    infoStart: 0,
    infoEnd: 0,
    suspect: null,
    nameKey: -1,
    errnoKey: -1,
    ret: '',
    retValue: NaN,
    retPath: null,
    errno: null,
    errText: null,
    notes: null,
    dur: null,
  };
}

/** Parses one line on its own (no state). Never throws. */
export function parseStraceLine(text: string): StraceLine {
  const line = emptyLine();
  scanLineInto(text, line);
  return line;
}

/** End of the identifier starting at `i` (`i` itself when there is none). */
function identifierEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) return i;
  let j = i + 1;
  for (
    let d = s.charCodeAt(j);
    (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || (d >= 65 && d <= 90) || d === 95;
    d = s.charCodeAt(++j)
  );
  return j;
}
const RESUMED_RE = /^<\.\.\. ([A-Za-z_][A-Za-z0-9_]*) resumed>/;
const OLD_MESSAGE_RE = /^(?:\^C)?Process \d+ (?:attached|detached|suspended)\b/;

/** Clears every field a line's body sets (the prefix fields are scanPrefix's). */
export function resetResult(out: StraceLine): void {
  out.name = '';
  out.argsStart = out.argsEnd = 0;
  out.argsEndedBy = 'paren';
  out.died = false;
  out.stopped = false;
  out.code = 0;
  out.core = false;
  out.text = '';
  out.infoStart = out.infoEnd = 0;
  out.suspect = null;
  out.nameKey = out.errnoKey = -1;
  out.ret = '';
  out.retValue = NaN;
  out.retPath = null;
  out.errno = null;
  out.errText = null;
  out.notes = null;
  out.dur = null;
}

/** Like parseStraceLine, reusing `out` (the streaming parser calls this once per line). */
export function scanLineInto(s: string, out: StraceLine): void {
  scanLineAt(s, 0, s.length, out);
}

/**
 * Classifies the line s[start, end) in place: the streaming parser hands over whole chunks with offsets,
 * since scanning a line cut out as its own (sliced) string runs markedly slower. Offsets in `out` are
 * offsets into `s`.
 */
export function scanLineAt(s: string, start: number, end: number, out: StraceLine): void {
  resetResult(out);
  const c0 = s.charCodeAt(start);
  if (start >= end || ((c0 === 32 || c0 === 9) && s.slice(start, end).trim() === '')) {
    scanPrefix(s, out, start, start);
    out.kind = 'blank';
    return;
  }
  // Lines strace writes with no prefix at all.
  if (c0 === 32 && (s.startsWith(' > ', start) || s.startsWith(' | ', start))) {
    scanPrefix(s, out, start, start);
    out.kind = s.charCodeAt(start + 1) === 62 ? 'stack' : 'hexdump';
    out.text = s.slice(start + 3, end);
    return;
  }
  if (c0 === 115 /* s */ && s.startsWith('strace: ', start)) {
    scanPrefix(s, out, start, start);
    out.kind = 'message';
    out.text = s.slice(start + 8, end);
    return;
  }
  // strace before 4.9 wrote its messages without "strace: " (and the terminal echoed Ctrl-C before one):
  //   Process 29579 attached - interrupt to quit      ^CProcess 25793 detached
  if (
    (c0 === 80 /* P */ || c0 === 94) /* ^ */ &&
    OLD_MESSAGE_RE.test(s.slice(start, Math.min(end, start + 40)))
  ) {
    scanPrefix(s, out, start, start);
    out.kind = 'message';
    out.text = s.slice(s.startsWith('^C', start) ? start + 2 : start, end);
    return;
  }
  scanPrefix(s, out, start, end);
  const b = out.end;
  const first = s.charCodeAt(b);

  if (first === 43 /* + */ && s.startsWith('+++ ', b)) return scanProcessEnd(s.slice(b, end), out);
  if (first === 45 /* - */ && s.startsWith('--- ', b)) return scanSignal(s, b, end, out);
  if (first === 60 /* < */) {
    const m = RESUMED_RE.exec(s.slice(b, Math.min(end, b + 80)));
    if (m) {
      out.name = m[1] as string;
      let i = b + m[0].length;
      // strace < 5.0 wrote "resumed> " with a space; never eat the space of " <unfinished ...>" or of
      // clone3's " => {parent_tid=[6503]}", which continues the argument before it
      if (s.charCodeAt(i) === 32 && !s.startsWith(' <unfinished ...>', i) && !s.startsWith(' => ', i)) i++;
      return scanCallRest(s, i, end, out, 'resumed');
    }
  }
  if (first === 91 /* [ */ && s.startsWith('[ Process PID=', b)) {
    const m = /^\[ Process PID=(\d+) runs in (.+) mode\. \]\s*$/.exec(s.slice(b, end));
    if (m) {
      out.kind = 'personality';
      out.code = Number(m[1]);
      out.text = m[2] as string;
      return;
    }
  }
  if (first === 41 /* ) */ && scanResultInto(s, b + 1, out, end)) {
    out.kind = 'orphan-tail';
    return;
  }
  const nameEnd = identifierEnd(s, b);
  if (nameEnd > b && nameEnd < end && s.charCodeAt(nameEnd) === 40 /* ( */) {
    out.name = s.slice(b, nameEnd);
    return scanCallRest(s, nameEnd + 1, end, out, 'call');
  }
  unknown(out, 'not a syscall, signal, exit or strace line');
}

function unknown(out: StraceLine, why: string): void {
  out.kind = 'unknown';
  out.text = why;
}

function scanCallRest(s: string, i: number, end: number, out: StraceLine, kind: 'call' | 'resumed'): void {
  const a = scanArgs(s, i, end);
  out.argsStart = i;
  out.argsEnd = a.end;
  out.argsEndedBy = a.how;
  if (a.how === 'paren') {
    if (scanResultInto(s, a.end + 1, out, end) || scanAnnotatedResult(s, a.end + 1, out, end)) {
      out.kind = kind;
      return;
    }
    if (recoverFromEnd(s, i, end, out)) out.kind = kind;
    else unknown(out, 'no " = " after the arguments');
    return;
  }
  if (a.how === 'eol') {
    if (recoverFromEnd(s, i, end, out)) out.kind = kind;
    else unknown(out, 'the line ends inside the arguments');
    return;
  }
  // "<unfinished ...>) = ?": the task died in the call
  if (a.how === 'unfinished' && s.charCodeAt(a.after) === 41 && scanResultInto(s, a.after + 1, out, end)) {
    out.died = true;
    out.kind = kind;
    return;
  }
  // A resumed half cut again without a result stays open: kind 'resumed' with argsEndedBy set.
  out.kind = kind === 'call' ? 'unfinished' : 'resumed';
}

/**
 * Old strace annotated sigreturn between the arguments and the result; the annotation becomes the
 * first note:   sigreturn() (mask [CHLD RT_1])                   = -1 EINTR (Interrupted system call)
 */
function scanAnnotatedResult(s: string, i: number, out: StraceLine, end: number): boolean {
  if (s.charCodeAt(i) !== 32 || s.charCodeAt(i + 1) !== 40 /* ( */) return false;
  const close = skipBalanced(s, i + 1, end);
  if (s.charCodeAt(close - 1) !== 41 || !scanResultInto(s, close, out, end)) return false;
  out.notes = [s.slice(i + 2, close - 1), ...(out.notes ?? [])];
  return true;
}

/** How many `)` from the line's end are tried as the one that closes the arguments. */
const RECOVERY_TRIES = 16;

/**
 * A line whose brackets do not balance, as some old strace versions printed them (an unclosed `{` in a
 * struct), still ends in `) = result`: the name and the result are read, the arguments are everything
 * before that `)`, and the line is marked suspect. Only a result that runs to the line's end counts.
 */
function recoverFromEnd(s: string, argsStart: number, end: number, out: StraceLine): boolean {
  let p = end;
  for (let tries = 0; tries < RECOVERY_TRIES; tries++) {
    p = s.lastIndexOf(')', p - 1);
    if (p < argsStart) return false;
    if (s.charCodeAt(p + 1) !== 32) continue;
    if (!scanResultInto(s, p + 1, out, end) || s.slice(lastResultEnd(), end).trim() !== '') continue;
    out.argsEnd = p;
    out.argsEndedBy = 'paren';
    out.suspect =
      'its brackets do not balance (old strace printed some structs so): the name and result are read from the end of the line';
    return true;
  }
  return false;
}

function scanProcessEnd(body: string, out: StraceLine): void {
  let m = /^\+\+\+ exited with (-?\d+) \+\+\+/.exec(body);
  if (m) {
    out.kind = 'exit';
    out.code = Number(m[1]);
    return;
  }
  m = /^\+\+\+ killed by (\S+)( \(core dumped\))? \+\+\+/.exec(body);
  if (m) {
    out.kind = 'killed';
    out.name = m[1] as string;
    out.core = m[2] !== undefined;
    return;
  }
  m = /^\+\+\+ superseded by execve in pid (\d+) \+\+\+/.exec(body);
  if (m) {
    out.kind = 'superseded';
    out.code = Number(m[1]);
    return;
  }
  unknown(out, 'unrecognised "+++" line');
}

/**
 * `--- SIGCHLD {si_signo=SIGCHLD, ...} ---`, `--- stopped by SIGSTOP ---`, and two older forms:
 *   --- SIGUSR2 (User defined signal 2) @ 0 (0) ---                              (strace < 4.8)
 *   --- {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0xdeadbaad} (Segmentation fault) ---
 */
function scanSignal(s: string, b: number, end: number, out: StraceLine): void {
  const stop = /^--- stopped by (\S+) ---/.exec(s.slice(b, end));
  if (stop) {
    out.kind = 'signal';
    out.name = stop[1] as string;
    out.stopped = true;
    return;
  }
  const endMark = s.lastIndexOf(' ---', end - 4);
  if (s.charCodeAt(b + 4) === 123 /* { */ && endMark > b + 4) {
    // the siginfo alone, its signal named only inside it
    const close = skipBalanced(s, b + 4, endMark);
    const signo = /^\{si_signo=(SIG[A-Z0-9_]+|\d+)[,}]/.exec(s.slice(b + 4, Math.min(close, b + 60)));
    if (!signo || s.charCodeAt(close - 1) !== 125) return unknown(out, 'unrecognised "---" line');
    out.kind = 'signal';
    out.name = signo[1] as string;
    out.infoStart = b + 4;
    out.infoEnd = close;
    return;
  }
  const m = /^--- (SIG[A-Z0-9_]+|\d+) /.exec(s.slice(b, Math.min(end, b + 40)));
  if (!m || endMark < b + m[0].length - 1) return unknown(out, 'unrecognised "---" line');
  out.kind = 'signal';
  out.name = m[1] as string;
  // "(User defined signal 2) @ 0 (0)": a description, no siginfo
  if (s.charCodeAt(b + m[0].length) === 40 /* ( */) return;
  out.infoStart = b + m[0].length;
  out.infoEnd = endMark;
}
