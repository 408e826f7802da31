import type { CaseRecipe } from '../case-recipe.js';
import { caseDir, compile } from '../case-recipe.js';
import { BOTH_SUCCEED, DYNAMIC_PROGRAM, LOADER_MISSING_CLAIMS, LOADER_PRESENT } from './claims.js';
import { call, execOf } from './regex.js';

/** Cases about how the logs were made: a filtered trace (`--trace`), strace's terminal form. */

const FILTERED_BARE = 'filtered-bare-chroot';
const FILTERED_CONFIG = 'filtered-file-config';
const FILTERED_HIDDEN = 'filtered-hides-cause';
const THREADS = 'terminal-form-threads';
const PIPELINE = 'terminal-form-pipeline';

/** A process "only in A/B" when both runs ran the same processes. */
const SAME_PROCESSES = ['runs? only in (A|B)\\b', 'only in (A|B): (pid|process|thread)'];

export const TRACE_FORM_RECIPES: CaseRecipe[] = [
  {
    id: FILTERED_BARE,
    title: 'a bare chroot traced with --trace execve,chroot',
    story:
      'The bare-chroot scenario (a dynamically linked hello alone in the rootfs), traced with `--trace ' +
      'execve,chroot`: the logs hold only execve and chroot calls, no openat, no mmap. The real cause is the ' +
      "missing ELF interpreter, but this trace cannot show it: the host run's loader activity that would tell " +
      'a dynamic binary from a static one was filtered out. The finding must say that execve fails with ENOENT ' +
      'and that the trace was filtered, and claim nothing about calls it could not see.',
    cause: {
      rule: 'filtered-trace',
      summary:
        'execve of hello fails with ENOENT in the chroot; the trace holds only execve and chroot (--trace execve,chroot), so it cannot show which file is missing (here the loader).',
      mentions: ['filter'],
      match: 'filtered|trace=|--trace',
    },
    bothSucceed: false,
    falseClaims: [
      '(is|was) statically linked',
      'hello (is|was) (most likely )?(missing|not there|not found)',
      'most likely missing',
      'opens? (no|none)',
    ],
    setup: [compile(FILTERED_BARE, 'hello')],
    runs: {
      kind: 'collect',
      options: ['--rootfs', 'bare', '--trace', 'execve,chroot'],
      program: [`${caseDir(FILTERED_BARE)}/hello`],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 127 } },
    evidence: { b: [execOf(`${caseDir(FILTERED_BARE)}/hello`, '-1 ENOENT')] },
    absent: { a: ['openat\\(', 'mmap\\('], b: ['openat\\(', 'mmap\\('] },
  },
  {
    id: FILTERED_CONFIG,
    title: 'a missing configuration file, traced with --trace %file',
    story:
      'The missing-config scenario (read-config opens /etc/spelunk.conf, absent from the chroot) traced with ' +
      '`--trace %file`: only calls that take a file name are in the logs (execve, openat, access, newfstatat...), ' +
      'no write, no mmap. The filter does not hide the cause: the openat of /etc/spelunk.conf failing with ' +
      'ENOENT is there, and the exit status is in session.json.',
    cause: {
      rule: 'missing-file',
      summary:
        '/etc/spelunk.conf does not exist inside the chroot, so read-config cannot open its configuration and exits 1.',
      mentions: ['/etc/spelunk.conf'],
      match: 'spelunk\\.conf.{0,80}fails with ENOENT|spelunk\\.conf[^.]*(does not exist|missing|not inside)',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      'permission denied.*spelunk\\.conf',
      'writes? nothing',
    ],
    setup: [compile(FILTERED_CONFIG, 'read-config'), `printf 'greeting = hello\\n' > /etc/spelunk.conf`],
    teardown: ['rm -f /etc/spelunk.conf'],
    runs: {
      kind: 'collect',
      options: ['--trace', '%file'],
      program: [`${caseDir(FILTERED_CONFIG)}/read-config`],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [call('openat', '"/etc/spelunk.conf"', '3')],
      b: [call('openat', '"/etc/spelunk.conf"', '-1 ENOENT')],
    },
    absent: { b: ['write\\(', 'mmap\\('] },
  },
  {
    id: FILTERED_HIDDEN,
    title: 'a file missing in the chroot, traced with --trace %process: the cause is not in the trace',
    story:
      '`test -e` of a file that exists on the host only (in the case directory, which the chroot does not hold), ' +
      'traced with `--trace %process`: the logs hold execve, clone and exit calls, not the newfstatat that ' +
      'looks for the file. test prints nothing and exits 1 in the chroot. The cause (the file is not inside ' +
      'the chroot) is known by construction but no line shows it, so the only honest first finding says the ' +
      'trace was filtered and the calls that would show why are not in it.',
    cause: {
      rule: 'filtered-trace',
      summary:
        'settings.conf is not inside the chroot, so test -e exits 1; the trace was made with --trace %process, so no call that looks for the file is in it, and the finding must say the trace was filtered.',
      mentions: ['filter'],
      match: 'filtered|trace=|--trace',
    },
    bothSucceed: false,
    // execve of test succeeds and it runs to exit_group(1): no loader is missing, nothing kills it.
    falseClaims: [...LOADER_MISSING_CLAIMS, 'killed by SIG\\w+', 'timed out|time limit', 'opens? (no|none)'],
    setup: [`touch ${caseDir(FILTERED_HIDDEN)}/settings.conf`],
    runs: {
      kind: 'collect',
      options: ['--trace', '%process'],
      program: ['/usr/bin/test', '-e', `${caseDir(FILTERED_HIDDEN)}/settings.conf`],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 1 } },
    evidence: {
      a: [execOf('/usr/bin/test', '0'), 'exit_group\\(0\\)'],
      b: [execOf('/usr/bin/test', '0'), 'exit_group\\(1\\)'],
    },
    absent: {
      a: ['stat\\(', 'access\\(', 'openat\\('],
      b: ['stat\\(', 'access\\(', 'openat\\('],
    },
  },
  {
    id: THREADS,
    title: "a threaded program traced twice in strace's terminal form (both succeed)",
    story:
      'threads starts three threads with clone3, each writing a line in a fixed order (a pipe per thread hands the turn on). Both runs are on the host, each ' +
      '`strace -f ./threads 2> LOG`: no -o, so the trace is strace\'s terminal form, where "strace: Process N ' +
      'attached" is printed as soon as a thread starts, in the middle of the clone3 line that created it, and ' +
      'the call ends on the next line (" <unfinished ...>" or " => {parent_tid=...}"). The same program runs ' +
      'the same way twice: every clone3 belongs to the task that called it.',
    cause: {
      rule: 'same-behaviour',
      summary:
        'Both runs do the same thing (three threads, three lines, exit 0); the logs differ only in pids, addresses and timing.',
      mentions: [],
      match:
        'behaves the same|no (real )?difference|only (in )?noise|identical behaviou?r|(does|do) the same thing',
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...BOTH_SUCCEED, ...SAME_PROCESSES],
    setup: [compile(THREADS, 'threads', '-pthread')],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: [`${caseDir(THREADS)}/threads`], form: 'terminal' },
      b: { label: 'host, again', argv: [`${caseDir(THREADS)}/threads`], form: 'terminal' },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: {
      a: ['clone3\\(.*strace: Process \\d+ attached'],
      b: ['clone3\\(.*strace: Process \\d+ attached'],
    },
    // The cut lands inside a clone3 line on most runs, not all.
    attempts: 8,
  },
  {
    id: PIPELINE,
    title: "a shell pipeline traced twice in strace's terminal form (both succeed)",
    story:
      '`sh -c "echo hello | tr a-z A-Z | wc -c"` (dash, coreutils), twice on the host, each `strace -f ... 2> ' +
      'LOG`. dash forks a child per command with clone; in the terminal form "strace: Process N attached" can ' +
      'land inside the clone line of the parent. Same program, same output ("6"), both exit 0.',
    cause: {
      rule: 'same-behaviour',
      summary:
        'Both runs do the same thing (the same pipeline, the same output, exit 0); the logs differ only in pids, addresses and timing.',
      mentions: [],
      match:
        'behaves the same|no (real )?difference|only (in )?noise|identical behaviou?r|(does|do) the same thing',
    },
    bothSucceed: true,
    falseClaims: [...LOADER_PRESENT, ...BOTH_SUCCEED, ...SAME_PROCESSES],
    setup: [],
    runs: {
      kind: 'strace',
      a: { label: 'host', argv: ['/bin/sh', '-c', 'echo hello | tr a-z A-Z | wc -c'], form: 'terminal' },
      b: {
        label: 'host, again',
        argv: ['/bin/sh', '-c', 'echo hello | tr a-z A-Z | wc -c'],
        form: 'terminal',
      },
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 0 } },
    evidence: { a: ['strace: Process \\d+ attached'], b: ['strace: Process \\d+ attached'] },
    facts: { a: ['clone\\(.*strace: Process \\d+ attached|clone\\(.*<unfinished \\.\\.\\.>'] },
    attempts: 8,
  },
];
