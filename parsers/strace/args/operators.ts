/**
 * Binary operators strace prints inside values, with C precedence (higher binds tighter):
 *
 *   MAP_PRIVATE|MAP_ANONYMOUS|1<<MAP_HUGE_SHIFT     `|` below `<<`
 *   rlim_cur=8192*1024                             `*`
 *   [{WIFEXITED(s) && WEXITSTATUS(s) == 7}]        ` && ` below ` == `
 *   ioctl(3, SNDCTL_TMR_START or TCSETS, ...)      ` or `: two names for one number, loosest
 *
 * `|` makes a FlagsArg; every other operator an ExprArg whose `op` is stored without spaces.
 */

export interface OperatorInfo {
  op: string;
  /** Characters it occupies in the source, spaces included. */
  length: number;
  precedence: number;
}

const OR_WORD: OperatorInfo = { op: 'or', length: 4, precedence: 0 };
const LOGICAL_OR: OperatorInfo = { op: '||', length: 4, precedence: 1 };
const LOGICAL_AND: OperatorInfo = { op: '&&', length: 4, precedence: 1 };
const BIT_OR: OperatorInfo = { op: '|', length: 1, precedence: 2 };
const EQUAL: OperatorInfo = { op: '==', length: 4, precedence: 3 };
const NOT_EQUAL: OperatorInfo = { op: '!=', length: 4, precedence: 3 };
const SHIFT_LEFT: OperatorInfo = { op: '<<', length: 2, precedence: 4 };
const SHIFT_RIGHT: OperatorInfo = { op: '>>', length: 2, precedence: 4 };
const PLUS: OperatorInfo = { op: '+', length: 1, precedence: 5 };
const MINUS: OperatorInfo = { op: '-', length: 1, precedence: 5 };
const TIMES: OperatorInfo = { op: '*', length: 1, precedence: 6 };

/** Operators printed with a space on each side. */
export const SPACED_OPERATORS: ReadonlySet<string> = new Set(['or', '||', '&&', '==', '!=']);

/** Precedence of an operator as stored in a node (`|` for flags). */
function operatorPrecedence(op: string): number {
  return OPERATORS_BY_NAME.get(op)?.precedence ?? -1;
}

const OPERATORS_BY_NAME = new Map(
  [
    OR_WORD,
    LOGICAL_OR,
    LOGICAL_AND,
    BIT_OR,
    EQUAL,
    NOT_EQUAL,
    SHIFT_LEFT,
    SHIFT_RIGHT,
    PLUS,
    MINUS,
    TIMES,
  ].map((o) => [o.op, o] as const),
);

/** The operator starting at `i`, right after a term, or null. */
export function peekOperator(src: string, i: number): OperatorInfo | null {
  const c = src.charCodeAt(i);
  switch (c) {
    case 124 /* | */:
      return src.charCodeAt(i + 1) === 124 ? null : BIT_OR;
    case 60 /* < */:
      return src.charCodeAt(i + 1) === 60 ? SHIFT_LEFT : null;
    case 62 /* > */:
      return src.charCodeAt(i + 1) === 62 ? SHIFT_RIGHT : null;
    case 42 /* * */:
      return src.charCodeAt(i + 1) === 47 /* / */ ? null : TIMES;
    case 43 /* + */:
      return PLUS;
    case 45 /* - */: {
      // Only between two terms with no space: [IPV4_DEVCONF_FORWARDING-1]=0.
      const d = src.charCodeAt(i + 1);
      return (d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95 ? MINUS : null;
    }
    case 32 /* space */:
      return peekSpacedOperator(src, i);
    default:
      return null;
  }
}

function peekSpacedOperator(src: string, i: number): OperatorInfo | null {
  if (src.charCodeAt(i + 3) !== 32) return null;
  const a = src.charCodeAt(i + 1);
  const b = src.charCodeAt(i + 2);
  if (a === 111 /* o */ && b === 114 /* r */) return OR_WORD;
  if (a === 38 && b === 38) return LOGICAL_AND;
  if (a === 124 && b === 124) return LOGICAL_OR;
  if (a === 61 && b === 61) return EQUAL;
  if (a === 33 && b === 61) return NOT_EQUAL;
  return null;
}
