import type { CaseRecipe } from '../case-recipe.js';
import { caseDir, compile } from '../case-recipe.js';
import { BOTH_SUCCEED, DYNAMIC_PROGRAM, LOADER_PRESENT, MOUNT_IS_LAUNCHER } from './claims.js';
import { call, stderrWrite, stdoutWrite } from './regex.js';

/** Cases where B runs with another view of the system: a read-only mount, a network, pid or UTS namespace. */

const RO = 'read-only-bind';
const NET = 'netns-connect';
const IP = 'netns-ip-addr';
const KILL = 'pidns-kill';
const PID = 'pidns-print-pid';
const HOSTNAME = 'uts-hostname';
const LICENSE = 'uts-host-license';

/** The unshare --uts launcher of the hostname cases: a new UTS namespace, a new name, then the program. */
const inUts = (program: string[]): string[] => [
  '/usr/bin/unshare',
  '--uts',
  '/bin/sh',
  '-c',
  'hostname spelunk-diag-box && exec "$@"',
  'sh',
  ...program,
];

export const NAMESPACE_RECIPES: CaseRecipe[] = [
  {
    id: RO,
    title: 'touch in a directory bound read-only into the chroot',
    story:
      `touch creates ${caseDir(RO)}/data/out.txt. The chroot run binds the host's ${caseDir(RO)}/data at the same ` +
      'path inside the rootfs with `--bind SRC:DST:ro` (unshare --mount, then mount --bind -o ro, all before ' +
      'chroot()). On the host the file is created; inside, openat(O_CREAT) fails with EROFS and touch exits 1.',
    cause: {
      rule: 'read-only-mount',
      summary: `${caseDir(RO)}/data is bound read-only inside the chroot, so touch cannot create out.txt there (EROFS) and exits 1.`,
      mentions: ['read-only'],
      match: 'read-only|EROFS',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      ...MOUNT_IS_LAUNCHER,
      'permission denied',
      '/proc[^.]* not mounted',
    ],
    setup: [`mkdir -p ${caseDir(RO)}/data`],
    runs: {
      kind: 'collect',
      options: ['--bind', `${caseDir(RO)}/data:${caseDir(RO)}/data:ro`],
      program: ['/usr/bin/touch', `${caseDir(RO)}/data/out.txt`],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', `"${caseDir(RO)}/data/out.txt"`, '3')],
      b: [
        call('(openat|utimensat)', `"${caseDir(RO)}/data/out.txt"`, '-1 EROFS'),
        stderrWrite('Read-only file system'),
      ],
    },
    facts: { b: [`mount\\(.*MS_RDONLY`] },
  },
  {
    id: NET,
    title: 'a TCP connect to this machine from a new network namespace',
    story:
      "tcp-connect connects to this machine's own address ({hostAddress}) on port 47311, where the capture keeps a " +
      'listener open. On the host it connects. The chroot run has `--unshare net`: the new network namespace has ' +
      'only lo, and it is down, so there is no route and connect() fails with ENETUNREACH, exit 1.',
    cause: {
      rule: 'network-namespace',
      summary:
        'The chroot run is in a new network namespace that has only a loopback interface, so connect() to the host address fails with ENETUNREACH.',
      mentions: ['network'],
      match: 'network namespace|ENETUNREACH|only lo|unreachable',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      'permission denied',
      '(a|the) seccomp (filter|profile)',
      'connection refused',
    ],
    listen: 47311,
    setup: [compile(NET, 'tcp-connect')],
    runs: {
      kind: 'collect',
      options: ['--unshare', 'net'],
      program: [`${caseDir(NET)}/tcp-connect`, '{hostAddress}', '47311'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('connect', 'sin_port=htons(47311)', '0')],
      b: [call('connect', 'sin_port=htons(47311)', '-1 ENETUNREACH'), stderrWrite('Network is unreachable')],
    },
    facts: { b: [call('unshare', 'CLONE_NEWNET', '0')] },
  },
  {
    id: IP,
    title: 'ip address in a new network namespace (both succeed)',
    story:
      'ip -brief address lists the interfaces. On the host: lo and eth0 with its address. In the chroot run ' +
      '(`--unshare net`) the netlink dump returns lo alone, DOWN. Both exit 0; the output differs because the ' +
      'run is in its own network namespace.',
    cause: {
      rule: 'network-namespace',
      summary:
        'Both runs succeed, but the chroot run is in a new network namespace, so ip lists only lo (down) instead of the host interfaces.',
      mentions: ['network'],
      match: 'network namespace|only lo',
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...BOTH_SUCCEED],
    setup: [],
    runs: { kind: 'collect', options: ['--unshare', 'net'], program: ['/usr/sbin/ip', '-brief', 'address'] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: { b: [call('unshare', 'CLONE_NEWNET', '0'), stdoutWrite(`"lo +DOWN`)] },
    absent: { b: ['write\\(1.*eth0'] },
  },
  {
    id: KILL,
    title: 'kill -0 of a host process from a new pid namespace',
    story:
      'A `sleep 60` runs on the host during the capture; `kill -0 PID` checks that it is alive. On the host it is. ' +
      'The chroot run has `--unshare pid` (unshare --pid --fork): the program is pid 1 of a new pid namespace, ' +
      "where the host's pids do not exist, so kill() fails with ESRCH and kill exits 1.",
    cause: {
      rule: 'pid-namespace',
      summary:
        'The chroot run is in a new pid namespace, where the host process it signals does not exist, so kill() fails with ESRCH.',
      mentions: ['namespace'],
      match: 'pid namespace|ESRCH|no such process',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, 'permission denied', '\\(kill\\) runs only in'],
    background: ['/usr/bin/sleep', '60'],
    setup: [],
    runs: {
      kind: 'collect',
      options: ['--unshare', 'pid'],
      program: ['/usr/bin/kill', '-0', '{backgroundPid}'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: { a: [call('kill', '', '0')], b: [call('kill', '', '-1 ESRCH')] },
    facts: { b: [call('unshare', 'CLONE_NEWPID', '0')] },
  },
  {
    id: PID,
    title: 'a program printing its pid, in a new pid namespace (both succeed)',
    story:
      'print-pid prints getpid() and getppid(). In the chroot run (`--unshare pid`) it is pid 1 of a new pid ' +
      'namespace and its parent (outside) is 0; on the host it prints ordinary pids. Both exit 0.',
    cause: {
      rule: 'pid-namespace',
      summary:
        'Both runs succeed; the chroot run is pid 1 of a new pid namespace, so the pids it prints differ.',
      mentions: ['namespace'],
      match: 'pid namespace',
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...BOTH_SUCCEED, '\\(print-pid\\) runs only in'],
    setup: [compile(PID, 'print-pid')],
    runs: { kind: 'collect', options: ['--unshare', 'pid'], program: [`${caseDir(PID)}/print-pid`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: { b: [call('unshare', 'CLONE_NEWPID', '0'), stdoutWrite(`"pid 1, parent 0`)] },
  },
  {
    id: HOSTNAME,
    title: 'hostname in a new UTS namespace with another name (both succeed)',
    story:
      'Plain strace. A: `hostname` on the host. B: `unshare --uts`, then sh sets the hostname to spelunk-diag-box ' +
      'inside the new UTS namespace (sethostname) and execs hostname, which prints it. Both exit 0.',
    cause: {
      rule: 'hostname',
      summary:
        'Both succeed, but B runs in a new UTS namespace whose hostname was set to spelunk-diag-box, so hostname prints that name.',
      mentions: ['spelunk-diag-box'],
      match: 'host ?name[^.]*(differs|set to|other)|UTS namespace|sethostname',
    },
    bothSucceed: true,
    // B's sh adds PWD (4 variables against 3); what the program prints comes from uname(), not from it.
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, ...BOTH_SUCCEED, 'prints differs with it'],
    setup: [],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/usr/bin/hostname'] },
      b: { label: 'host, unshare --uts + sethostname', argv: inUts(['/usr/bin/hostname']) },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: {
      b: [call('sethostname', '"spelunk-diag-box"', '0'), stdoutWrite(`"spelunk-diag-box`)],
    },
    facts: { b: [call('unshare', 'CLONE_NEWUTS', '0')] },
  },
  {
    id: LICENSE,
    title: 'a node-locked program refusing to run under another hostname',
    story:
      "host-license compares uname()'s nodename with the name it was given ({hostname}, this machine's). A runs it " +
      'on the host: licence ok. B runs it after `unshare --uts` and `hostname spelunk-diag-box`: it says ' +
      '"licensed for host ... only, this is spelunk-diag-box" and exits 3.',
    cause: {
      rule: 'hostname',
      summary:
        'B runs in a new UTS namespace named spelunk-diag-box, so host-license sees another hostname and refuses to run (exit 3).',
      mentions: ['spelunk-diag-box'],
      match: 'host ?name[^.]*(differs|set to|other)|UTS namespace|sethostname',
    },
    bothSucceed: false,
    // B's sh adds PWD (4 variables against 3); what the program prints comes from uname(), not from it.
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      'permission denied',
      '(is|are) missing',
      'prints differs with it',
    ],
    setup: [compile(LICENSE, 'host-license')],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: [`${caseDir(LICENSE)}/host-license`, '{hostname}'] },
      b: {
        label: 'host, unshare --uts + sethostname',
        argv: inUts([`${caseDir(LICENSE)}/host-license`, '{hostname}']),
      },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 3 } },
    evidence: {
      b: [
        call('sethostname', '"spelunk-diag-box"', '0'),
        `uname\\(\\{.*nodename="spelunk-diag-box"`,
        stderrWrite('this is spelunk-diag-box'),
      ],
    },
  },
];
