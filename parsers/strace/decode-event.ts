import type { ArgNode } from '../model/args.js';
import type { SyscallEvent, TraceEvent } from '../model/event.js';
import { CALL_STATUS, type Trace } from '../model/trace.js';
import { decodeStraceString, parseArgs, parseValue } from './args/index.js';
import { parseStraceLine } from './parse-line.js';
import { gluedWriteOutput } from './glued-output.js';

/**
 * Rebuilds the full event `i` from its raw line(s): arguments decoded, both halves of a split call
 * joined, the stack frames and hex dump lines that follow it collected. Used lazily, one event at a time.
 * `repaired` holds lines rebuilt from pieces strace's own messages had cut apart.
 */
export function decodeStraceEvent(
  trace: Trace,
  i: number,
  repaired: ReadonlyMap<number, string>,
): TraceEvent {
  const c = trace.columns;
  const source = trace.sources[c.fileId[i] as number];
  const lineNo = c.line[i] as number;
  const text = repaired.get(lineNo) ?? source?.line(lineNo) ?? '';
  const base = { line: lineNo, pid: trace.pid(i), ts: trace.ts(i) } as const;
  const file = trace.file(i);
  const withFile = file === undefined ? base : { ...base, file };
  const kind = trace.kind(i);
  const first = parseStraceLine(text);

  switch (kind) {
    case 'signal': {
      if (first.stopped) return { kind, ...withFile, signal: first.name, stopped: true };
      // old strace's "--- SIGCHLD (Child exited) @ 0 (0) ---" carries no siginfo
      if (first.infoEnd <= first.infoStart) return { kind, ...withFile, signal: first.name };
      return {
        kind,
        ...withFile,
        signal: first.name,
        info: parseValue(text.slice(first.infoStart, first.infoEnd)),
      };
    }
    case 'exit':
      return { kind, ...withFile, code: first.code };
    case 'killed':
      return { kind, ...withFile, signal: first.name, core: first.core };
    case 'superseded':
      return { kind, ...withFile, by: first.code };
    case 'personality':
      return { kind, ...withFile, mode: first.text };
    case 'message':
      return {
        kind,
        ...withFile,
        text: first.kind === 'message' ? first.text : messageText(source?.line(lineNo) ?? text),
      };
    case 'unknown':
      return {
        kind,
        ...withFile,
        text,
        reason: first.kind === 'unknown' ? first.text : 'not placed in the trace',
      };
    case 'syscall':
      break;
  }

  const endLineNo = c.endLine[i] as number;
  const last =
    endLineNo > 0 ? parseStraceLine(repaired.get(endLineNo) ?? source?.line(endLineNo) ?? '') : first;
  let argsText = text.slice(first.argsStart, first.argsEnd);
  if (endLineNo > 0 && last.kind === 'resumed') {
    const endText = repaired.get(endLineNo) ?? source?.line(endLineNo) ?? '';
    argsText += endText.slice(last.argsStart, last.argsEnd);
  }
  const ev: SyscallEvent = {
    kind: 'syscall',
    ...withFile,
    name: trace.name(i),
    args: parseArgs(argsText),
    ret: last.ret === '' ? '?' : last.ret,
    errno: trace.errno(i),
    dur: trace.dur(i),
  };
  if (endLineNo > 0) ev.endLine = endLineNo;
  if (last.retPath !== null) {
    // the decoration read as a value: escapes decoded, device info (`</dev/null<char 1:3>>`) set apart
    const node = parseValue(`${last.ret}<${last.retPath}>`);
    ev.retPath = node.type === 'fd' ? node.path : last.retPath;
  }
  if (last.errText !== null) ev.errText = last.errText;
  if (last.notes !== null) ev.notes = last.notes;
  // -Y escapes `<`, `>` and `"` inside the comm like a string body (`27249<a\74b\76 c\"d>`)
  if (first.comm !== null) ev.comm = decodeStraceString(first.comm);
  if (first.nr !== null) ev.nr = first.nr;
  if (first.ip !== null) ev.ip = first.ip;
  const status = CALL_STATUS[c.status[i] as number];
  if (status) ev.status = status;
  const suspect =
    first.suspect ??
    (endLineNo > 0 ? last.suspect : null) ??
    (ev.name === 'write' ? gluedWriteOutput(ev.args, argsText) : null);
  if (suspect !== null) ev.suspect = suspect;
  const after = collectFollowing(trace, i, endLineNo > 0 ? endLineNo : lineNo);
  if (after.stack.length > 0) ev.stack = after.stack;
  if (after.dump.length > 0) ev.dump = after.dump;
  return ev;
}

/** Stack frames (` > `) and hex dump lines (` | `) directly after the line that completed the call. */
function collectFollowing(trace: Trace, i: number, lastLine: number): { stack: string[]; dump: string[] } {
  const source = trace.sources[trace.columns.fileId[i] as number];
  const stack: string[] = [];
  const dump: string[] = [];
  if (!source) return { stack, dump };
  for (let n = lastLine + 1; n <= source.lineCount; n++) {
    const t = source.line(n);
    if (t.startsWith(' > ')) stack.push(t.slice(3));
    else if (t.startsWith(' | ')) dump.push(t.slice(3));
    else break;
  }
  return { stack, dump };
}

function messageText(text: string): string {
  const at = text.indexOf('strace: ');
  return at >= 0 ? text.slice(at + 8) : text;
}
