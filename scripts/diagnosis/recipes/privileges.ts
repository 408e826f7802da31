import type { CaseRecipe } from '../case-recipe.js';
import { caseDir, compile } from '../case-recipe.js';
import { DYNAMIC_PROGRAM, LOADER_PRESENT, STATIC_PROGRAM } from './claims.js';
import { call, execOf, stderrWrite } from './regex.js';

/**
 * EPERM and EACCES told apart by what the trace shows: a capability dropped by the launcher (prctl
 * PR_CAPBSET_DROP, capset), a seccomp filter (seccomp(), SIGSYS), file modes or another user.
 */

const CHOWN = 'cap-drop-chown';
const DAC = 'cap-drop-dac-override';
const SECCOMP = 'seccomp-eperm-uname';
const SIGSYS = 'seccomp-kill-mkdir';
const REUID = 'permission-other-user';
const EXEC_MODE = 'permission-exec-bit';

/**
 * The launcher refused the call through a filter, not through capabilities, and the other way round.
 * Only statements that name the refusal count: a generic list of what EPERM can mean ("not permitted: a
 * missing capability, a seccomp filter, or a user namespace without the right") asserts none of them.
 */
const NOT_CAPABILITIES = [
  '(because of|due to|dropped|lacks? the|without the) (a )?(missing )?capabilit',
  'capabilit(y|ies) (is |was |were )?(dropped|missing|removed)',
  'CAP_[A-Z_]+,? (which )?(is|was) (dropped|missing)',
];
// A seccomp filter named as what refused or killed; "no seccomp filter" stays allowed.
const NOT_SECCOMP = [
  '(?<!no )seccomp (filter|profile)[^.;]*\\b(refuses|refused|denies|denied|blocks|blocked|kills|killed|forbids|rejects)',
  '(refused|denied|blocked|killed|forbidden) by (a|the) seccomp',
];

export const PRIVILEGE_RECIPES: CaseRecipe[] = [
  {
    id: CHOWN,
    title: 'chown as root after setpriv dropped CAP_CHOWN',
    story:
      'Plain strace, both on the host as root. A: `chown 65534 FILE` works. B: setpriv removes CAP_CHOWN from ' +
      "the inheritable and bounding sets (prctl PR_CAPBSET_DROP, capset) and execs chown; root's capabilities " +
      'after execve come from the bounding set, so chown runs without CAP_CHOWN and fchownat fails with EPERM, ' +
      '"Operation not permitted", exit 1.',
    cause: {
      rule: 'capability-dropped',
      summary:
        'setpriv dropped CAP_CHOWN from the bounding set before exec, so chown, though root, gets EPERM from fchownat.',
      mentions: ['CAP_CHOWN'],
      match: '(dropped|drops|without|lacks?|removed?)[^.]*(capabilit|CAP_)|CAP_CHOWN',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NOT_SECCOMP, 'file mode', 'read-only'],
    setup: [`touch ${caseDir(CHOWN)}/file`],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/usr/bin/chown', '65534', `${caseDir(CHOWN)}/file`] },
      b: {
        label: 'host, setpriv without CAP_CHOWN',
        argv: [
          '/usr/bin/setpriv',
          '--inh-caps=-chown',
          '--bounding-set=-chown',
          '/usr/bin/chown',
          '65534',
          `${caseDir(CHOWN)}/file`,
        ],
      },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('fchownat', `"${caseDir(CHOWN)}/file"`, '0')],
      b: [
        call('prctl', 'PR_CAPBSET_DROP, CAP_CHOWN', '0'),
        call('fchownat', `"${caseDir(CHOWN)}/file"`, '-1 EPERM'),
      ],
    },
    facts: { b: [call('capset', '', '0')] },
  },
  {
    id: DAC,
    title: 'cat of a file owned by another user, as root without CAP_DAC_OVERRIDE',
    story:
      'secret.txt belongs to uid 1000, mode 0600. Root reads it anyway through CAP_DAC_OVERRIDE (A). B runs ' +
      'cap-drop-run, a small launcher that removes CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set ' +
      '(prctl PR_CAPBSET_DROP) and from its own sets (capset), then execs cat: the open fails with EACCES. ' +
      'The mode alone does not explain it; the same mode does not stop A.',
    cause: {
      rule: 'capability-dropped',
      summary:
        'The launcher dropped CAP_DAC_OVERRIDE (and CAP_DAC_READ_SEARCH) before exec, so root can no longer read a file owned by another user: open fails with EACCES.',
      mentions: ['CAP_DAC_OVERRIDE'],
      match: '(dropped|drops|without|lacks?|removed?)[^.]*(capabilit|CAP_)|CAP_DAC',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      ...NOT_SECCOMP,
      'another user',
      'runs as (uid|user) (?!0)',
    ],
    setup: [
      compile(DAC, 'cap-drop-run'),
      `echo 'the secret' > ${caseDir(DAC)}/secret.txt`,
      `chown 1000:1000 ${caseDir(DAC)}/secret.txt`,
      `chmod 600 ${caseDir(DAC)}/secret.txt`,
    ],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/usr/bin/cat', `${caseDir(DAC)}/secret.txt`] },
      b: {
        label: 'host, cap-drop-run without CAP_DAC_OVERRIDE',
        // 1 and 2: CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (linux/capability.h)
        argv: [`${caseDir(DAC)}/cap-drop-run`, '1', '2', '--', '/usr/bin/cat', `${caseDir(DAC)}/secret.txt`],
      },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', `"${caseDir(DAC)}/secret.txt"`, '3')],
      b: [
        call('prctl', 'PR_CAPBSET_DROP, CAP_DAC_OVERRIDE', '0'),
        call('openat', `"${caseDir(DAC)}/secret.txt"`, '-1 EACCES'),
      ],
    },
    facts: { b: [call('capset', '', '0')] },
  },
  {
    id: SECCOMP,
    title: 'uname refused with EPERM by a seccomp filter',
    story:
      'Plain strace. A: `uname -a` on the host. B: seccomp-run installs a seccomp filter (prctl ' +
      'PR_SET_NO_NEW_PRIVS, then seccomp(SECCOMP_SET_MODE_FILTER)) that answers uname with EPERM, then execs ' +
      'uname, which says "cannot get system name: Operation not permitted", exit 1. Root keeps every ' +
      'capability: no capability is involved.',
    cause: {
      rule: 'seccomp-denied',
      summary:
        'A seccomp filter installed before exec answers uname() with EPERM, so uname cannot get the system name and exits 1.',
      mentions: ['seccomp'],
      match: 'seccomp (filter )?(installed|in the|refuses|answers|kills|denies)|seccomp\\(',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NOT_CAPABILITIES, 'file mode'],
    setup: [compile(SECCOMP, 'seccomp-run')],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/usr/bin/uname', '-a'] },
      b: {
        label: 'host, seccomp filter',
        argv: [`${caseDir(SECCOMP)}/seccomp-run`, 'errno', 'uname', '--', '/usr/bin/uname', '-a'],
      },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('uname', '', '0')],
      b: [call('seccomp', 'SECCOMP_SET_MODE_FILTER', '0'), call('uname', '', '-1 EPERM')],
    },
  },
  {
    id: SIGSYS,
    title: 'mkdir killed with SIGSYS by a seccomp filter',
    story:
      'Plain strace. A: `mkdir DIR` on the host. B: seccomp-run installs a filter whose action for mkdir is ' +
      'SECCOMP_RET_KILL_PROCESS and execs mkdir: at its mkdir() call the kernel kills it with SIGSYS (strace ' +
      'shows the call without a result, then "+++ killed by SIGSYS (core dumped) +++").',
    cause: {
      rule: 'seccomp-denied',
      summary: 'A seccomp filter installed before exec kills the process with SIGSYS when it calls mkdir().',
      mentions: ['SIGSYS'],
      match: 'SIGSYS|seccomp (filter )?(installed|in the|refuses|answers|kills|denies)',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NOT_CAPABILITIES, 'OOM', 'out of memory'],
    setup: [compile(SIGSYS, 'seccomp-run')],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/usr/bin/mkdir', `${caseDir(SIGSYS)}/made`] },
      b: {
        label: 'host, seccomp filter',
        argv: [
          `${caseDir(SIGSYS)}/seccomp-run`,
          'kill',
          'mkdir',
          '--',
          '/usr/bin/mkdir',
          `${caseDir(SIGSYS)}/made`,
        ],
      },
    },
    outcome: { a: { exitCode: 0 }, b: { signal: 'SIGSYS' } },
    evidence: {
      b: [
        call('seccomp', 'SECCOMP_SET_MODE_FILTER', '0'),
        `mkdir\\("${caseDir(SIGSYS)}/made"`,
        `\\+\\+\\+ killed by SIGSYS`,
      ],
    },
  },
  {
    id: REUID,
    title: 'cat of a root-only file as another user (setpriv --reuid)',
    story:
      'secret.txt belongs to root, mode 0600. A: cat as root reads it. B: setpriv --reuid=65534 --regid=65534 ' +
      '--clear-groups switches to user and group 65534 (nobody), then execs cat: the open fails with EACCES ' +
      "because the file's mode gives that user no read permission, exit 1.",
    cause: {
      rule: 'file-permission',
      summary:
        'B runs cat as uid 65534 (setpriv --reuid), and secret.txt is root-only (mode 0600), so open fails with EACCES.',
      mentions: ['secret.txt'],
      match: 'modes or owner|another user|uid 65534|as (user|uid)',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...NOT_SECCOMP, 'PR_CAPBSET_DROP', 'EROFS'],
    setup: [`echo 'root only' > ${caseDir(REUID)}/secret.txt`, `chmod 600 ${caseDir(REUID)}/secret.txt`],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/usr/bin/cat', `${caseDir(REUID)}/secret.txt`] },
      b: {
        label: 'host, setpriv --reuid=65534',
        argv: [
          '/usr/bin/setpriv',
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          '/usr/bin/cat',
          `${caseDir(REUID)}/secret.txt`,
        ],
      },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', `"${caseDir(REUID)}/secret.txt"`, '3')],
      b: [call('setresuid', '65534', '0'), call('openat', `"${caseDir(REUID)}/secret.txt"`, '-1 EACCES')],
    },
  },
  {
    id: EXEC_MODE,
    title: 'a program without its execute bit in the rootfs',
    story:
      'The rootfs holds /bin/busybox with mode 0644 (copied, then chmod): no execute bit for anyone. Even root ' +
      "cannot execute a file with no x bit at all, so chroot(8)'s execve fails with EACCES and it exits 126. " +
      'On the host /bin/busybox is 0755 and runs.',
    cause: {
      rule: 'file-permission',
      summary:
        '/bin/busybox in the rootfs has no execute bit (mode 0644), so execve fails with EACCES and chroot exits 126.',
      mentions: ['/bin/busybox'],
      match: 'execute (bit|permission)|modes or owner|not executable|mode 0?644',
    },
    bothSucceed: false,
    falseClaims: [
      ...STATIC_PROGRAM,
      ...NOT_SECCOMP,
      ...NOT_CAPABILITIES,
      'EROFS',
      'busybox (is|was) (missing|not found)',
    ],
    setup: [
      `mkdir -p ${caseDir(EXEC_MODE)}/root/bin`,
      `cp /bin/busybox ${caseDir(EXEC_MODE)}/root/bin/busybox`,
      `chmod 644 ${caseDir(EXEC_MODE)}/root/bin/busybox`,
    ],
    runs: {
      kind: 'collect',
      options: ['--rootfs', `${caseDir(EXEC_MODE)}/root`],
      program: ['/bin/busybox', 'echo', 'hello'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 126 } },
    evidence: { b: [execOf('/bin/busybox', '-1 EACCES')] },
  },
];
