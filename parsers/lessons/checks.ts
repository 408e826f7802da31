import type { ArgNode, Trace } from '../model/index.js';
import type { LessonStep, RunLabel } from './lesson.js';
import type { EventSelector } from './selector.js';
import { formatSelector, resolveSelector } from './selector.js';

/**
 * A lesson step's claim, stated as a check on the values of real events, so a wrong sentence or a
 * re-capture that changes the story fails (test/lessons, and `spelunk lessons ID` exits 1):
 *
 *   { claim: 'mount gets MS_RDONLY|MS_BIND in one call', value: { of: 0, pick: 'first', arg: 3 }, has: ['MS_RDONLY', 'MS_BIND'] }
 *   { claim: 'inheritable is 0 before and after', value: { of: 0, arg: 1, field: 'inheritable' }, equals: '0' }
 *   { claim: 'the write comes after main's malloc', order: [{ syscall: 'getrandom' }, { syscall: 'write' }] }
 */
export type CheckEvents = number | EventSelector;

/** Where a value comes from: events of the step, and what to read of them. */
export interface ValueRef {
  /** The nth selector of the step's `select` (of `compare.select` when `run` is the compare run), or a selector. */
  of: CheckEvents;
  /** The run to read (default: the step's run). */
  run?: RunLabel;
  /** 'each' (default): every picked event must hold; 'first' / 'last': only that one. */
  pick?: 'each' | 'first' | 'last';
  /** An argument, by position from 0. */
  arg?: number;
  /** A path into that argument: struct member names and array positions, dot-separated ("inheritable", "0.st_mode"). */
  field?: string;
  /** Instead of an argument: the return value as printed, its -y path, the errno, the signal of a signal or killed event, an exit code, or the raw line (the default). */
  read?: 'ret' | 'retPath' | 'errno' | 'signal' | 'code' | 'pid' | 'line';
}

/** The value holds: equals (as text), matches, has / lacks these identifiers (flag and constant names). */
export interface ValueCheck {
  claim: string;
  value: ValueRef;
  equals?: string | number;
  matches?: RegExp;
  has?: readonly string[];
  lacks?: readonly string[];
}

/** Every event of each group comes before every event of the next (trace order, across processes). */
export interface OrderCheck {
  claim: string;
  order: readonly CheckEvents[];
  run?: RunLabel;
}

export interface CountCheck {
  claim: string;
  count: CheckEvents;
  run?: RunLabel;
  min?: number;
  max?: number;
}

/**
 * The values of the two references are all equal (`same`), or none of the first equals any of the second
 * (`differ`); surrounding whitespace does not count ("428\n" written is the 428 getpid returned).
 */
export interface CompareCheck {
  claim: string;
  same?: readonly [ValueRef, ValueRef];
  differ?: readonly [ValueRef, ValueRef];
}

export type LessonCheck = ValueCheck | OrderCheck | CountCheck | CompareCheck;

export interface CheckResult {
  claim: string;
  ok: boolean;
  /** What the trace shows, with the run and line of the events read ("host:31 inheritable=0"). */
  detail: string;
}

type TraceOf = (run: RunLabel) => Trace | null;

/** Evaluates one check of a step against the loaded runs of its sample. */
export function evaluateCheck(check: LessonCheck, step: LessonStep, traceOf: TraceOf): CheckResult {
  const fail = (detail: string): CheckResult => ({ claim: check.claim, ok: false, detail });
  if ('value' in check) return evaluateValue(check, step, traceOf);
  if ('order' in check) {
    const run = check.run ?? step.run;
    const trace = traceOf(run);
    if (!trace) return fail(`run ${run} is not loaded`);
    const groups = check.order.map((g) => eventsOf(g, run, step, trace));
    for (let k = 0; k < groups.length; k++)
      if (!groups[k]?.length)
        return fail(`nothing matches ${describeEvents(check.order[k] as CheckEvents, step, run)}`);
    for (let k = 1; k < groups.length; k++) {
      const prev = groups[k - 1] as number[];
      const next = groups[k] as number[];
      const last = prev[prev.length - 1] as number;
      const first = next[0] as number;
      if (last >= first)
        return fail(
          `${run}:${trace.line(last)} (${trace.name(last)}) is not before ${run}:${trace.line(first)} (${trace.name(first)})`,
        );
    }
    const lines = groups.map((g) => `${trace.name(g[0] as number)} ${run}:${trace.line(g[0] as number)}`);
    return { claim: check.claim, ok: true, detail: lines.join(' < ') };
  }
  if ('count' in check) {
    const run = check.run ?? step.run;
    const trace = traceOf(run);
    if (!trace) return fail(`run ${run} is not loaded`);
    const n = eventsOf(check.count, run, step, trace).length;
    const ok = n >= (check.min ?? 1) && n <= (check.max ?? Infinity);
    return { claim: check.claim, ok, detail: `${n} event(s) in ${run}` };
  }
  const pair = check.same ?? check.differ;
  if (!pair) return fail('the check names no predicate');
  const [a, b] = [readValues(pair[0], step, traceOf), readValues(pair[1], step, traceOf)];
  if (typeof a === 'string') return fail(a);
  if (typeof b === 'string') return fail(b);
  const show = (vs: Read[]): string => vs.map((v) => `${v.where} ${clip(v.value)}`).join(', ');
  const ok = check.same
    ? [...a, ...b].every((v) => v.value.trim() === a[0]?.value.trim())
    : a.every((x) => b.every((y) => x.value.trim() !== y.value.trim()));
  return { claim: check.claim, ok, detail: `${show(a)} ${check.same ? 'vs' : 'differs from'} ${show(b)}` };
}

/** Every check of a step, evaluated. */
export function evaluateStepChecks(step: LessonStep, traceOf: TraceOf): CheckResult[] {
  return (step.checks ?? []).map((c) => evaluateCheck(c, step, traceOf));
}

interface Read {
  where: string;
  value: string;
}

function evaluateValue(check: ValueCheck, step: LessonStep, traceOf: TraceOf): CheckResult {
  const values = readValues(check.value, step, traceOf);
  if (typeof values === 'string') return { claim: check.claim, ok: false, detail: values };
  for (const v of values) {
    const why = failsValue(check, v.value);
    if (why) return { claim: check.claim, ok: false, detail: `${v.where} ${why}` };
  }
  const shown = values.slice(0, 3).map((v) => `${v.where} ${clip(v.value)}`);
  if (values.length > 3) shown.push(`… ${values.length - 3} more`);
  return { claim: check.claim, ok: true, detail: shown.join('; ') };
}

function failsValue(check: ValueCheck, value: string): string | null {
  if (check.equals !== undefined && value !== String(check.equals))
    return `is ${clip(value)}, not ${String(check.equals)}`;
  if (check.matches && !check.matches.test(value))
    return `${clip(value)} does not match ${String(check.matches)}`;
  const names = new Set(value.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  for (const n of check.has ?? []) if (!names.has(n)) return `${clip(value)} lacks ${n}`;
  for (const n of check.lacks ?? []) if (names.has(n)) return `${clip(value)} has ${n}`;
  return null;
}

function readValues(ref: ValueRef, step: LessonStep, traceOf: TraceOf): Read[] | string {
  const run = ref.run ?? step.run;
  const trace = traceOf(run);
  if (!trace) return `run ${run} is not loaded`;
  let events = eventsOf(ref.of, run, step, trace);
  if (ref.pick === 'first') events = events.slice(0, 1);
  if (ref.pick === 'last') events = events.slice(-1);
  if (events.length === 0) return `nothing matches ${describeEvents(ref.of, step, run)}`;
  const out: Read[] = [];
  for (const i of events) {
    const value = readOne(trace, i, ref);
    const where = `${run}:${trace.line(i)}${ref.field ? ` ${ref.field}=` : ''}`;
    if (value === null) return `${run}:${trace.line(i)} has no ${describeRead(ref)}`;
    out.push({ where, value });
  }
  return out;
}

function readOne(trace: Trace, i: number, ref: ValueRef): string | null {
  const e = trace.event(i);
  if (ref.arg !== undefined) {
    if (e.kind !== 'syscall') return null;
    const node = followPath(e.args[ref.arg], ref.field);
    return node ? nodeText(node) : null;
  }
  switch (ref.read ?? 'line') {
    case 'line':
      return trace.rawLine(i);
    case 'ret':
      return e.kind === 'syscall' ? e.ret : null;
    case 'retPath':
      return e.kind === 'syscall' ? (e.retPath ?? null) : null;
    case 'errno':
      return e.kind === 'syscall' ? (e.errno ?? 'none') : null;
    case 'signal':
      return e.kind === 'signal' || e.kind === 'killed' ? e.signal : null;
    case 'code':
      return e.kind === 'exit' ? String(e.code) : null;
    case 'pid':
      return e.pid === null ? null : String(e.pid);
  }
}

function followPath(node: ArgNode | undefined, path: string | undefined): ArgNode | undefined {
  let at = node;
  for (const step of path ? path.split('.') : []) {
    if (!at) return undefined;
    if (at.type === 'struct') at = at.fields.find((f) => f.name === step)?.value;
    else if (at.type === 'array') at = at.items[Number(step)];
    else return undefined;
    while (at && at.type === 'named') at = at.value;
  }
  return at;
}

/** A string argument reads as its decoded value, anything else as the text strace printed. */
function nodeText(node: ArgNode): string {
  return node.type === 'string' ? node.value : node.text;
}

function eventsOf(of: CheckEvents, run: RunLabel, step: LessonStep, trace: Trace): number[] {
  if (typeof of !== 'number') return resolveSelector(trace, of);
  const list = run === step.run ? step.select : run === step.compare?.run ? step.compare.select : [];
  const selector = list[of];
  return selector ? resolveSelector(trace, selector) : [];
}

function describeEvents(of: CheckEvents, step: LessonStep, run: RunLabel = step.run): string {
  if (typeof of !== 'number') return formatSelector(of);
  const s = (run === step.run ? step.select : (step.compare?.select ?? []))[of];
  return s ? formatSelector(s) : `selector #${of}`;
}

function describeRead(ref: ValueRef): string {
  return ref.arg !== undefined
    ? `argument ${ref.arg}${ref.field ? `.${ref.field}` : ''}`
    : (ref.read ?? 'line');
}

/** One line, at most 120 characters: newlines and tabs shown as \n and \t. */
function clip(s: string): string {
  const line = s.replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/** One line for the CLI: `✓ claim — detail` or `✗ claim — detail`. */
export function formatCheckResult(r: CheckResult): string {
  return `${r.ok ? '✓' : '✗'} ${r.claim} — ${r.detail}`;
}
