/**
 * Where the labels of one lane go, so that no two overlap. The labels of a lane come from different
 * drawings (the comparison's failure and `≠` labels, the launcher block's, the phases'); each was placed
 * without knowing of the others, and a lane 22 px high has room for one row, so "✕ execve ENOENT" came out
 * drawn across "chroot start-up". Here they are placed together: boxes in, boxes out, no text and no
 * canvas (the caller measures, and fits its text to the width it gets back).
 */

/** One label a lane wants drawn: its box at full length, and how far it may give way. In CSS px. */
export interface LabelRequest {
  /** Lower is placed first and is never shortened, moved or dropped for a higher one. */
  priority: number;
  left: number;
  top: number;
  /** The box at full length. */
  width: number;
  height: number;
  /** The narrowest box still worth drawing (a few characters and an ellipsis); `width` if it cannot shrink. */
  minWidth: number;
  /** The box may move right up to this left edge to find room (a phase label within its band); default `left`. */
  maxLeft?: number;
  /** The box may not reach past this right edge (its band's end, the plot's); default none. */
  maxRight?: number;
}

/** Where a request is drawn: `index` into the requests, and its box (never wider than it asked). */
export interface LabelPlacement {
  index: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Room kept between two labels, so that their backgrounds do not touch. */
export const LABEL_GAP_PX = 2;

/**
 * Places the requests by priority (ties in the order given): each at its own left edge at full width if
 * that is free; else at the first place up to `maxLeft` where it fits whole; else, shortened, where the
 * most room is left if that is at least `minWidth`; else it is dropped. Only labels already placed (of the
 * same or a higher priority) stand in the way, so adding labels of a lower priority never changes the
 * others. Quadratic in the labels of one lane, which the callers keep to a few dozen.
 */
export function layoutLaneLabels(requests: readonly LabelRequest[]): LabelPlacement[] {
  const order = requests
    .map((_, i) => i)
    .sort((i, j) => requests[i]!.priority - requests[j]!.priority || i - j);
  const placed: LabelPlacement[] = [];
  for (const index of order) {
    const r = requests[index]!;
    const at = placeOne(r, placed);
    if (at) placed.push({ index, left: at.left, top: r.top, width: at.width, height: r.height });
  }
  return placed.sort((a, b) => a.index - b.index);
}

function placeOne(
  r: LabelRequest,
  placed: readonly LabelPlacement[],
): { left: number; width: number } | null {
  const minWidth = Math.min(r.minWidth, r.width);
  if (!(r.width > 0) || !(minWidth > 0) || !Number.isFinite(r.left) || !(r.height > 0)) return null;
  const lo = r.left;
  const hi = Math.max(lo, r.maxLeft ?? lo);
  const limit = r.maxRight ?? Infinity;
  // What stands in the way: the placed boxes in the same rows, widened by the gap, as [from, to).
  const blocked = placed
    .filter((p) => p.top < r.top + r.height && r.top < p.top + p.height)
    .map((p) => [p.left - LABEL_GAP_PX, p.left + p.width + LABEL_GAP_PX] as const)
    .sort((a, b) => a[0] - b[0]);
  const starts = [lo, ...blocked.map(([, to]) => to).filter((to) => to > lo && to <= hi)].sort(
    (a, b) => a - b,
  );
  let best: { left: number; width: number } | null = null;
  for (const s of starts) {
    if (blocked.some(([from, to]) => from <= s && s < to)) continue;
    const next = blocked.find(([from]) => from > s);
    const room = Math.min(limit, next ? next[0] : Infinity) - s;
    if (room >= r.width) return { left: s, width: r.width };
    if (room >= minWidth && room > (best?.width ?? 0)) best = { left: s, width: room };
  }
  return best;
}

/**
 * The text to draw in `maxWidth` px: all of it if it fits, else its longest beginning of at least
 * `minChars` characters followed by "…", else null. `measure` gives a text's width (the canvas's
 * measureText), which grows with the length, so the cut is found by bisection.
 */
export function fitLabelText(
  text: string,
  maxWidth: number,
  measure: (text: string) => number,
  minChars = 3,
): string | null {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = minChars;
  let hi = chars.length - 1;
  if (lo > hi || measure(`${chars.slice(0, lo).join('')}…`) > maxWidth) return null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}
