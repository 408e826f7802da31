import type { DiagnosisRule } from '../types.js';
import { evidenceOf, findMessage, outcomeDiffers, quoteMessage, subjectFailures } from './rule-kit.js';

/** Words a program uses when a variable is missing: `HOME not set`, `$FOO is unset`, `environment`. */
const ENV_MESSAGE =
  /\b[A-Z][A-Z0-9_]{2,}\b.*\b(not set|unset|undefined|empty|missing|required)\b|\$\{?[A-Z_][A-Z0-9_]*|environment variable|parameter null or not set/i;

/**
 * How runtimes report a variable that is not there, naming it: python's `os.environ['HOME']` raises
 * `KeyError: 'HOME'`, and under `set -u` bash says `HOME: unbound variable`, dash `HOME: parameter not
 * set`. Only names written as variables usually are (capitals, digits, `_`): a KeyError on another key
 * is a program's own dictionary.
 */
const NAMED_VARIABLE =
  /KeyError: '([A-Z_][A-Z0-9_]*)'|\b([A-Z_][A-Z0-9_]*): (?:unbound variable|parameter not set)/;

/**
 * An execve passes the environment along; `env -i` (or --env-clear) starts with almost none. strace
 * shows its size (`/* 1 var *\/` against `/* 39 vars *\/`), not its contents, so the rule needs the
 * program's own words about a variable, or a failing run whose only real difference is the smaller
 * environment.
 *
 *   execve("/tmp/need-home.sh", ["/tmp/need-home.sh"], 0x7ffd... /* 1 var *\/) = 0
 *   write(2, "need-home.sh: line 2: HOME: parameter not set\n", 45) = 45
 */
export const missingEnvVar: DiagnosisRule = {
  id: 'missing-env-var',
  level: 'cause',
  detect(ctx) {
    if (!outcomeDiffers(ctx)) return null;
    const mine = ctx.subject.target?.unit;
    const theirs = ctx.reference.target?.unit;
    if (!mine || !theirs || mine.envCount === null || theirs.envCount === null) return null;
    if (mine.envCount === theirs.envCount) return null;
    // The run with fewer variables is the one that may lack one.
    const [poor, rich] =
      mine.envCount < theirs.envCount ? [ctx.subject, ctx.reference] : [ctx.reference, ctx.subject];
    const poorUnit = poor === ctx.subject ? mine : theirs;
    const richUnit = poor === ctx.subject ? theirs : mine;
    const message =
      poor === ctx.subject
        ? findMessage(ctx, (text) => NAMED_VARIABLE.test(text) || ENV_MESSAGE.test(text))
        : null;
    // Without the program's words, only the same program with nothing else failing: two builds of a
    // program (./mt against ./src/mt) differ for reasons of their own.
    // A cleared environment (env -i) is the mechanism; a variable more or less is not.
    if (
      !message &&
      (subjectFailures(ctx).length > 0 ||
        poorUnit.programPath !== richUnit.programPath ||
        (poorUnit.envCount ?? 0) > 2 ||
        (ctx.situation === 'one-fails' && poor !== ctx.subject))
    )
      return null;
    const named = message ? NAMED_VARIABLE.exec(message.text) : null;
    const variable = message ? /\$\{?([A-Z_][A-Z0-9_]*)|\b([A-Z][A-Z0-9_]{2,})\b/.exec(message.text) : null;
    const name = named
      ? (named[1] ?? named[2] ?? null)
      : variable
        ? (variable[1] ?? variable[2] ?? null)
        : null;
    const n = poorUnit.envCount ?? 0;
    // Cleared means next to a usual environment (a login shell's has dozens); 2 against 3 is two runs
    // both started with a chosen few.
    const cleared = n <= 2 && (richUnit.envCount ?? 0) >= 10;
    return {
      rule: 'missing-env-var',
      confidence: message ? 'certain' : 'likely',
      cause:
        `${poor.label} starts the program with ${n} environment variable${n === 1 ? '' : 's'} against ` +
        `${richUnit.envCount} in ${rich.label}${cleared ? ' (its environment was cleared, as env -i does)' : ''}` +
        (name ? `, and ${name} is one the program needs` : '') +
        (message
          ? `: it says ${quoteMessage(message.text)}`
          : ctx.sameOutput === false
            ? ', and what it prints differs with it'
            : ''),
      evidence:
        poor === ctx.subject
          ? evidenceOf(ctx, [poorUnit.execEvent, message?.i], [richUnit.execEvent])
          : evidenceOf(ctx, [richUnit.execEvent], [poorUnit.execEvent]),
    };
  },
};
