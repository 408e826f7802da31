/**
 * falseClaims shared by many cases: statements the trace contradicts whenever their premise holds.
 * Each case spreads the ones that fit its scenario, and adds its own.
 */

/** The loader "is missing" or "lacked": said of a run where the loader ran (or was never needed). */
const LOADER_MISSING = [
  'lacks the (dynamic )?loader',
  '(dynamic loader|ELF interpreter)[^.]*? (is |was )?(missing|absent|not there)',
  'without (the |a )?dynamic loader',
];

/** The program's execve succeeded in B and the loader then ran: the ELF interpreter is there. */
export const LOADER_PRESENT = [...LOADER_MISSING, 'no dynamic loader'];

/** The program is dynamically linked (the loader opens libc.so.6 in the trace). */
export const DYNAMIC_PROGRAM = ['(is|was) statically linked'];

/** The program is the static busybox: no loader is involved at all. */
export const STATIC_PROGRAM = [...LOADER_MISSING, 'busybox (is|was) dynamically linked'];
