import { fileURLToPath } from 'node:url';

/**
 * The shared corpus of real strace logs. It lives beside the repository (`../shared/corpus`), on a
 * developer's machine and in CI's fresh clone alike; never name an absolute path to it.
 */
export const CORPUS = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
