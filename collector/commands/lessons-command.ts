import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stdoutColors as pc } from '../terminal-colors.js';
import type { Lesson, LessonStep, ResolvedSelection } from '../../parsers/lessons/index.js';
import {
  LESSONS,
  WORKSHOP_SECTIONS,
  evaluateStepChecks,
  findLesson,
  formatCheckResult,
  formatSelector,
  resolveStep,
} from '../../parsers/lessons/index.js';
import type { Trace } from '../../parsers/model/index.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { computeClosestNames } from '../../parsers/catalog/suggest.js';
import { runAction } from '../run-action.js';
import { escapeKeepingColours, writeErrorLine, writeOut } from '../write-out.js';
import { PACKAGE_ROOT } from '../package-root.js';

class LessonError extends Error {
  readonly userFacing = true;
}

/** The runs of one sample as samples/index.json lists them: label -> log path. */
function sampleRuns(samplesDir: string, sample: string): Map<string, string> {
  const indexPath = join(samplesDir, 'index.json');
  if (!existsSync(indexPath))
    throw new LessonError(`no samples/index.json in ${samplesDir} (run \`npm run samples\` as root)`);
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as {
    samples?: { id: string; runs: { label: string; log?: string }[] }[];
  };
  const entry = index.samples?.find((s) => s.id === sample);
  if (!entry)
    throw new LessonError(`sample "${sample}" is not in ${indexPath} (run \`npm run samples\` as root)`);
  return new Map(
    entry.runs.flatMap((r) => (r.log ? [[r.label, join(samplesDir, r.log)] as [string, string]] : [])),
  );
}

/** Loads each run of the lesson's sample once, on demand. */
function traceLoader(samplesDir: string, lesson: Lesson): (run: string) => Trace | null {
  const runs = sampleRuns(samplesDir, lesson.sample);
  const cache = new Map<string, Trace>();
  return (run) => {
    const path = runs.get(run);
    if (!path || !existsSync(path)) return null;
    let trace = cache.get(run);
    if (!trace) {
      trace = parseStrace(readFileSync(path, 'latin1'), { fileName: path.split('/').pop() });
      cache.set(run, trace);
    }
    return trace;
  };
}

export interface ResolvedEventJson {
  index: number;
  line: number;
  pid: number | null;
  name: string;
  text: string;
}

function describeSelection(
  trace: Trace | null,
  sel: ResolvedSelection,
  limit = Infinity,
): ResolvedEventJson[] {
  if (!trace) return [];
  return sel.events.slice(0, limit).map((i) => ({
    index: i,
    line: trace.line(i),
    pid: trace.pid(i),
    name: trace.name(i),
    text: trace.rawLine(i),
  }));
}

/** A lesson with every step resolved against the current samples: the `--json` shape of `spelunk lessons ID`. */
export function resolveLessonJson(samplesDir: string, lesson: Lesson) {
  const traceOf = traceLoader(samplesDir, lesson);
  return {
    id: lesson.id,
    title: lesson.title,
    sample: lesson.sample,
    summary: lesson.summary,
    steps: lesson.steps.map((step: LessonStep) => {
      const r = resolveStep(step, traceOf);
      const unmatched = [
        ...step.select.filter((_, k) => !r.main.perSelector[k]?.length).map(formatSelector),
        ...(step.compare && r.compare
          ? step.compare.select.filter((_, k) => !r.compare?.perSelector[k]?.length).map(formatSelector)
          : []),
      ];
      return {
        title: step.title,
        text: step.text,
        run: step.run,
        selectors: step.select.map(formatSelector),
        events: describeSelection(traceOf(step.run), r.main),
        compare: step.compare
          ? {
              run: step.compare.run,
              text: step.compare.text,
              selectors: step.compare.select.map(formatSelector),
              events: r.compare ? describeSelection(traceOf(step.compare.run), r.compare) : [],
            }
          : null,
        unmatched,
        checks: evaluateStepChecks(step, traceOf),
      };
    }),
  };
}

/** The lessons numbered in the workshop's order, each with its section. */
function formatLessonList(): string {
  const width = Math.max(...LESSONS.map((l) => l.id.length));
  const sectionWidth = Math.max(...WORKSHOP_SECTIONS.map((s) => s.length)) + 2;
  return LESSONS.map(
    (l, k) =>
      `${String(k + 1).padStart(2)}. ${l.id.padEnd(width)}  ${pc.cyan(`[${l.section ?? 'other'}]`.padEnd(sectionWidth))}  ${l.title}  ${pc.dim(`(${l.sample}, ${l.steps.length} steps)`)}`,
  ).join('\n');
}

function formatLessonText(json: ReturnType<typeof resolveLessonJson>, maxEvents: number): string {
  const out = [pc.bold(json.title), `${json.summary}`, pc.dim(`sample: ${json.sample}`), ''];
  const show = (run: string, events: ResolvedEventJson[]): string[] => {
    const lines = events
      .slice(0, maxEvents)
      .map(
        (e) =>
          `    ${pc.cyan(`${run}:${e.line}`)}  ${e.text.length > 150 ? `${e.text.slice(0, 150)}…` : e.text}`,
      );
    if (events.length > maxEvents) lines.push(pc.dim(`    … and ${events.length - maxEvents} more`));
    return lines;
  };
  json.steps.forEach((s, k) => {
    out.push(pc.bold(`Step ${k + 1} of ${json.steps.length}: ${s.title}`));
    out.push(...s.text.split('\n').map((l) => (l ? `  ${l}` : '')));
    out.push(pc.dim(`  selects: ${s.selectors.join('; ')}`), ...show(s.run, s.events));
    if (s.compare)
      out.push(`  ${pc.italic(`Compare: ${s.compare.text}`)}`, ...show(s.compare.run, s.compare.events));
    for (const u of s.unmatched) out.push(pc.red(`  ! no event matches: ${u}`));
    for (const c of s.checks)
      out.push(c.ok ? pc.green(`  ${formatCheckResult(c)}`) : pc.red(`  ${formatCheckResult(c)}`));
    out.push('');
  });
  return out.join('\n');
}

/** A lesson by id, or by the number the list prints before it ("3" for the third). */
function findListedLesson(id: string): Lesson | undefined {
  return findLesson(id) ?? (/^[1-9]\d*$/.test(id) ? LESSONS[Number(id) - 1] : undefined);
}

/** `spelunk lessons [id]`: the guided lessons, and one lesson's steps resolved on the current samples. */
export function registerLessonsCommand(program: Command): void {
  program
    .command('lessons')
    .description('list the guided lessons, or print one with the events each step points at in the samples')
    .argument('[id]', 'a lesson id, or its number in the list')
    .option('--json', 'machine-readable output')
    .option(
      '--samples <dir>',
      'the samples folder',
      process.env.SPELUNK_SAMPLES_DIR ?? join(PACKAGE_ROOT, 'samples'),
    )
    .option('--max-events <n>', 'events shown per step in text output', '6')
    .action((id: string | undefined, opts: { json?: boolean; samples: string; maxEvents: string }) =>
      runAction(async () => {
        if (id === undefined) {
          const list = LESSONS.map((l) => ({
            id: l.id,
            title: l.title,
            sample: l.sample,
            steps: l.steps.length,
            summary: l.summary,
            section: l.section ?? null,
          }));
          await writeOut((opts.json ? JSON.stringify(list, null, 2) : formatLessonList()) + '\n');
          return;
        }
        const lesson = findListedLesson(id);
        if (!lesson) {
          // the list prints sections too ("[loader]"): a section's name gets that section's lessons
          const inSection = LESSONS.filter((l) => l.section === id).map((l) => l.id);
          const closest = inSection.length
            ? `${inSection.join(', ')}: the lessons of section ${id}`
            : computeClosestNames(
                id,
                LESSONS.map((l) => l.id),
                3,
              ).join(', ');
          throw new LessonError(`unknown lesson "${id}" (closest: ${closest})`);
        }
        const json = resolveLessonJson(resolve(opts.samples), lesson);
        // the events' lines come from the samples folder given (--samples): escaped like any log
        await writeOut(
          escapeKeepingColours(
            (opts.json
              ? JSON.stringify(json, null, 2)
              : formatLessonText(json, Math.max(1, Number(opts.maxEvents) || 6))) + '\n',
          ),
        );
        const broken = json.steps.reduce((n, s) => n + s.unmatched.length + (s.events.length ? 0 : 1), 0);
        if (broken > 0) {
          writeErrorLine(
            `spelunk: ${broken} selector(s) of lesson ${lesson.id} match nothing in the current samples`,
          );
          process.exitCode = 1;
        }
        const failed = json.steps.flatMap((s) => s.checks.filter((c) => !c.ok));
        if (failed.length > 0) {
          writeErrorLine(
            `spelunk: ${failed.length} check(s) of lesson ${lesson.id} do not hold on the current samples: ${failed.map((c) => c.claim).join('; ')}`,
          );
          process.exitCode = 1;
        }
      }),
    );
}
