import { familyRule, says } from './family-rule.js';

/**
 * A program asks for a locale (LANG, LC_ALL) whose files are not there: glibc falls back to the C
 * locale, and a program that checks (perl, bash, python) warns or fails. Locale probes alone are
 * expected noise; this rule needs the program's own complaint, or a failing outcome right after them.
 *
 *   openat(AT_FDCWD, "/usr/lib/locale/locale-archive", O_RDONLY|O_CLOEXEC) = -1 ENOENT
 *   write(2, "perl: warning: Setting locale failed.\n", 38) = 38
 */
export const missingLocale = familyRule({
  id: 'missing-locale',
  family: 'locale',
  message: /locale|LC_ALL|LC_CTYPE|LANG\b|setlocale|codeset/i,
  accept: (d) => d.errno === 'ENOENT',
  cause: (ctx, failures, _main, quoted) =>
    `the locale files the program asks for are not ${ctx.subject.where} (${failures.length} locale file` +
    `${failures.length === 1 ? '' : 's'} missing, first ${failures[0]?.path})` +
    says(quoted),
});
