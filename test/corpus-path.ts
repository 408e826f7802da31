import { fileURLToPath } from 'node:url';

/**
 * The shared corpus of real strace logs. It lives in the repository (`test/corpus`), copied from the project's shared
 * corpus, so a clone anywhere passes its tests; never name an absolute path to it.
 */
export const CORPUS = fileURLToPath(new URL('./corpus', import.meta.url));
