import { parseStraceLine } from './parse-line.js';

/**
 * Lines strace printed in pieces, put back together: the words of the `repaired-line` diagnostics, and the
 * text of a call whose middle came on a line of its own.
 */

/** The message of a `repaired-line` diagnostic, naming the line a strace message had cut. */
export function repairedLineMessage(cutLine: number): string {
  return `the rest of line ${cutLine}, which a strace message had cut`;
}

/** The message for the middle of a call (resumed, then cut again) joined to the call's first line. */
export function middleJoinedMessage(firstLine: number): string {
  return `the middle of the call on line ${firstLine}: resumed, then cut again`;
}

/** The same message with its line moved by `by` (a segment's lines stitched after others). */
export function moveRepairedLineMessage(message: string, by: number): string {
  return message.replace(
    /^the (rest of line|middle of the call on line) (\d+)/,
    (_m, what: string, n: string) => `the ${what} ${Number(n) + by}`,
  );
}

/**
 * `read(3, "ab" <unfinished ...>` then `<... read resumed>"cd" <unfinished ...>`: the middle's arguments
 * go after the head's, before whatever the head has after its arguments.
 */
export function joinMiddle(headText: string, middleText: string): string {
  const head = parseStraceLine(headText);
  const middle = parseStraceLine(middleText);
  return (
    headText.slice(0, head.argsEnd) +
    middleText.slice(middle.argsStart, middle.argsEnd) +
    headText.slice(head.argsEnd)
  );
}
