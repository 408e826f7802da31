import type { CaseRecipe } from '../case-recipe.js';
import { caseDir, compile } from '../case-recipe.js';
import { busyboxRoot, busyboxSetup } from './busybox.js';
import { BOTH_SUCCEED, DYNAMIC_PROGRAM, LOADER_PRESENT, STATIC_PROGRAM } from './claims.js';
import { call, execOf, lit, stdoutWrite } from './regex.js';

/**
 * Pairs where both runs succeed. The diagnosis must say so and name the largest real difference in
 * behaviour (output, directory entries, files read), or that there is none, never a harmless probe.
 */

const RERUN_LS = 'rerun-ls';
const RERUN_PY = 'rerun-python';
const HELLO = 'hello-working-chroot';
const STATIC = 'static-bare-chroot';
const HOSTNAME_FILE = 'rootfs-etc-hostname';
const LS_ROOT = 'ls-root-entries';
const LOCALTIME = 'date-without-localtime';
const PATH_SEARCH = 'path-search-success';
const ENV_I = 'env-i-size';
const LS_OPTIONS = 'ls-other-options';

const SAME =
  'behaves the same|no (real )?difference|only (in )?noise|identical behaviou?r|(does|do) the same thing';

/** Nothing failed: a claim that a call's failure is why B differs is made up. */
const NO_FAILURE = [...BOTH_SUCCEED, '(chroot|B) fails\\b', 'fails? (to run )?in (chroot|B) because'];

export const BOTH_SUCCEED_RECIPES: CaseRecipe[] = [
  {
    id: RERUN_LS,
    title: 'ls run twice on the host',
    story: `Plain strace, \`ls -l ${caseDir(RERUN_LS)}/dir\` twice in a row on the host. Nothing changes between the runs.`,
    cause: {
      rule: 'same-behaviour',
      summary: 'The same program does the same thing twice; only pids, addresses and times differ.',
      mentions: [],
      match: SAME,
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NO_FAILURE, 'only in (A|B)\\b'],
    setup: [
      `mkdir -p ${caseDir(RERUN_LS)}/dir`,
      `touch -d 2026-01-01 ${caseDir(RERUN_LS)}/dir/a ${caseDir(RERUN_LS)}/dir/b`,
    ],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/usr/bin/ls', '-l', `${caseDir(RERUN_LS)}/dir`] },
      b: { label: 'host, again', argv: ['/usr/bin/ls', '-l', `${caseDir(RERUN_LS)}/dir`] },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: { b: [`exit_group\\(0\\)`] },
  },
  {
    id: RERUN_PY,
    title: 'python3 run twice on the host',
    story:
      "Plain strace, `python3.11 -S -c 'print([1, 2])'` twice on the host. Python's " +
      'start-up reads random bytes for its hash seed and maps memory at random addresses (ASLR); it behaves the ' +
      'same.',
    cause: {
      rule: 'same-behaviour',
      summary:
        'The same program does the same thing twice; only random bytes, addresses, pids and times differ.',
      mentions: [],
      match: SAME,
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NO_FAILURE, 'only in (A|B)\\b'],
    setup: [],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/usr/bin/python3.11', '-S', '-c', 'print([1, 2])'] },
      b: { label: 'host, again', argv: ['/usr/bin/python3.11', '-S', '-c', 'print([1, 2])'] },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: { b: [stdoutWrite(`"\\[1, 2\\]`)] },
    facts: { b: [call('getrandom', '', '\\d+')] },
  },
  {
    id: HELLO,
    title: 'hello in a chroot with its loader and libc',
    story:
      '`--rootfs auto` copies hello, the loader and libc.so.6 at their host paths. The chroot run does what the ' +
      'host run does: no /etc/ld.so.cache inside (the loader then searches its default directories and finds ' +
      'libc there), the same write, exit 0.',
    cause: {
      rule: 'same-behaviour',
      summary:
        'Both runs print the same line and exit 0; the chroot lacks only /etc/ld.so.cache, and the loader finds libc without it.',
      mentions: [],
      match: SAME,
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NO_FAILURE],
    setup: [compile(HELLO, 'hello')],
    runs: { kind: 'collect', options: [], program: [`${caseDir(HELLO)}/hello`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    // Inside the rootfs (AT_FDCWD is the rootfs): chroot(8)'s own loader opens libc on the host first.
    evidence: {
      b: [
        'openat\\(AT_FDCWD</tmp/spelunk-rootfs-[^>]*>, "/etc/ld\\.so\\.cache".* = -1 ENOENT',
        'openat\\(AT_FDCWD</tmp/spelunk-rootfs-[^>]*>, "[^"]*/libc\\.so\\.6".* = 3',
      ],
    },
  },
  {
    id: STATIC,
    title: 'a static binary in a bare chroot',
    story:
      'hello-static is linked with -static: alone in a bare chroot it runs as on the host (no loader, no libraries).',
    cause: {
      rule: 'same-behaviour',
      summary: 'Both runs print the same line and exit 0: a static binary needs nothing else in the root.',
      mentions: [],
      match: SAME,
    },
    bothSucceed: true,
    falseClaims: [...STATIC_PROGRAM, ...NO_FAILURE],
    setup: [compile(STATIC, 'hello-static', '-static')],
    runs: { kind: 'collect', options: ['--rootfs', 'bare'], program: [`${caseDir(STATIC)}/hello-static`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: {
      b: [execOf(`${caseDir(STATIC)}/hello-static`, '0'), stdoutWrite('"hello from a static binary')],
    },
  },
  {
    id: HOSTNAME_FILE,
    title: 'cat /etc/hostname reads another file in the rootfs (different output)',
    story:
      'busybox cat /etc/hostname. The busybox rootfs has its own /etc/hostname ("spelunk-rootfs"); the host\'s ' +
      'says something else. Both exit 0; the output differs because the file inside the root is another file.',
    cause: {
      rule: 'different-output',
      summary:
        'Both runs succeed but print different text: /etc/hostname inside the rootfs holds "spelunk-rootfs", not the host\'s name.',
      mentions: ['/etc/hostname'],
      match: '(prints?|output)[^.]*(differ|different|where)',
    },
    bothSucceed: true,
    falseClaims: [...STATIC_PROGRAM, ...NO_FAILURE],
    setup: [
      ...busyboxSetup(HOSTNAME_FILE),
      `mkdir -p ${busyboxRoot(HOSTNAME_FILE)}/etc`,
      `echo spelunk-rootfs > ${busyboxRoot(HOSTNAME_FILE)}/etc/hostname`,
    ],
    runs: {
      kind: 'collect',
      options: ['--rootfs', busyboxRoot(HOSTNAME_FILE)],
      program: ['/bin/busybox', 'cat', '/etc/hostname'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: {
      b: [call('open(at)?', '"/etc/hostname"', '3'), `sendfile\\(1(<.*?>)?, 3(<.*?>)?, NULL, \\d+\\) = 15`],
    },
  },
  {
    id: LS_ROOT,
    title: 'ls / in a chroot: the same call, other entries',
    story:
      "`ls /` with `--rootfs auto`. Both succeed. The chroot's / holds only what the rootfs builder made for ls " +
      "(usr, lib64 and the like); the host's holds etc, proc, home... The getdents64 of / returns other " +
      'entries, so the output differs.',
    cause: {
      rule: 'different-directory-entries',
      summary:
        "Both runs list / and exit 0, but the chroot's / has other entries (only what the rootfs holds), so the listing differs.",
      mentions: [],
      match: 'other entries|different entries|entries[^.]*(differ|only)',
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NO_FAILURE],
    setup: [],
    runs: { kind: 'collect', options: [], program: ['/usr/bin/ls', '/'] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: { a: [call('getdents64', '', '[1-9]\\d*')], b: [call('getdents64', '', '[1-9]\\d*')] },
  },
  {
    id: LOCALTIME,
    title: 'date without /etc/localtime (same output, other files read)',
    story:
      "`date -d @0 +%H:%M` prints 00:00 in both runs (this host's time zone is UTC). On the host date reads " +
      "/etc/localtime, the host's zone; the auto rootfs has no " +
      '/etc/localtime, the open fails, and glibc falls back to UTC. Same output, exit 0; the runs differ in the ' +
      'files they read.',
    cause: {
      rule: 'different-files-read',
      summary:
        'Both runs print 00:00 and exit 0; the chroot has no /etc/localtime, so date reads one file fewer (glibc falls back to UTC).',
      mentions: ['/etc/localtime'],
      match: 'opened only in[^.]*localtime|reads /etc/localtime|localtime[^.]*(only|does not exist|missing)',
    },
    bothSucceed: true,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      ...NO_FAILURE,
      'different output',
      'prints? (something )?(else|different)',
    ],
    setup: [],
    runs: { kind: 'collect', options: [], program: ['/usr/bin/date', '-d', '@0', '+%H:%M'] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: {
      a: [call('openat', '"/etc/localtime"', '3')],
      b: [call('openat', '"/etc/localtime"', '-1 ENOENT')],
    },
  },
  {
    id: PATH_SEARCH,
    title: 'busybox finds wc by a PATH search in the chroot',
    story:
      'busybox sh -c "echo hello | wc -c" with the capture\'s PATH (/usr/local/sbin:...:/sbin:/bin). On the host ' +
      'busybox re-executes itself through /proc/self/exe for the wc applet. In the busybox rootfs there is no ' +
      '/proc: that execve fails, and busybox searches PATH: ENOENT in each directory until /bin/wc, a link to ' +
      'busybox, which succeeds. Both print 6 and exit 0.',
    cause: {
      rule: 'same-behaviour',
      summary:
        'Both runs print 6 and exit 0; in the chroot busybox reaches wc by a PATH search (ENOENT until /bin/wc succeeds) instead of /proc/self/exe.',
      mentions: [],
      match: SAME,
    },
    bothSucceed: true,
    falseClaims: [
      ...STATIC_PROGRAM,
      ...NO_FAILURE,
      'none of the (PATH )?directories',
      'every one of \\d+ exec attempts fails',
      'wc (is|was) (missing|not found)',
      // the wc process runs in both: through /proc/self/exe on the host, through /bin/wc in the chroot
      '\\((busybox|wc)\\) runs only in',
    ],
    setup: busyboxSetup(PATH_SEARCH),
    runs: {
      kind: 'collect',
      options: ['--rootfs', busyboxRoot(PATH_SEARCH)],
      program: ['/bin/busybox', 'sh', '-c', 'echo hello | wc -c'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    // Two processes: a call may be split (`<unfinished ...>` ... `<... execve resumed>`), so the lines are
    // matched by their start.
    evidence: { b: ['execve\\("/usr/local/sbin/wc"', 'execve\\("/bin/wc"'] },
    facts: { a: [`execve\\("/proc/self/exe"`] },
  },
  {
    id: ENV_I,
    title: 'env -i: the same program with an empty environment',
    story:
      `Plain strace. A: \`ls ${caseDir(ENV_I)}/dir\` with the capture environment (PATH, HOME, LANG). B: the same ` +
      'through `env -i`, so ls starts with 0 variables: no LANG, so no locale files are probed. Same output, ' +
      'exit 0.',
    cause: {
      rule: 'same-behaviour',
      summary:
        'Both runs list the same two files and exit 0; B starts with an empty environment (env -i), which only changes the locale probes.',
      mentions: [],
      match: SAME,
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NO_FAILURE],
    setup: [`mkdir -p ${caseDir(ENV_I)}/dir`, `touch ${caseDir(ENV_I)}/dir/a ${caseDir(ENV_I)}/dir/b`],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/usr/bin/ls', `${caseDir(ENV_I)}/dir`] },
      b: { label: 'host, env -i', argv: ['/usr/bin/env', '-i', '/usr/bin/ls', `${caseDir(ENV_I)}/dir`] },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: { b: [`execve\\(${lit('"/usr/bin/ls"')}.*/\\* 0 vars \\*/\\) = 0`] },
  },
  {
    id: LS_OPTIONS,
    title: 'ls with other options: -1 against -l',
    story:
      `Plain strace, on the host. A: \`ls -1 ${caseDir(LS_OPTIONS)}/dir\`; B: \`ls -l ${caseDir(LS_OPTIONS)}/dir\`. ` +
      "The long listing reads each entry's status, owner and group, and prints more. Both exit 0.",
    cause: {
      rule: 'different-arguments',
      summary:
        'The runs start ls with other options (-1 against -l): everything else B does differently (stat of each entry, the user and group databases, a longer output) follows from -l.',
      mentions: ['"-l"', '"-1"'],
      match: 'other (arguments|options)|-l\\b.*-1\\b|-1\\b.*-l\\b',
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NO_FAILURE, SAME],
    setup: [
      `mkdir -p ${caseDir(LS_OPTIONS)}/dir`,
      `touch -d 2026-01-01 ${caseDir(LS_OPTIONS)}/dir/a ${caseDir(LS_OPTIONS)}/dir/b`,
    ],
    runs: {
      kind: 'strace',
      a: { label: 'host, ls -1', argv: ['/usr/bin/ls', '-1', `${caseDir(LS_OPTIONS)}/dir`] },
      b: { label: 'host, ls -l', argv: ['/usr/bin/ls', '-l', `${caseDir(LS_OPTIONS)}/dir`] },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: { a: [execOf('/usr/bin/ls', '0')], b: [execOf('/usr/bin/ls', '0')] },
  },
];
