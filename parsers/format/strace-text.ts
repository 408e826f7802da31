import type { TraceEvent } from '../model/event.js';
import { formatArgs } from '../strace/args/index.js';

export interface StraceTextOptions {
  /** Write the pid as strace -f -o does ("%-5u "). */
  pid?: boolean;
  /** Write `ts` as strace -ttt does. */
  timestamps?: boolean;
}

/**
 * Writes an event back as the line strace would print for it (one line; a split call is joined). Used
 * to show a reconstructed line and, in tests, to check that printing then parsing gives the event back.
 */
export function formatStraceText(ev: TraceEvent, options: StraceTextOptions = {}): string {
  let prefix = '';
  if (options.pid && ev.pid !== null) prefix += `${ev.pid}`.padEnd(5) + ' ';
  if (options.timestamps && ev.ts !== null) prefix += `${formatTimestamp(ev.ts)} `;
  switch (ev.kind) {
    case 'syscall': {
      let s = `${prefix}${ev.name}(${formatArgs(ev.args)})`;
      s = s.padEnd(39) + ` = ${ev.ret}`;
      if (ev.retPath !== undefined) s += `<${ev.retPath}>`;
      if (ev.errno !== null)
        s += ev.errno.startsWith('errno ') ? ` (${ev.errno})` : ` ${ev.errno} (${ev.errText ?? ''})`;
      for (const n of ev.notes ?? []) s += ` (${n})`;
      if (ev.dur !== null) s += ` <${formatSeconds(ev.dur)}>`;
      return s;
    }
    case 'signal':
      return ev.stopped
        ? `${prefix}--- stopped by ${ev.signal} ---`
        : `${prefix}--- ${ev.signal} ${ev.info?.text ?? '{}'} ---`;
    case 'exit':
      return `${prefix}+++ exited with ${ev.code} +++`;
    case 'killed':
      return `${prefix}+++ killed by ${ev.signal}${ev.core ? ' (core dumped)' : ''} +++`;
    case 'superseded':
      return `${prefix}+++ superseded by execve in pid ${ev.by} +++`;
    case 'personality':
      return `${prefix}[ Process PID=${ev.pid ?? 0} runs in ${ev.mode} mode. ]`;
    case 'message':
      return `strace: ${ev.text}`;
    case 'unknown':
      return ev.text;
  }
}

/** Seconds with at least microsecond digits and at most nanosecond ones, no trailing noise. */
function formatSeconds(s: number): string {
  const t = s.toFixed(9).replace(/0{1,3}$/, '');
  return t.endsWith('000') ? t.replace(/0+$/, '').padEnd(t.indexOf('.') + 7, '0') : t;
}

/** -ttt for epoch times; times of day (-tt logs, seconds since midnight) as HH:MM:SS.uuuuuu. */
function formatTimestamp(ts: number): string {
  if (ts >= 1e6) return formatSeconds(ts);
  const day = ts % 86400;
  const hms = [Math.floor(day / 3600), Math.floor((day % 3600) / 60), Math.floor(day % 60)];
  const frac = formatSeconds(day - Math.floor(day)).slice(1);
  return hms.map((n) => String(n).padStart(2, '0')).join(':') + frac;
}
