import type { CaseRecipe } from '../case-recipe.js';
import { caseDir, compile } from '../case-recipe.js';
import { DYNAMIC_PROGRAM, LOADER_PRESENT } from './claims.js';
import { call, callResult, callStart, lit, stderrWrite } from './regex.js';

/**
 * Host against a runc container built like `docker run`'s (spelunk collect --runs host,container): the
 * four ways Docker's defaults change what a program may do. B's log is runc's whole trace, the
 * runtime's set-up first.
 */

const SECCOMP = 'container-seccomp-personality';
const CAPABILITY = 'container-capability-nice';
const FILE = 'container-missing-file';
const NETWORK = 'container-only-lo';
const PORT = 47231;

const CONTAINER_RUNS = { a: 'host', b: 'container' };
/** The container's set-up is in B's log: the filter, the capability set, the network namespace. */
const FILTER_INSTALLED = 'prctl\\(PR_SET_SECCOMP, SECCOMP_MODE_FILTER';

export const CONTAINER_RECIPES: CaseRecipe[] = [
  {
    id: SECCOMP,
    title: "a call Docker's default seccomp profile refuses (personality(ADDR_NO_RANDOMIZE), as gdb makes)",
    story:
      'aslr-off (samples/src/aslr-off.c) switches address space randomisation off with ' +
      'personality(ADDR_NO_RANDOMIZE), what gdb does before it starts a program. The call needs no capability ' +
      "and works on the host. In the container runc installs Docker's default seccomp profile just before the " +
      'execve; it allows personality() only for 0, 8, 0x20000, 0x20008 and the 0xffffffff query, so this call ' +
      'returns EPERM without the kernel running it, and aslr-off exits 1.',
    cause: {
      rule: 'seccomp-denied',
      summary:
        "Docker's default seccomp profile, which runc installs just before the program starts, refuses personality(ADDR_NO_RANDOMIZE) with EPERM, so aslr-off exits 1.",
      mentions: ['personality'],
      match: 'seccomp',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      'personality[^.]*(needs|requires|lacks)[^.]*CAP_',
      'CAP_SYS_ADMIN[^.]*personality',
    ],
    setup: [`gcc -O2 -o ${caseDir(SECCOMP)}/aslr-off samples/src/aslr-off.c`],
    runs: {
      kind: 'collect',
      options: ['--runs', 'host,container'],
      program: [`${caseDir(SECCOMP)}/aslr-off`],
      labels: CONTAINER_RUNS,
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('personality', 'ADDR_NO_RANDOMIZE', '0')],
      b: [callStart('personality', 'ADDR_NO_RANDOMIZE'), stderrWrite('Operation not permitted')],
    },
    facts: {
      b: [
        FILTER_INSTALLED,
        callResult('personality', 'ADDR_NO_RANDOMIZE', '-1 EPERM'),
        callResult('personality', '0xffffffff', '0'),
      ],
    },
  },
  {
    id: CAPABILITY,
    title: "a capability Docker's default set lacks (CAP_SYS_NICE: setpriority to nice -5)",
    story:
      'raise-priority (scripts/diagnosis/src/raise-priority.c) calls setpriority(PRIO_PROCESS, 0, -5). ' +
      'Lowering a nice value needs CAP_SYS_NICE: root on the host holds it. In the container runc keeps only ' +
      "Docker's 14 capabilities (PR_CAPBSET_DROP of the others, then capset), CAP_SYS_NICE is not among them, " +
      'and setpriority fails with EACCES (setpriority(2): "did not have the CAP_SYS_NICE capability"). The ' +
      'seccomp profile allows setpriority: the kernel itself refuses.',
    cause: {
      rule: 'capability-dropped',
      summary:
        "Docker's default capability set has no CAP_SYS_NICE, which lowering a nice value needs, so setpriority(PRIO_PROCESS, 0, -5) fails with EACCES in the container and raise-priority exits 1.",
      mentions: ['CAP_SYS_NICE'],
      match: 'CAP_SYS_NICE|capabilit',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      'seccomp[^.]*(refuses|denies|blocks|filters)[^.]*setpriority',
      'setpriority[^.]*(refused|denied|blocked) by[^.]*seccomp',
      '(file|mode) permission',
    ],
    setup: [compile(CAPABILITY, 'raise-priority')],
    runs: {
      kind: 'collect',
      options: ['--runs', 'host,container'],
      program: [`${caseDir(CAPABILITY)}/raise-priority`],
      labels: CONTAINER_RUNS,
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('setpriority', 'PRIO_PROCESS, 0, -5', '0')],
      b: [callStart('setpriority', 'PRIO_PROCESS, 0, -5'), stderrWrite('Permission denied')],
    },
    facts: {
      b: [
        callResult('setpriority', 'PRIO_PROCESS, 0, -5', '-1 EACCES'),
        'prctl\\(PR_CAPBSET_DROP, CAP_SYS_NICE',
        'capset\\(.*effective=(?!.*CAP_SYS_NICE)',
        FILTER_INSTALLED,
      ],
    },
  },
  {
    id: FILE,
    title: 'a file the image lacks (cat /etc/os-release in a container of cat and its libraries)',
    story:
      "cat /etc/os-release works on the host. The container's image is the auto rootfs: cat, its libraries " +
      'and the loader at their host paths, nothing else, as a minimal image built FROM scratch would be. ' +
      'runc mounts /proc, /dev and /sys over it but adds no /etc/os-release, so openat fails with ENOENT and ' +
      'cat exits 1.',
    cause: {
      rule: 'missing-file',
      summary:
        "The container's image has no /etc/os-release (it holds cat and its libraries only), so cat cannot open it and exits 1.",
      mentions: ['/etc/os-release'],
      match: 'os-release',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      'permission denied[^.]*os-release',
      'seccomp[^.]*openat',
    ],
    setup: [],
    runs: {
      kind: 'collect',
      options: ['--runs', 'host,container'],
      program: ['/usr/bin/cat', '/etc/os-release'],
      labels: CONTAINER_RUNS,
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', '"/etc/os-release"', '3')],
      b: [callStart('openat', '"/etc/os-release"'), stderrWrite(lit('No such file or directory'))],
    },
    facts: { b: ['pivot_root\\(', callResult('openat', '"/etc/os-release"', '-1 ENOENT')] },
  },
  {
    id: NETWORK,
    title: "only lo in the container's network namespace (a TCP connect to the host's address)",
    story:
      `tcp-connect connects to this machine's own address, port ${PORT}, where the capture keeps a listener ` +
      'open: on the host it connects. runc gives the container a new network namespace (unshare with ' +
      'CLONE_NEWNET) and brings its loopback interface up (an RTM_NEWLINK request over netlink, in its ' +
      'set-up); lo is all there is, with no route to the host address, so connect() fails with ENETUNREACH ' +
      'and tcp-connect exits 1. Docker would add a veth pair to a bridge; runc alone, with this config, does not.',
    cause: {
      rule: 'network-namespace',
      summary:
        "The container has its own network namespace with only the loopback interface, so there is no route to the host's address: connect() fails with ENETUNREACH and tcp-connect exits 1.",
      mentions: ['network namespace'],
      match: 'network namespace',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      '\\blo\\b[^.]*\\bdown\\b',
      'seccomp[^.]*(refuses|denies|blocks)[^.]*connect\\(',
      'capabilit[^.]*(needs|lacks|dropped)[^.]*connect\\(',
      'connection refused',
    ],
    listen: PORT,
    setup: [compile(NETWORK, 'tcp-connect')],
    runs: {
      kind: 'collect',
      options: ['--runs', 'host,container'],
      program: [`${caseDir(NETWORK)}/tcp-connect`, '{hostAddress}', String(PORT)],
      labels: CONTAINER_RUNS,
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('connect', `sin_port=htons(${PORT})`, '0')],
      b: [callStart('connect', `sin_port=htons(${PORT})`), stderrWrite('Network is unreachable')],
    },
    facts: {
      b: [
        'unshare\\(.*CLONE_NEWNET',
        'sendto\\(\\d+<NETLINK:',
        callResult('connect', `sin_port=htons(${PORT})`, '-1 ENETUNREACH'),
      ],
    },
  },
];
