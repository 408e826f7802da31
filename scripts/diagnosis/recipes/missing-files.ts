import type { CaseRecipe } from '../case-recipe.js';
import { caseDir, compile } from '../case-recipe.js';
import { busyboxRoot, busyboxSetup } from './busybox.js';
import { DYNAMIC_PROGRAM, LOADER_PRESENT, STATIC_PROGRAM } from './claims.js';
import { call, lit, stderrWrite } from './regex.js';

/** Cases where the program starts in the chroot and then misses a file it needs. */

const CONFIG = 'missing-config';
const DATA_DIR = 'missing-data-dir';
const NOT_FOUND = 'command-not-found';
const PS = 'ps-without-proc';
const DEV_NULL = 'dev-null-missing';
const WHOAMI = 'whoami-without-passwd';

export const MISSING_FILE_RECIPES: CaseRecipe[] = [
  {
    id: CONFIG,
    title: 'a program whose configuration file is not in the chroot',
    story:
      'read-config opens /etc/spelunk.conf and prints it. The capture writes that file on the host (and removes ' +
      'it afterwards); `--rootfs auto` copies the program and its libraries only, so inside the chroot fopen ' +
      'fails with ENOENT and the program says "cannot open /etc/spelunk.conf: No such file or directory", exit 1.',
    cause: {
      rule: 'missing-file',
      summary:
        '/etc/spelunk.conf does not exist inside the chroot, so read-config cannot open its configuration and exits 1.',
      mentions: ['/etc/spelunk.conf'],
      match: 'spelunk\\.conf.{0,80}fails with ENOENT|spelunk\\.conf[^.]*(does not exist|missing|not inside)',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, 'permission denied.*spelunk\\.conf'],
    setup: [compile(CONFIG, 'read-config'), `printf 'greeting = hello\\n' > /etc/spelunk.conf`],
    teardown: ['rm -f /etc/spelunk.conf'],
    runs: { kind: 'collect', options: [], program: [`${caseDir(CONFIG)}/read-config`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', '"/etc/spelunk.conf"', '3')],
      b: [call('openat', '"/etc/spelunk.conf"', '-1 ENOENT'), stderrWrite(`cannot open /etc/spelunk\\.conf`)],
    },
  },
  {
    id: DATA_DIR,
    title: 'ls of a directory the chroot does not have',
    story:
      `The capture makes ${caseDir(DATA_DIR)}/data with two files on the host; \`ls\` of it works there. The ` +
      'auto rootfs holds ls and its libraries only, so inside the chroot the directory does not exist: ls says ' +
      '"cannot access ...: No such file or directory" and exits 2.',
    cause: {
      rule: 'missing-file',
      summary: `The directory ${caseDir(DATA_DIR)}/data does not exist inside the chroot, so ls cannot list it and exits 2.`,
      mentions: [`${caseDir(DATA_DIR)}/data`],
      match: 'data.{0,80}fails with ENOENT|data[^.]*(does not exist|missing|not inside)',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, 'permission denied.*/data'],
    setup: [
      `mkdir -p ${caseDir(DATA_DIR)}/data`,
      `touch ${caseDir(DATA_DIR)}/data/a.txt ${caseDir(DATA_DIR)}/data/b.txt`,
    ],
    runs: { kind: 'collect', options: [], program: ['/usr/bin/ls', `${caseDir(DATA_DIR)}/data`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 2 } },
    evidence: {
      b: [`statx?\\(.*${lit(`${caseDir(DATA_DIR)}/data`)}.* = -1 ENOENT`, stderrWrite(`cannot access`)],
    },
  },
  {
    id: NOT_FOUND,
    title: 'a shell command that is not in the chroot (busybox sh: perl: not found)',
    story:
      'busybox sh runs `perl -e ...`. On the host it searches PATH and finds /usr/bin/perl. The rootfs ' +
      `(${busyboxRoot(NOT_FOUND)}) holds only a static busybox and its applet links, and perl is not an ` +
      'applet: the shell tries every PATH directory, each stat or execve fails with ENOENT, and it prints ' +
      '"sh: perl: not found", exit 127. Here "in none of the PATH directories" is the truth.',
    cause: {
      rule: 'missing-file',
      summary:
        'perl is in none of the PATH directories inside the chroot, so the shell says "perl: not found" and exits 127.',
      mentions: ['perl'],
      match:
        'not found|none of the|perl.{0,80}fails with ENOENT|perl[^.]*(does not exist|missing|not inside)',
    },
    bothSucceed: false,
    falseClaims: [...STATIC_PROGRAM, 'permission denied.*perl'],
    setup: busyboxSetup(NOT_FOUND),
    runs: {
      kind: 'collect',
      options: ['--rootfs', busyboxRoot(NOT_FOUND)],
      program: ['/bin/busybox', 'sh', '-c', 'perl -e "print qq(perl says hi\\n)"'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 127 } },
    evidence: { b: [call('newfstatat', '"/bin/perl"', '-1 ENOENT'), stderrWrite(`"perl: not found`)] },
  },
  {
    id: PS,
    title: 'ps in a chroot without /proc',
    story:
      'ps reads every process from /proc. The auto rootfs has ps and its libraries but no /proc mounted (no ' +
      '/proc at all): procps opens /proc/self/... and /proc, fails with ENOENT, and prints "Error, do this: ' +
      'mount -t proc proc /proc".',
    cause: {
      rule: 'missing-proc',
      summary:
        '/proc is not mounted inside the chroot, and ps reads everything it shows from /proc, so it fails.',
      mentions: ['/proc'],
      match: '/proc[^.]*(not mounted|missing|does not exist)|no /proc',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM],
    setup: [],
    runs: { kind: 'collect', options: [], program: ['/usr/bin/ps'] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 47 } },
    evidence: { b: [`"/proc/[^"]*".* = -1 ENOENT`, stderrWrite(`Error, do this: mount -t proc proc /proc`)] },
  },
  {
    id: DEV_NULL,
    title: 'a shell redirect to /dev/null in a chroot without /dev',
    story:
      '`echo discarded > /dev/null && echo ok` under busybox sh. The busybox rootfs has no /dev, so the ' +
      "redirection's open of /dev/null fails with ENOENT and sh says \"can't create /dev/null: nonexistent " +
      'directory", exit 1.',
    cause: {
      rule: 'missing-dev-node',
      summary:
        '/dev/null does not exist inside the chroot (no /dev), so the shell cannot open it for the redirection and exits 1.',
      mentions: ['/dev/null'],
      match:
        '/dev/null.{0,80}fails with ENOENT|(/dev/null|/dev)[^.]*(does not exist|missing|not populated)|no /dev|device node',
    },
    bothSucceed: false,
    falseClaims: [...STATIC_PROGRAM, 'permission denied.*/dev/null'],
    setup: busyboxSetup(DEV_NULL),
    runs: {
      kind: 'collect',
      options: ['--rootfs', busyboxRoot(DEV_NULL)],
      program: ['/bin/busybox', 'sh', '-c', 'echo discarded > /dev/null && echo ok'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: { b: [call('open(at)?', '"/dev/null"', '-1 ENOENT'), stderrWrite(`/dev/null`)] },
  },
  {
    id: WHOAMI,
    title: 'whoami in a chroot without /etc/passwd',
    story:
      'whoami asks NSS for the name of uid 0. The auto rootfs has whoami and its libraries but no /etc/passwd ' +
      '(nor /etc/nsswitch.conf): glibc falls back to the files service, cannot open /etc/passwd, and whoami says ' +
      '"cannot find name for user ID 0", exit 1.',
    cause: {
      rule: 'missing-user-db',
      summary:
        '/etc/passwd is missing inside the chroot, so whoami cannot find the name of user ID 0 and exits 1.',
      mentions: ['/etc/passwd'],
      match:
        '/etc/passwd.{0,80}fails with ENOENT|/etc/passwd[^.]*(does not exist|missing|not inside)|user database|names? (for|of) user',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, 'permission denied.*/etc/passwd'],
    setup: [],
    runs: { kind: 'collect', options: [], program: ['/usr/bin/whoami'] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', '"/etc/passwd"', '3')],
      b: [call('openat', '"/etc/passwd"', '-1 ENOENT'), stderrWrite(`cannot find name for user ID 0`)],
    },
  },
];
