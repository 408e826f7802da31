import { HashSink } from './hash-sink.js';
import { scanDecoration, startsWithDir } from './decoration.js';
import type { CallRanges } from './call-text.js';
import type { Units } from './code-units.js';
import { UnitsScratch, indexOfText, lastIndexOfText, startsWithText, unitAt } from './code-units.js';

/**
 * Normalises the text of one call (arguments and result, from readCallText) to what should compare
 * equal between two runs of the same program:
 *
 *   mmap(0x7f1cefd2d000, 1400832, PROT_READ|PROT_EXEC, ..., 3, 0x26000) = 0x7f1cefd2d000
 *     -> 0x#, 1400832, PROT_READ|PROT_EXEC, ..., 3, 0x26000) = 0x#      addresses (8+ hex digits)
 *   clone(..., child_tidptr=0x7f7c3920fa10) = 7685                     -> ... = <pid 1/2>  by lineage
 *   openat(AT_FDCWD</tmp/x/rootfs>, "/lib/libc.so.6", ...) = 3</tmp/x/rootfs/lib/libc.so.6>
 *     -> AT_FDCWD</>, "/lib/libc.so.6", ...) = #</lib/libc.so.6>        chroot prefix, decorated fd numbers
 *   getrandom("\xcc\x13\x38\x6d\xb8\xd0\x2d\xfe", 8, GRND_NONBLOCK)      -> getrandom("", 8, ...) random bytes
 *   {tv_sec=1700000000, tv_nsec=123} , st_atime=..., /* 2023-11-14T... *\/ -> times and their comments
 *   pipe2([3<pipe:[103939]>, ...])                                      -> pipe:[#]      inode numbers
 *
 * Kept: syscall names, path strings, flags, plain numbers, errnos and `/* 39 vars *\/` (an environment
 * size is a real difference). The output is a 53-bit hash (two 32-bit FNV lanes), so no string is built
 * per event. The text is read as code units where it lies (see code-units.ts): a log's bytes or a string's
 * UTF-16 units hash alike when they spell the same characters.
 */
export interface NormaliseContext {
  /**
   * Every pid of the trace, with the id of its place in the process tree (its lineage: "the second
   * child of the root"): a decimal token equal to a pid becomes that id, so the same child compares
   * equal across runs whatever number the kernel gave it.
   */
  pids: ReadonlyMap<number, number>;
  /**
   * Replace pids in this call (see PID_CALLS). Only calls that take or return pids get it: elsewhere a
   * number like `read(...) = 2179` would turn into a pid token whenever the other run had pid 2179.
   */
  pidTokens?: boolean;
  /** Host path of the chroot root as `-y` decorations show it (e.g. "/tmp/x/rootfs"), or null. */
  chrootPrefix: string | null;
  /** The directory the run started in: a path under it reads `$CWD/...`, so runs from two places compare. */
  cwd: string | null;
  /** Replace string literal contents (getrandom's bytes). */
  dropStrings: boolean;
  /**
   * execve: compare the program path and argv[0] by their last component. The host runs `./foo` or
   * `/tmp/x/foo`, the chroot `/foo`: the same program named from two places.
   */
  execBasenames?: boolean;
  /** Keep nothing of the arguments and the result but the error (clock readings). */
  dropAll: boolean;
  /** Drop `-y` decorations entirely: when only one of the two traces has them, they cannot compare. */
  dropDecorations: boolean;
}

/** Calls whose arguments and results differ on every run by nature. */
export const CLOCK_CALLS = new Set([
  'clock_gettime',
  'clock_gettime64',
  'gettimeofday',
  'time',
  'times',
  'getrusage',
  'sysinfo',
  'nanosleep',
  'clock_nanosleep',
  'clock_nanosleep_time64',
]);
/** Calls whose buffers are random bytes. */
export const RANDOM_CALLS = new Set(['getrandom']);
/** Calls that take or return process or thread ids. */
export const PID_CALLS = new Set([
  'clone',
  'clone3',
  'fork',
  'vfork',
  'getpid',
  'getppid',
  'gettid',
  'set_tid_address',
  'wait4',
  'waitid',
  'waitpid',
  'kill',
  'tkill',
  'tgkill',
  'getpgid',
  'setpgid',
  'getpgrp',
  'getsid',
  'setsid',
  'prlimit64',
  'ptrace',
  'pidfd_open',
  'pidfd_send_signal',
  'rt_sigqueueinfo',
  'rt_tgsigqueueinfo',
  'sched_setaffinity',
  'sched_getaffinity',
  'sched_setscheduler',
  'sched_getscheduler',
  'sched_setparam',
  'sched_getparam',
  'sched_setattr',
  'sched_getattr',
  'get_robust_list',
  'process_vm_readv',
  'process_vm_writev',
  'kcmp',
  'ioprio_set',
  'ioprio_get',
  'capget',
  'capset',
  'migrate_pages',
  'move_pages',
  'perf_event_open',
  // pthread_join waits on the thread's tid: futex(addr, FUTEX_WAIT_BITSET|..., 18867, ...)
  'futex',
  // returns what the interrupted call returned: `rt_sigreturn({mask=[]}) = 7687` after a wait4
  'rt_sigreturn',
]);

const sink = new HashSink();
/** String literals met so far in the call being scanned (execve's first two are the program's names). */
let stringsSeen = 0;

/**
 * Labels that replace fd numbers (see FdLabeler): the digits at `argAt` in the first range, and the
 * result of the call. Null when there is nothing to replace.
 */
export interface FdOverrides {
  argAt: number;
  /** Interned id of what the fd refers to (0: none). It is hashed as one token, not spelled out. */
  argLabel: number;
  retLabel: number;
}

const NO_OVERRIDES: FdOverrides = { argAt: -1, argLabel: 0, retLabel: 0 };
/** Label and pid tokens sit above every UTF-16 code unit, so they never equal a character. */
const LABEL_TOKEN = 0x10000;
const PID_TOKEN = 0x4000000;

/**
 * The 53-bit key of a call from where it sits in the raw lines (see readCallRanges): its first range
 * and, for a call split across two lines, its second. No string is built.
 */
export function hashCallRanges(
  seed: number,
  ctx: NormaliseContext,
  fds: FdOverrides,
  call: CallRanges,
): number {
  sink.reset(seed);
  stringsSeen = 0;
  if (ctx.dropAll) {
    if (call.split) emitErrorOnly(call.buf2, call.start2, call.from2, call.to2, call.end2, sink);
    else emitErrorOnly(call.buf1, call.start1, call.from1, call.to1, call.end1, sink);
    return sink.hash;
  }
  scan(call.buf1, call.start1, call.from1, call.to1, call.end1, ctx, fds, sink);
  if (call.split) scan(call.buf2, call.start2, call.from2, call.to2, call.end2, ctx, fds, sink);
  return sink.hash;
}

const scratch = new UnitsScratch();

/** The 53-bit key of a call text (its arguments and result, as readCallText gives them). */
export function hashCallText(text: string, seed: number, ctx: NormaliseContext): number {
  sink.reset(seed);
  stringsSeen = 0;
  const buf = scratch.fill(text);
  if (ctx.dropAll) emitErrorOnly(buf, 0, 0, text.length, text.length, sink);
  else scan(buf, 0, 0, text.length, text.length, ctx, NO_OVERRIDES, sink);
  return sink.hash;
}

const QUOTE = 34; // "
const SLASH = 47;
const STAR = 42;
const LT = 60;
const EQ = 61;
const BACKSLASH = 92;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isIdent(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** Keep only the error, if any: `) = -1 EINVAL (Invalid argument)`. */
function emitErrorOnly(
  buf: Units,
  lineStart: number,
  from: number,
  to: number,
  lineEnd: number,
  out: HashSink,
): void {
  const eq = lastIndexOfText(buf, ') = -1 ', to, Math.max(from, lineStart), lineEnd);
  if (eq >= 0) out.emitText(buf, eq, to);
}

/** What the scanner must look at, per ASCII character; everything else is copied as it is. */
const PLAIN = 0;
const C_QUOTE = 1;
const C_SLASH = 2;
const C_DIGIT = 3;
const C_LT = 4;
const C_EQ = 5;
const C_SPACE = 6;
const CHAR_CLASS = new Uint8Array(128);
CHAR_CLASS[QUOTE] = C_QUOTE;
CHAR_CLASS[SLASH] = C_SLASH;
for (let d = 48; d <= 57; d++) CHAR_CLASS[d] = C_DIGIT;
CHAR_CLASS[LT] = C_LT;
CHAR_CLASS[EQ] = C_EQ;
CHAR_CLASS[32] = C_SPACE;

/** Hashes the call text buf[from, to), which lies in the line buf[lineStart, lineEnd). */
function scan(
  buf: Units,
  lineStart: number,
  from: number,
  to: number,
  lineEnd: number,
  ctx: NormaliseContext,
  fds: FdOverrides,
  out: HashSink,
): void {
  const n = to;
  let k = from;
  let timeField = false; // the previous `name=` was a time field: its value varies
  while (k < n) {
    const c = buf[k] as number;
    const cls = c < 128 ? (CHAR_CLASS[c] as number) : PLAIN;
    if (cls === PLAIN) {
      // A run of plain characters is hashed in one go (the same hash as one emit per character).
      const end = out.emitRun(buf, k, n, CHAR_CLASS);
      // `={` and `=[` stay in a time field (`ru_utime={tv_sec=0, ...}`), `-` too (a negative value).
      if (timeField)
        for (let j = k; j < end; j++) {
          const d = buf[j] as number;
          if (d !== 123 && d !== 91 && d !== 45) {
            timeField = false;
            break;
          }
        }
      k = end;
      continue;
    }
    if (cls === C_SPACE) {
      // strace pads short calls to a column (`close(3)          = 0`); split calls are not padded.
      if (out.last !== 32) out.emit(c);
      k++;
      continue;
    }
    if (cls === C_QUOTE) {
      if (!ctx.execBasenames && !ctx.dropStrings && !ctx.cwd) {
        k = out.emitQuoted(buf, k, n);
        continue;
      }
      const end = skipString(buf, k, n);
      if (ctx.execBasenames && stringsSeen++ < 2) {
        let slash = end - 2;
        while (slash > k && buf[slash] !== SLASH) slash--;
        out.emit(QUOTE);
        out.emitText(buf, slash > k ? slash + 1 : k + 1, end);
      } else if (ctx.dropStrings) out.emitString('""');
      else if (ctx.cwd && startsWithDir(buf, k + 1, lineEnd, ctx.cwd)) {
        out.emitString('"$CWD');
        out.emitText(buf, k + 1 + ctx.cwd.length, end);
      } else out.emitText(buf, k, end);
      k = end;
      continue;
    }
    if (cls === C_SLASH) {
      if (unitAt(buf, k + 1, lineStart, lineEnd) === STAR) {
        const close = indexOfText(buf, '*/', k + 2, lineEnd);
        const end = close < 0 || close + 2 > n ? n : close + 2;
        // `/* 39 vars */` is kept; `/* 2023-11-14T22:13:20+0000 */` (a time under -v) is not.
        if (lastIndexOfText(buf, 'var', end, k + 1, lineEnd) >= 0) out.emitText(buf, k, end);
        k = end;
      } else {
        out.emit(c);
        k++;
      }
      continue;
    }
    const prev = k > lineStart ? (buf[k - 1] as number) : 32;
    if (cls === C_DIGIT && !isIdent(prev)) {
      if (k === fds.argAt && fds.argLabel !== 0) {
        out.emit(LABEL_TOKEN + fds.argLabel);
        while (k < n && isDigit(buf[k] as number)) k++;
        continue;
      }
      let end = k + 1;
      const x = unitAt(buf, end, lineStart, lineEnd);
      if (c === 48 && (x === 120 || x === 88)) {
        end++;
        while (end < n && isHex(buf[end] as number)) end++;
        if (timeField || end - k - 2 >= 8) out.emitString('0x#');
        else out.emitText(buf, k, end);
        timeField = false;
        k = end;
        continue;
      }
      let value = c - 48;
      while (end < n) {
        const d = buf[end] as number;
        if (d < 48 || d > 57) break;
        value = value * 10 + (d - 48);
        end++;
      }
      const isResult = isResultAt(buf, k, from);
      if (fds.retLabel !== 0 && isResult) {
        out.emit(LABEL_TOKEN + fds.retLabel);
      } else if (unitAt(buf, end, lineStart, lineEnd) === LT && !ctx.dropDecorations) {
        // A decorated fd (`3</etc/hostname>`): the path says which file; the number is allocation luck.
        out.emit(35);
      } else if (timeField) {
        out.emit(35);
      } else if (ctx.pidTokens && end - k >= 2 && ctx.pids.has(value)) {
        out.emit(PID_TOKEN + (ctx.pids.get(value) as number));
      } else if (ctx.pidTokens && end - k >= 2 && isResult) {
        // A pid from outside the trace (getppid() of the first process: the shell that started it).
        out.emit(PID_TOKEN);
      } else {
        out.emitText(buf, k, end);
      }
      timeField = false;
      k = end;
      continue;
    }
    if (cls === C_LT && isIdent(prev)) {
      k = scanDecoration(buf, lineStart, k, n, lineEnd, ctx, out);
      continue;
    }
    if (cls === C_EQ) timeField = isTimeField(buf, lineStart, k);
    else if (timeField) timeField = false; // a digit after an identifier, or a bare `<`
    out.emit(c);
    k++;
  }
}

/** The number at `k` is the call's result: `) = 2106`, or padded `)         = 2106`. */
function isResultAt(buf: Units, k: number, from: number): boolean {
  let j = k - 1;
  if (j < from || buf[j] !== 32) return false;
  j--;
  if (j < from || buf[j] !== EQ) return false;
  j--;
  while (j >= from && buf[j] === 32) j--;
  return j >= from && buf[j] === 41;
}

/** Index one past the closing quote of the string literal starting at `start`. */
function skipString(buf: Units, start: number, end: number): number {
  let k = start + 1;
  while (k < end) {
    const c = buf[k] as number;
    if (c === BACKSLASH) k += 2;
    else if (c === QUOTE) return k + 1;
    else k++;
  }
  return end;
}

/** `tv_sec=`, `tv_nsec=`, `st_atime=`, `st_mtime_nsec=`, `ru_utime=`: fields that hold clock readings. */
function isTimeField(buf: Units, lineStart: number, eq: number): boolean {
  let s = eq;
  while (s > lineStart && isIdent(buf[s - 1] as number)) s--;
  if (s === eq) return false;
  // The name ends in `time`, `sec` or `_ns` (`nsec` and `time_nsec` end in `sec`): read backwards,
  // without a substring per `=` of every call.
  const last = buf[eq - 1] as number;
  const suffix = last === 101 ? 'time' : last === 99 ? 'sec' : last === 115 ? '_ns' : '';
  return suffix !== '' && eq - s >= suffix.length && startsWithText(buf, suffix, eq - suffix.length, eq);
}
