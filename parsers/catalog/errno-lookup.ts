import { ERRNO_EXPLANATIONS } from './errno-explanations.js';
import { INTERNAL_ERRNO_ROWS } from './errno-internal.js';
import { ERRNO_ROWS } from './errno-table.js';
import type { ErrnoInfo } from './types.js';

/** glibc names for numbers the kernel headers spell differently. */
const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = { EOPNOTSUPP: ['ENOTSUP'] };

const ERRNOS: readonly ErrnoInfo[] = [
  ...ERRNO_ROWS.map(([name, number, message, aliases = []]): ErrnoInfo => ({
    kind: 'errno',
    name,
    number,
    message,
    explanation: ERRNO_EXPLANATIONS[name] ?? '',
    kernelInternal: false,
    aliases: [...aliases, ...(EXTRA_ALIASES[name] ?? [])],
  })),
  ...INTERNAL_ERRNO_ROWS.map(([name, number, message, explanation]): ErrnoInfo => ({
    kind: 'errno',
    name,
    number,
    message,
    explanation,
    kernelInternal: true,
    aliases: [],
  })),
];

const BY_NAME = new Map<string, ErrnoInfo>();
for (const info of ERRNOS) {
  BY_NAME.set(info.name, info);
  for (const alias of info.aliases) BY_NAME.set(alias, info);
}
const BY_NUMBER = new Map<number, ErrnoInfo>(ERRNOS.map((info) => [info.number, info]));

/** The catalogue entry for an errno name or alias (case-insensitive: "enoent" works), or null. */
export function lookupErrno(name: string): ErrnoInfo | null {
  return BY_NAME.get(name.toUpperCase()) ?? null;
}

/** The errno with this positive number (kernel-internal ones included), or null. */
function errnoByNumber(number: number): ErrnoInfo | null {
  return BY_NUMBER.get(number) ?? null;
}

/** Every errno, ordered by number. */
export function listErrnos(): ErrnoInfo[] {
  return [...ERRNOS];
}
