import type { ArgNode } from '../model/args.js';
import type { TraceEvent } from '../model/event.js';
import type { Trace } from '../model/trace.js';
import { escapeTerminalText } from './terminal-text.js';

/**
 * A compact, line-oriented text dump of a parsed trace, one event a line, for golden files that are
 * reviewed as diffs:
 *   L12 p6301 t1795913862.987084 syscall openat(AT_FDCWD, s"/etc/x", O_RDONLY) = -1 ENOENT d0.000009
 * Arguments are shown by node type (s"..." decoded string, fd3<path>, {..} struct), so a change in how
 * a value is understood shows up even when its text does not change.
 */
export function formatTraceDump(trace: Trace): string {
  const out: string[] = [];
  for (let i = 0; i < trace.count; i++) out.push(formatEventDump(trace.event(i)));
  for (const s of trace.summaries) {
    out.push(
      `summary ${s.section} L${s.firstLine}-${s.lastLine}: ${s.rows.length} rows, total ${s.total?.calls ?? '?'} calls ${s.total?.errors ?? '?'} errors`,
    );
  }
  for (const d of trace.diagnostics) out.push(`diag ${d.code} L${d.line}: ${d.message}`);
  // Decoded strings are JSON-escaped above, but fd paths, comments and raw texts are not: one pass here.
  return escapeTerminalText(out.join('\n') + '\n');
}

function formatEventDump(ev: TraceEvent): string {
  const head = `L${ev.line}${ev.file ? `@${ev.file}` : ''} p${ev.pid ?? '-'} t${ev.ts ?? '-'} ${ev.kind}`;
  switch (ev.kind) {
    case 'syscall': {
      let s = `${head} ${ev.name}(${ev.args.map(dumpArg).join(', ')}) = ${ev.ret}`;
      if (ev.retPath !== undefined) s += `<${ev.retPath}>`;
      if (ev.errno) s += ` ${ev.errno}`;
      if (ev.notes) s += ` (${ev.notes.join(') (')})`;
      if (ev.dur !== null) s += ` d${ev.dur}`;
      if (ev.endLine) s += ` ..L${ev.endLine}`;
      if (ev.status) s += ` [${ev.status}]`;
      if (ev.comm) s += ` comm=${ev.comm}`;
      if (ev.nr !== undefined) s += ` nr=${ev.nr}`;
      if (ev.ip) s += ` ip=${ev.ip}`;
      if (ev.stack) s += ` stack=${ev.stack.length}`;
      if (ev.dump) s += ` dump=${ev.dump.length}`;
      if (ev.suspect) s += ' suspect';
      return s;
    }
    case 'signal':
      return `${head} ${ev.signal}${ev.stopped ? ' stopped' : ''}${ev.info ? ' ' + dumpArg(ev.info) : ''}`;
    case 'exit':
      return `${head} ${ev.code}`;
    case 'killed':
      return `${head} ${ev.signal}${ev.core ? ' core' : ''}`;
    case 'superseded':
      return `${head} by ${ev.by}`;
    case 'personality':
      return `${head} ${ev.mode}`;
    case 'message':
      return `${head} ${JSON.stringify(ev.text)}`;
    case 'unknown':
      return `${head} ${JSON.stringify(ev.text)} (${ev.reason})`;
  }
}

function dumpArg(a: ArgNode): string {
  switch (a.type) {
    case 'string':
      return `s${JSON.stringify(a.value)}${a.truncated ? '...' : ''}`;
    case 'fd':
      return `fd${a.name ?? a.value}<${a.path}>${a.deleted ? '(deleted)' : ''}`;
    case 'struct':
      return `{${a.fields.map((f) => (f.name === null ? '' : f.name + '=') + dumpArg(f.value)).join(', ')}}`;
    case 'array':
      return `${a.complement ? '~' : ''}[${a.items.map(dumpArg).join(', ')}]`;
    case 'flags':
      return a.items.map(dumpArg).join('|');
    case 'call':
      return `${a.name}(${a.args.map(dumpArg).join(', ')})`;
    case 'commented':
      return `${dumpArg(a.value)} /*${a.comment}*/`;
    case 'inout':
      return `${dumpArg(a.in)} => ${dumpArg(a.out)}`;
    case 'named':
      return `${a.name}=${dumpArg(a.value)}`;
    case 'other':
      return `?${JSON.stringify(a.text)}`;
    default:
      return a.text;
  }
}
