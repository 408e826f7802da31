/** A literal string as a regex source: `lit('/usr/bin/perl')` matches exactly that text. */
export const lit = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A regex source for a call of `name` whose line contains `text` and ends with `= result`. */
export const call = (name: string, text: string, result: string): string =>
  `\\b${name}\\(.*${lit(text)}.*\\) += ${result}`;

/** A regex source for a write or writev to fd 2 (`write(2</dev/pts/0>, ...` under -yy) whose text matches `text`; programs often write one message in pieces. */
export const stderrWrite = (text: string): string => `writev?\\(2(<[^>]*>)?, .*${text}`;
