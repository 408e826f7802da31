/**
 * The strace argument parser: the text between a syscall's parentheses becomes ArgNode trees
 * (parsers/model/args.ts), and back. Grammar: /work/shared/strace-format.md §6.2, tokenizing §6.3.
 *
 *   parseArgs('AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC')  -> [const, string, flags]
 *   parseValue('{si_signo=SIGCHLD, si_code=CLD_EXITED, ...}')      -> struct
 *   decodeStraceString('utf8 \\303\\251')                          -> 'utf8 é'
 *
 * Guarantees (test/args/): never throws; every node's `text` is its exact source span and the top-level
 * texts rebuild the input; what the grammar does not model becomes `other`; formatArgs prints every
 * corpus argument list back byte for byte, and parseArgs(formatArgs(t)) equals t for generated trees.
 *
 * Worth knowing as a consumer: `1</dev/null<char 1:3>>` gives path `/dev/null` and device `char 1:3`;
 * socket info (`TCP:[a->b]`) stays in `path` as printed; `[VINTR]=0x3` array members are NamedArg
 * with the brackets in `name`; a bitset (`[USR2 RT_3]`) is an array with `bitset`; a string whose
 * bytes are not UTF-8 has `latin1` and one char per byte; 0-led numbers are octal up to seven digits,
 * longer ones zero-padded hex.
 */

export { parseArgs, parseValue } from './parse-args.js';
export { formatArg, formatArgs } from './format-args.js';
export {
  decodeStraceBytes,
  decodeStraceString,
  decodeStraceText,
  encodeStraceString,
} from './strace-string.js';
