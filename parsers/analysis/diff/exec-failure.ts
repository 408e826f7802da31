import type { Trace } from '../../model/index.js';
import { callLine } from './call-text.js';
import type { TraceDiffCore } from './compute-diff.js';
import type { DiffUnit, TraceUnits } from './diff-units.js';
import { basename } from './diff-units.js';
import type { DiffLabels } from './finding.js';
import { formatLineRef, lineRef, requestOf } from './finding.js';
import { failureHint, firstPath } from './failure-hints.js';
import type { CallReading } from '../diagnosis/call-reading.js';

/** The diff unit (exec stage) holding event `i`. */
export function unitOf(units: TraceUnits, i: number): DiffUnit | undefined {
  const k = units.unitOfEvent[i] ?? -1;
  return k < 0 ? undefined : units.all[k];
}

/**
 * What `execve(path) = -1 ENOENT` shows. A PATH search makes several attempts: they are said together.
 * When the other run exec'd the same program, ENOENT means the file or the interpreter it names is
 * missing; the diagnosis rules say which (they read the other run's loader, #! line, or filter).
 */
export function explainExecFailure(
  core: TraceDiffCore,
  side: 'a' | 'b',
  i: number,
  labels: DiffLabels,
  reading: CallReading,
): string {
  const t = side === 'a' ? core.a : core.b;
  const o = side === 'a' ? core.b : core.a;
  const label = side === 'a' ? labels.a : labels.b;
  const otherLabel = side === 'a' ? labels.b : labels.a;
  const mine = side === 'a' ? core.unitsA : core.unitsB;
  const theirs = side === 'a' ? core.unitsB : core.unitsA;
  const unit = unitOf(mine, i);
  // Every failed attempt of this exec stage (the PATH search), in order.
  const attempts = unit
    ? [...unit.events].filter((e) => isExecName(t.name(e)) && t.errno(e) === 'ENOENT')
    : [i];
  const names = new Set(attempts.map((e) => basename(firstPath(t, e))));
  const argv0 = argv0Of(t, i);
  if (argv0) names.add(basename(argv0));
  const inChroot = reading.inChroot(side, i);
  const where = inChroot ? 'the chroot' : 'this run';
  const tried =
    attempts.length > 1
      ? `Every one of ${attempts.length} exec attempts fails with ENOENT in ${label} (${attempts
          .slice(0, 4)
          .map((e) => `${firstPath(t, e)} at ${formatLineRef(lineRef(t, e))}`)
          .join(', ')}${attempts.length > 4 ? ', …' : ''})`
      : `${requestOf(t, i)} fails with ENOENT in ${label} (${formatLineRef(lineRef(t, i))})`;
  const hints = new Set(
    attempts.map((e) => failureHint(firstPath(t, e), 'ENOENT', inChroot)).filter((h) => h !== null),
  );
  const hintText = hints.size > 0 ? ` Also: ${[...hints].join('; ')}.` : '';
  let ran: DiffUnit | undefined;
  for (const name of names) ran ??= theirs.firstRunOf.get(name);
  if (ran && attempts.length > 1) {
    // A PATH search that found nothing: the program is not in any directory tried.
    return `${tried}: ${[...names].filter((n) => n !== 'exe').join(' or ')} is in none of the directories tried inside ${where}, while ${otherLabel} runs ${ran.programPath ?? ran.program} (${formatLineRef(lineRef(o, ran.execEvent))}).${hintText}`;
  }
  if (!ran) {
    return `${tried}; ${otherLabel} never runs ${[...names].join(' or ') || 'that program'} either. The file is missing from ${where}, or its ELF interpreter (the dynamic loader it names) is.${hintText}`;
  }
  // Which of the two the trace shows (a dynamic binary's loader, a script's #! line, a static binary, a
  // filtered log that cannot tell) is the diagnosis's to say; this finding only keeps both lines.
  const ranAt = formatLineRef(lineRef(o, ran.execEvent));
  return (
    `${tried}, but the same program runs in ${otherLabel} (${ranAt}). ENOENT from execve means the file is ` +
    `missing, or the interpreter it names is (the dynamic loader of an ELF binary, the #! line of a script): ` +
    `the diagnosis says which one the trace shows.${hintText}`
  );
}

function isExecName(name: string): boolean {
  return name === 'execve' || name === 'execveat';
}

/** `execve("/proc/self/exe", ["tr", "a-z"], ...)` -> "tr". */
function argv0Of(t: Trace, i: number): string | null {
  const m = /\[\s*"((?:[^"\\]|\\.)*)"/.exec(callLine(t, i));
  return m ? (m[1] as string) : null;
}
