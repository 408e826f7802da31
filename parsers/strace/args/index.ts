/**
 * The strace argument parser: the text between a syscall's parentheses becomes ArgNode trees
 * (parsers/model/args.ts), and back. Grammar: /work/shared/strace-format.md §6.2, tokenizing §6.3.
 *
 *   parseArgs('AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC')  -> [const, string, flags]
 *   parseValue('{si_signo=SIGCHLD, si_code=CLD_EXITED, ...}')      -> struct
 *   decodeStraceString('utf8 \\303\\251')                          -> 'utf8 é'
 */

export { parseArgs, parseValue } from './parse-args.js';
export { formatArg, formatArgs } from './format-args.js';
export {
  decodeStraceBytes,
  decodeStraceString,
  decodeStraceText,
  encodeStraceString,
  type DecodedStraceText,
  type EncodeStraceOptions,
} from './strace-string.js';
export { findArgsEnd, type ArgsEnd } from './args-end.js';
