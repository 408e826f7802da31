/** A literal string as a regex source: `lit('/usr/bin/perl')` matches exactly that text. */
export const lit = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A regex source for a call of `name` whose line contains `text` and ends with `= result`. */
export const call = (name: string, text: string, result: string): string =>
  `\\b${name}\\(.*${lit(text)}.*\\) += ${result}`;

/** A regex source for an execve of `path` (its first argument, not a later one) ending with `= result`. */
export const execOf = (path: string, result: string): string =>
  `\\bexecve\\("${lit(path)}", .*\\) += ${result}`;

/**
 * A regex source for a write or writev to fd 2 whose text matches `text`; programs often write one message
 * in pieces. Under -yy the fd carries what it is: `write(2</tmp/x/chroot.stderr.txt>, ...`, or a socket
 * whose decoration holds a `>` itself (`1<UNIX-STREAM:[305855->305854]>`).
 */
export const stderrWrite = (text: string): string => `writev?\\(2(<.*?>)?, .*${text}`;

/** The same for fd 1. */
export const stdoutWrite = (text: string): string => `writev?\\(1(<.*?>)?, .*${text}`;

/**
 * For logs where other tasks run beside the program (runc's threads in a container run), a call may be
 * split: `personality(0xffffffff <unfinished ...>` then `<... personality resumed>) = 0`. `callStart`
 * matches the line where the call starts (evidence), `callResult` either half that carries its result (a fact).
 */
export const callStart = (name: string, text: string): string => `\\b${name}\\(.*${lit(text)}`;

export const callResult = (name: string, text: string, result: string): string =>
  `${call(name, text, result)}|<\\.\\.\\. ${name} resumed>.*\\) += ${result}`;
