import type { Diagnostic } from '../model/event.js';
import { EVENT_KINDS } from '../model/event.js';
import type { TraceColumns } from '../model/trace.js';

/** One diagnostic per problem line, up to this many: a hostile file must not make gigabytes of them. */
export const MAX_DIAGNOSTICS = 10000;

const SYSCALL = EVENT_KINDS.indexOf('syscall');
const UNKNOWN = EVENT_KINDS.indexOf('unknown');

/**
 * What is said about the input as a whole, before any line's diagnostic: NUL bytes in its head (a
 * binary file), or no line that is a syscall while some are not understood (not an strace log at all).
 */
export function inputDiagnostics(cols: TraceColumns, binary: boolean, fileName?: string): Diagnostic[] {
  const head: Diagnostic[] = [];
  if (binary)
    head.push({
      code: 'binary-input',
      message: 'the input holds NUL bytes: a binary file, not an strace log',
      line: 1,
    });
  let calls = 0;
  let unknowns = 0;
  for (let i = 0; i < cols.count; i++) {
    if (cols.kind[i] === SYSCALL) calls++;
    else if (cols.kind[i] === UNKNOWN) unknowns++;
  }
  if (calls === 0 && unknowns > 0)
    head.push({ code: 'not-a-trace', message: 'no line of the input is an strace syscall line', line: 1 });
  if (fileName !== undefined) for (const d of head) d.file = fileName;
  return head;
}
