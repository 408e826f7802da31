import type { CaseRecipe } from '../case-recipe.js';
import { caseDir, compile } from '../case-recipe.js';
import { BOTH_SUCCEED, DYNAMIC_PROGRAM, LOADER_PRESENT, MOUNT_IS_LAUNCHER } from './claims.js';
import { call, execOf, lit, stderrWrite, stdoutWrite } from './regex.js';

/**
 * Cases where the rootfs lacks what a system provides around a program: /proc, device nodes, the user
 * database, locales, an interpreter's standard library.
 */

const PROC_BIND = 'proc-self-with-bind';
const URANDOM = 'dev-urandom-missing';
const STAT_OWNER = 'owner-names-without-passwd';
const LOCALE = 'locale-missing';
const PYTHON = 'python-stdlib-missing';
const PERL_LIB = 'perl-stdlib-missing';

export const SYSTEM_FILE_RECIPES: CaseRecipe[] = [
  {
    id: PROC_BIND,
    title: 'cat /proc/self/status in a chroot with a bind mount but no /proc',
    story:
      `cat /proc/self/status runs in an auto rootfs with ${caseDir(PROC_BIND)}/data bound read-only at /data. ` +
      'The bind is made by the launcher chain (unshare --mount, then sh running mount(8)) before chroot(); ' +
      'mount(8) reads /proc/filesystems on the host, where it exists. Inside the chroot nothing mounts /proc, ' +
      "so cat's open of /proc/self/status fails with ENOENT, exit 1.",
    cause: {
      rule: 'missing-proc',
      summary: '/proc is not mounted inside the chroot, so cat cannot open /proc/self/status and exits 1.',
      mentions: ['/proc'],
      match: '/proc[^.]*(not mounted|missing|does not exist)|no /proc',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...MOUNT_IS_LAUNCHER],
    setup: [`mkdir -p ${caseDir(PROC_BIND)}/data`, `echo 'input' > ${caseDir(PROC_BIND)}/data/input.txt`],
    runs: {
      kind: 'collect',
      options: ['--bind', `${caseDir(PROC_BIND)}/data:/data:ro`],
      program: ['/usr/bin/cat', '/proc/self/status'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', '"/proc/self/status"', '3')],
      b: [call('openat', '"/proc/self/status"', '-1 ENOENT'), stderrWrite('"/proc/self/status"')],
    },
    facts: {
      b: [call('openat', '"/proc/filesystems"', '3'), call('mount', `"${caseDir(PROC_BIND)}/data"`, '0')],
    },
  },
  {
    id: URANDOM,
    title: 'od reading /dev/urandom in a chroot without /dev',
    story:
      'od -An -N4 -tx4 /dev/urandom prints four random bytes. The auto rootfs has od and its libraries but no ' +
      '/dev: open("/dev/urandom") fails with ENOENT and od exits 1.',
    cause: {
      rule: 'missing-dev-node',
      summary: '/dev/urandom does not exist inside the chroot (no /dev), so od cannot read it and exits 1.',
      mentions: ['/dev/urandom'],
      match:
        '/dev/urandom.{0,80}fails with ENOENT|(/dev/urandom|/dev)[^.]*(does not exist|missing|not populated)|no /dev|device node',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, 'permission denied.*urandom'],
    setup: [],
    runs: { kind: 'collect', options: [], program: ['/usr/bin/od', '-An', '-N4', '-tx4', '/dev/urandom'] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', '"/dev/urandom"', '3')],
      b: [call('openat', '"/dev/urandom"', '-1 ENOENT'), stderrWrite('"/dev/urandom"')],
    },
  },
  {
    id: STAT_OWNER,
    title: 'stat prints UNKNOWN owners in a chroot without /etc/passwd (both succeed)',
    story:
      "stat -c '%U %G %n' /usr/bin/stat prints the owner and group of its own binary by name. The auto rootfs " +
      'has no /etc/passwd or /etc/group: the lookups fail, stat prints "UNKNOWN UNKNOWN" instead of "root root", ' +
      'and still exits 0. Both runs succeed; the output differs because the user database is missing.',
    cause: {
      rule: 'missing-user-db',
      summary:
        'Both runs succeed, but inside the chroot stat prints UNKNOWN for the owner and group because /etc/passwd and /etc/group are missing.',
      mentions: ['/etc/passwd'],
      match:
        '/etc/(passwd|group).{0,80}fails with ENOENT|/etc/(passwd|group)[^.]*(does not exist|missing|not inside)|user database',
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...BOTH_SUCCEED],
    setup: [],
    runs: { kind: 'collect', options: [], program: ['/usr/bin/stat', '-c', '%U %G %n', '/usr/bin/stat'] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: {
      a: [call('openat', '"/etc/passwd"', '3')],
      b: [call('openat', '"/etc/passwd"', '-1 ENOENT'), stdoutWrite(`"UNKNOWN UNKNOWN`)],
    },
  },
  {
    id: LOCALE,
    title: 'a program that needs its locale, in a chroot without locales',
    story:
      'set-locale calls setlocale(LC_ALL, "") with LANG=C.UTF-8 (the capture environment) and prints a word ' +
      'with a non-ASCII letter. On the host glibc loads /usr/lib/locale/C.utf8; the auto rootfs has no ' +
      '/usr/lib/locale, so every open of the locale files fails, setlocale returns NULL and the program exits 1.',
    cause: {
      rule: 'missing-locale',
      summary:
        'The locale LANG asks for (C.UTF-8) has no files inside the chroot (/usr/lib/locale is missing), so setlocale fails and set-locale exits 1.',
      mentions: ['locale'],
      match: 'locale (files?|data)[^.]*(missing|not inside|are not)|no locale|setlocale',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM],
    setup: [compile(LOCALE, 'set-locale')],
    runs: { kind: 'collect', options: [], program: [`${caseDir(LOCALE)}/set-locale`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', '"/usr/lib/locale/C.utf8/LC_', '3')],
      b: [call('openat', '"/usr/lib/locale/C.utf8/LC_', '-1 ENOENT'), stderrWrite('cannot set the locale')],
    },
  },
  {
    id: PYTHON,
    title: 'python3 in a rootfs made from its ldd closure (no standard library)',
    story:
      '`--rootfs auto` copies /usr/bin/python3.11 and the libraries ldd lists. Python starts, looks for its ' +
      'standard library under /usr/lib/python3.11 (os.py, the encodings package), finds nothing, prints "Could ' +
      'not find platform independent libraries" and dies with "ModuleNotFoundError: No module named ' +
      "'encodings'\", exit 1.",
    cause: {
      rule: 'missing-interpreter-stdlib',
      summary:
        "Python's standard library (/usr/lib/python3.11) is not in the rootfs, which holds only the interpreter and its shared libraries, so it cannot import encodings and exits 1.",
      mentions: ['/usr/lib/python3.11'],
      match: 'standard library|stdlib|encodings',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, 'shared librar(y|ies)[^.]* (is |are )?missing'],
    setup: [],
    runs: {
      kind: 'collect',
      options: [],
      program: ['/usr/bin/python3.11', '-c', 'print("hello from python")'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      b: [`${lit('"/usr/lib/python3.11/')}[^"]*".* = -1 ENOENT`, stderrWrite("No module named 'encodings'")],
    },
  },
  {
    id: PERL_LIB,
    title: 'a perl script with `use strict` in a rootfs made from its ldd closure',
    story:
      'strict.pl is a #!/usr/bin/perl script whose first line of code is `use strict;`. `--rootfs auto` copies the ' +
      "script, its interpreter /usr/bin/perl and perl's shared libraries, not perl's module directories. perl " +
      'runs, looks for strict.pm in every @INC directory, and dies with "Can\'t locate strict.pm in @INC", exit 2. ' +
      '(A script file, not `perl -e`: perl -e needs /dev/null first.)',
    cause: {
      rule: 'missing-interpreter-stdlib',
      summary:
        "perl's standard modules are not in the rootfs (only the binary and its libraries are), so it cannot find strict.pm and exits 2.",
      mentions: ['strict.pm'],
      match: 'standard (library|module)|@INC|strict\\.pm[^.]*(not|missing|cannot)',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, 'shared librar(y|ies)[^.]* (is |are )?missing'],
    setup: [
      `printf '#!/usr/bin/perl\\nuse strict;\\nprint "hello from perl\\\\n";\\n' > ${caseDir(PERL_LIB)}/strict.pl`,
      `chmod 755 ${caseDir(PERL_LIB)}/strict.pl`,
    ],
    runs: { kind: 'collect', options: [], program: [`${caseDir(PERL_LIB)}/strict.pl`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 2 } },
    evidence: {
      a: [call('openat', '/strict.pm"', '\\d+')],
      b: [
        call('(openat|newfstatat|stat)', '/strict.pm"', '-1 ENOENT'),
        stderrWrite("Can't locate strict.pm"),
      ],
    },
    facts: { b: [execOf(`${caseDir(PERL_LIB)}/strict.pl`, '0')] },
  },
];
