import { familyRule, says } from './family-rule.js';

/**
 * An interpreter's binary and libraries are there (an `ldd` copy) but its standard library is not:
 * python cannot import `encodings`, perl cannot find strict.pm in @INC.
 *
 *   newfstatat(AT_FDCWD, "/usr/lib/python3.11/os.py", 0x7ffd2281d3a0, 0) = -1 ENOENT
 *   write(2, "Fatal Python error: init_fs_encoding: failed to get the Python codec ...", ...)
 */
export const missingInterpreterStdlib = familyRule({
  id: 'missing-interpreter-stdlib',
  family: 'stdlib',
  message:
    /Could not find platform|No module named|Fatal Python error|init_fs_encoding|encodings|Can't locate \S+ in @INC|BEGIN failed|cannot load such file/,
  accept: (d) => d.errno === 'ENOENT' || d.errno === 'ENOTDIR',
  cause: (ctx, failures, main, quoted) => {
    const dir =
      /^(.*?\/(?:python[\d.]+|perl5?|perl\/[\d.]+|ruby\/[\d.]+))(?:\/|$)/.exec(main.path)?.[1] ?? main.path;
    return (
      `the interpreter's standard library (${dir}) is not ${ctx.subject.where}: ${failures.length} of its files ` +
      `${failures.length === 1 ? 'is' : 'are'} looked for and missing` +
      says(quoted)
    );
  },
});
