import type { CaseRecipe } from '../case-recipe.js';
import { BASE_ENV, caseDir, compile } from '../case-recipe.js';
import { DYNAMIC_PROGRAM, LOADER_PRESENT } from './claims.js';
import { call, stderrWrite } from './regex.js';

/** Cases where B runs with less: an environment variable missing, a memory limit, a time limit. */

const ENV = 'missing-env-var';
const OOM = 'oom-killed-cgroup';
const TIMEOUT = 'timeout-waiting';

export const LIMIT_RECIPES: CaseRecipe[] = [
  {
    id: ENV,
    title: 'a program that needs an environment variable the other run lacks',
    story:
      `need-env reads SPELUNK_HOME and fails without it. A runs with SPELUNK_HOME=${caseDir(ENV)}/home added to ` +
      'the capture environment (execve shows 4 vars); B runs with the capture environment alone (3 vars): the ' +
      'program says "SPELUNK_HOME is not set" and exits 2. Nothing else differs.',
    cause: {
      rule: 'missing-env-var',
      summary: 'SPELUNK_HOME is set in A but not in B (one variable fewer), and need-env exits 2 without it.',
      mentions: ['SPELUNK_HOME'],
      match: 'environment (variable|size)|SPELUNK_HOME[^.]*(not set|missing|unset)|variables? (fewer|less)',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, 'permission denied', '/[\\w/.-]+ does not exist'],
    setup: [compile(ENV, 'need-env'), `mkdir -p ${caseDir(ENV)}/home`],
    runs: {
      kind: 'strace',
      a: {
        label: 'host, SPELUNK_HOME set',
        argv: [`${caseDir(ENV)}/need-env`],
        env: { ...BASE_ENV, SPELUNK_HOME: `${caseDir(ENV)}/home` },
      },
      b: { label: 'host, SPELUNK_HOME unset', argv: [`${caseDir(ENV)}/need-env`] },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 2 } },
    evidence: {
      a: [`execve\\(.*/\\* 4 vars \\*/\\) = 0`],
      b: [`execve\\(.*/\\* 3 vars \\*/\\) = 0`, stderrWrite('SPELUNK_HOME is not set')],
    },
  },
  {
    id: OOM,
    title: 'a program killed by the OOM killer under a cgroup memory limit',
    story:
      'alloc-touch allocates 64 MiB and writes every page. A runs it on the host. B runs it through sh, which ' +
      'first writes its own pid into a memory cgroup made for the capture (limit 16 MiB, set in the setup, ' +
      "outside the trace) and then execs it: once the pages written pass the limit, the kernel's OOM killer " +
      'sends SIGKILL, which strace shows as "+++ killed by SIGKILL +++" right after the mmap of the buffer.',
    cause: {
      rule: 'oom-killed',
      summary:
        'B runs in a memory cgroup limited to 16 MiB; alloc-touch writes 64 MiB, so the OOM killer kills it with SIGKILL.',
      mentions: ['SIGKILL', 'memory'],
      match: 'OOM|out of memory|memory (limit|cgroup)',
    },
    bothSucceed: false,
    // B's sh adds PWD (4 variables against 3): not why the program is killed.
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      '(a|the) seccomp (filter|profile)',
      'timed out|time limit',
      'SIGSYS',
      'prints differs with it',
    ],
    setup: [compile(OOM, 'alloc-touch'), 'mkdir {cgroup}', 'echo 16M > {cgroup}/{memoryLimitFile}'],
    teardown: ['rmdir {cgroup}'],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: [`${caseDir(OOM)}/alloc-touch`, '64'] },
      b: {
        label: 'host, memory cgroup of 16 MiB',
        argv: ['/bin/sh', '-c', `echo $$ > {cgroup}/cgroup.procs && exec ${caseDir(OOM)}/alloc-touch 64`],
      },
    },
    outcome: { a: { exitCode: 0 }, b: { signal: 'SIGKILL' } },
    evidence: {
      b: [
        `write\\(1<[^>]*cgroup\\.procs>`,
        `mmap\\(NULL, 671\\d+, PROT_READ\\|PROT_WRITE`,
        `\\+\\+\\+ killed by SIGKILL`,
      ],
    },
  },
  {
    id: TIMEOUT,
    title: 'a program waiting for a file that never appears, killed at --timeout',
    story:
      `wait-ready polls every 100 ms for ${caseDir(TIMEOUT)}/ready, then prints it. The capture creates the file on ` +
      'the host, so A finds it at once. The auto rootfs does not have it: B polls (access ENOENT, nanosleep) ' +
      'until the collector kills it at `--timeout 3`, SIGKILL, and marks the run incomplete (timeout).',
    cause: {
      rule: 'timeout',
      summary: `B never finishes: it waits for ${caseDir(TIMEOUT)}/ready, which does not exist inside the chroot, until the 3 s --timeout kills it.`,
      mentions: [`${caseDir(TIMEOUT)}/ready`],
      match: 'timeout|time limit|timed out',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      'OOM killer',
      'out of memory',
      '(a|the) seccomp (filter|profile)',
    ],
    setup: [compile(TIMEOUT, 'wait-ready'), `echo 'service up' > ${caseDir(TIMEOUT)}/ready`],
    runs: {
      kind: 'collect',
      options: ['--timeout', '3'],
      program: [`${caseDir(TIMEOUT)}/wait-ready`, `${caseDir(TIMEOUT)}/ready`],
    },
    outcome: { a: { exitCode: 0 }, b: { signal: 'SIGKILL', timedOut: true } },
    evidence: {
      a: [call('access', `"${caseDir(TIMEOUT)}/ready"`, '0')],
      b: [call('access', `"${caseDir(TIMEOUT)}/ready"`, '-1 ENOENT'), `\\+\\+\\+ killed by SIGKILL`],
    },
  },
];
