import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SyscallEvent, TraceEvent } from '../../parsers/model/event.js';
import { parseStrace, parseStraceLine } from '../../parsers/strace/index.js';
import { checkTraceIntegrity } from '../../parsers/strace/integrity.js';

const fixture = (name: string): TraceEvent[] => {
  const trace = parseStrace(
    readFileSync(new URL(`../fixtures/strace/${name}.strace`, import.meta.url), 'latin1'),
  );
  expect(checkTraceIntegrity(trace)).toEqual([]);
  return [...trace.events()];
};
const calls = (evs: TraceEvent[]): SyscallEvent[] =>
  evs.filter((e): e is SyscallEvent => e.kind === 'syscall');

describe('fixtures named after the anomaly they cover', () => {
  it('unfinished-resumed: one event per call, args joined across the halves', () => {
    const [wait4] = calls(fixture('unfinished-resumed'));
    expect(wait4).toMatchObject({ name: 'wait4', line: 1, endLine: 4, pid: 6301, ret: '6302', errno: null });
    expect(wait4?.args.map((a) => a.text)).toEqual([
      '6302',
      '[{WIFEXITED(s) && WEXITSTATUS(s) == 7}]',
      '0',
      'NULL',
    ]);
  });

  it('resumed-then-unfinished: a call resumed and cut again by death ends as died', () => {
    const evs = calls(fixture('resumed-then-unfinished'));
    expect(evs.map((e) => [e.name, e.ret, e.status])).toEqual([
      ['clock_nanosleep', '?', 'died'],
      ['exit_group', '?', undefined],
    ]);
  });

  it('orphan-resumed: a resume with no start is kept and flagged', () => {
    const [ev] = calls(fixture('orphan-resumed'));
    expect(ev).toMatchObject({ name: 'rt_sigreturn', status: 'resumed-only', ret: '14307', dur: 0.000199 });
  });

  it('string-with-escaped-quote: syntax inside strings does not split the line', () => {
    const [w, o] = calls(fixture('string-with-escaped-quote'));
    expect(w?.args[1]).toMatchObject({ type: 'string', value: ') = -1 ENOENT <unfinished ...>" +++ exited' });
    expect(w?.ret).toBe('30');
    expect(o?.args[1]).toMatchObject({ type: 'string', value: 'weird"name\\with\nnewline' });
    expect(o?.errno).toBe('ENOENT');
  });

  it('killed-by-signal: the signal and the core dump', () => {
    const evs = fixture('killed-by-signal');
    expect(evs.map((e) => e.kind)).toEqual(['signal', 'killed']);
    expect(evs[1]).toMatchObject({ signal: 'SIGSEGV', core: true, pid: 8225, ts: 3509.508006 });
  });

  it('still-open-at-end: calls open when the log ends stay unfinished and are reported', () => {
    const trace = parseStrace(
      readFileSync(new URL('../fixtures/strace/still-open-at-end.strace', import.meta.url), 'latin1'),
    );
    expect([...trace.events()].map((e) => e.kind === 'syscall' && e.status)).toEqual(['unfinished', false]);
    expect(trace.diagnostics.map((d) => d.code)).toEqual(['unfinished-at-end', 'unknown-line']);
  });

  it('unknown-lines: unparsable lines are kept with their line number, the rest still parses', () => {
    const evs = fixture('unknown-lines');
    expect(evs.map((e) => `${e.kind}@${e.line}`)).toEqual([
      'syscall@1',
      'unknown@2',
      'unknown@3',
      'syscall@4',
    ]);
    expect(evs[1]).toMatchObject({ text: 'this is not strace at all' });
  });

  it('midnight-wrap: -tt times of day keep increasing past midnight', () => {
    const evs = fixture('midnight-wrap');
    expect(evs.map((e) => e.ts)).toEqual([86399.9, 86400.1]);
  });

  it('stderr-attached-glued: a call cut by "Process N attached" is joined back together', () => {
    const evs = fixture('stderr-attached-glued');
    // the message was printed while the call was open, so it comes first; both keep line 1
    expect(evs.map((e) => `${e.kind}@${e.line}`)).toEqual(['message@1', 'syscall@1', 'syscall@3']);
    expect(evs[1]).toMatchObject({ name: 'clone3', ret: '6608' });
    expect((evs[1] as SyscallEvent).args[0]?.type).toBe('inout');
    expect(evs[0]).toMatchObject({ text: 'Process 6608 attached' });
  });

  it('stderr-initial-task-pid: prefix-less lines of the first task get its pid once it is known', () => {
    const evs = fixture('stderr-initial-task-pid');
    expect(evs.map((e) => e.pid)).toEqual([7727, 7727, 7728, 7727, 7728, 7727, 7727]);
  });

  it('status-orphan-tail: a lone ") = ?" closes the latest unfinished call', () => {
    const [ev] = calls(fixture('status-orphan-tail'));
    expect(ev).toMatchObject({ name: 'exit', ret: '?', endLine: 2 });
    expect(ev?.status).toBeUndefined();
  });

  it('thread-execve-superseded: the execve resumes under the leader pid', () => {
    const evs = fixture('thread-execve-superseded');
    expect(evs.map((e) => e.kind)).toEqual(['syscall', 'superseded']);
    expect(evs[0]).toMatchObject({ name: 'execve', pid: 8936, ret: '0', endLine: 3 });
    expect(evs[1]).toMatchObject({ pid: 8934, by: 8936 });
  });
});

describe('older strace forms (fixtures written after real old logs)', () => {
  it('old-sigreturn: the mask annotation before the result becomes the first note', () => {
    const evs = fixture('old-sigreturn');
    const sigreturns = calls(evs).filter((e) => e.name === 'sigreturn');
    expect(sigreturns.map((e) => [e.ret, e.errno, e.notes])).toEqual([
      ['-1', 'EINTR', ['mask []']],
      ['0', null, ['mask [CHLD RT_1 RT_3 RT_31 RT_32]']],
    ]);
    expect(sigreturns[0]?.errText).toBe('Interrupted system call');
    expect(evs.filter((e) => e.kind === 'unknown')).toEqual([]);
  });

  it('old signal forms: a description instead of siginfo, and siginfo without the name', () => {
    const signals = fixture('old-sigreturn').filter((e) => e.kind === 'signal');
    expect(signals).toMatchObject([{ signal: 'SIGINT' }, { signal: 'SIGWINCH' }]);
    expect(signals.every((e) => e.kind === 'signal' && e.info === undefined)).toBe(true);
    const [, , segv, killed] = fixture('old-signal-without-name');
    expect(segv).toMatchObject({ kind: 'signal', signal: 'SIGSEGV', pid: 14201 });
    const info = segv?.kind === 'signal' ? segv.info : undefined;
    expect(info?.type).toBe('struct');
    expect(info?.text).toBe('{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0xdeadbaad}');
    expect(killed).toMatchObject({ kind: 'killed', signal: 'SIGSEGV', core: true });
  });

  it('old-attach-messages: pre-4.9 "Process N attached - interrupt to quit" and "detached" are messages', () => {
    const evs = fixture('old-attach-messages');
    const messages = evs.filter((e) => e.kind === 'message').map((e) => (e.kind === 'message' ? e.text : ''));
    expect(messages).toEqual([
      'Process 3094 attached - interrupt to quit',
      'Process 3095 attached - interrupt to quit',
      'Process 3096 attached with 2 threads - interrupt to quit',
      'Process 3096 detached',
      'Process 3094 detached', // the terminal's ^C echo is not part of it
      'Process 3095 detached',
    ]);
    expect(evs.filter((e) => e.kind === 'unknown')).toEqual([]);
    const [wait4] = calls(evs);
    expect(wait4).toMatchObject({ name: 'wait4', pid: 3095, ret: '3096', endLine: 10 });
  });

  it('old-unclosed-brace: a line with an unclosed brace keeps its name and result, flagged', () => {
    const trace = parseStrace(
      readFileSync(new URL('../fixtures/strace/old-unclosed-brace.strace', import.meta.url), 'latin1'),
    );
    const evs = [...trace.events()];
    expect(evs.map((e) => e.kind)).toEqual(['syscall', 'syscall', 'syscall', 'syscall']);
    expect(evs[1]).toMatchObject({ name: 'recvmsg', ret: '4', errno: null, line: 2 });
    expect((evs[1] as SyscallEvent).suspect).toMatch(/brackets do not balance/);
    expect((evs[2] as SyscallEvent).suspect).toBeUndefined();
    expect(trace.diagnostics.map((d) => [d.code, d.line])).toEqual([['suspect-line', 2]]);
  });

  it('stderr-write-glued-output: program output printed into a write line is flagged, partial writes are not', () => {
    const trace = parseStrace(
      readFileSync(new URL('../fixtures/strace/stderr-write-glued-output.strace', import.meta.url), 'latin1'),
    );
    const writes = calls([...trace.events()]).filter((e) => e.name === 'write');
    expect(writes.map((e) => e.suspect !== undefined)).toEqual([true, true, false, false]);
    expect(writes[0]?.suspect).toMatch(/output \("111"\) is printed into the line after the count 3/);
    expect(writes[1]?.suspect).toMatch(/\("ls: "\)/);
    expect(trace.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['suspect-line', 1],
      ['suspect-line', 2],
    ]);
  });

  it('relative-timestamps-sum: -r times are summed without float tails', () => {
    const ts = fixture('relative-timestamps-sum').map((e) => e.ts);
    expect(ts).toEqual([0, 0.000211, 0.000324, 0.000425, 17.315207, 17.315307]);
  });

  it('-tt times of day carry no float tails either', () => {
    expect(parseStraceLine('01:01:31.971902 close(3) = 0').absTs).toBe(3691.971902);
  });
});

describe('-c tables of older and other strace builds', () => {
  const tables = (name: string) =>
    parseStrace(readFileSync(new URL(`../fixtures/strace/${name}.strace`, import.meta.url), 'latin1'));

  it('c-table-only-32bit-attach: the heading names the personality, old messages around it are kept', () => {
    const trace = tables('c-table-only-32bit-attach');
    expect(trace.summaries).toMatchObject([{ section: '32 bit', total: { calls: 30207, errors: 3132 } }]);
    expect(trace.summaries[0]?.rows).toHaveLength(9);
    expect(checkTraceIntegrity(trace)).toEqual([]);
  });

  it('c-table-only-arm32: a native ARM32 table (mmap2, _llseek, ARM_set_tls) is not labelled 64 bit', () => {
    const [table] = tables('c-table-only-arm32').summaries;
    expect(table?.section).toBe('32 bit');
    expect(table?.rows.map((r) => r.calls).reduce((a, b) => a + b)).toBe(table?.total?.calls);
  });

  it('c-table-time-header: a header starting with "time" is read like "% time"', () => {
    const [table] = tables('c-table-time-header').summaries;
    expect(table?.rows.map((r) => [r.name, r.calls, r.errors, r.percentTime])).toEqual([
      ['mmap', 10, 0, 45.1],
      ['openat', 4, 1, 21.57],
      ['close', 3, 0, 18.63],
      ['newfstatat', 3, 0, 14.71],
    ]);
    expect(table?.total).toMatchObject({ calls: 20, errors: 1 });
  });

  it('a table of an x86_64 log keeps its 64 bit label', () => {
    const text = readFileSync(new URL('../corpus/format/flags/summary.c.log', import.meta.url), 'latin1');
    expect(parseStrace(text).summaries.map((s) => s.section)).toEqual(['64 bit']);
  });
});

describe('parseStraceLine on single real lines', () => {
  const cases: [string, Partial<ReturnType<typeof parseStraceLine>>][] = [
    [
      '9692<vf> 00:58:49.236786 [  58] [00007fd13fc323b8] <... vfork resumed>) = 9693<true> <0.001283>',
      {
        kind: 'resumed',
        pid: 9692,
        comm: 'vf',
        absTs: 3529.236786,
        nr: 58,
        ip: '00007fd13fc323b8',
        name: 'vfork',
        ret: '9693',
        retPath: 'true',
        dur: 0.001283,
      },
    ],
    [
      '[pid  6606] <... rt_sigprocmask resumed>NULL, 8) = 0',
      { kind: 'resumed', pid: 6606, bracketPid: true, ret: '0' },
    ],
    ['01:01:48 (+     0.000073) write(1, "x", 1) = 1', { kind: 'call', absTs: 3708, relTs: 0.000073 }],
    [
      '     0.000211 brk(NULL)                 = 0x55a70d996000',
      { kind: 'call', relTs: 0.000211, retValue: 0x55a70d996000 },
    ],
    ['1795914108 write(1, "x", 1) = 1', { kind: 'call', pid: null, absTs: 1795914108 }],
    ['1795913863.016944158 execve("/x", ["/x"], 0x7f /* 1 var */) = 0', { absTs: 1795913863.016944158 }],
    ['6301  umask(077)                        = 022', { ret: '022', retValue: 18 }],
    [
      'fcntl(3, F_GETFL)                 = 0x8000 (flags O_RDONLY|O_LARGEFILE)',
      { notes: ['flags O_RDONLY|O_LARGEFILE'] },
    ],
    [
      'read(3, 0x7fff1ffc1007, 1) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)',
      { ret: '?', errno: 'ERESTARTSYS' },
    ],
    [
      'uname(0x7ffd226484e0)                   = -1 (errno 4000) (INJECTED)',
      { errno: 'errno 4000', notes: ['INJECTED'] },
    ],
    ['getpid()                                = -4096 (INJECTED)', { errno: null, retValue: -4096 }],
    [
      'openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3</etc/hostname> <0.000012>',
      { retPath: '/etc/hostname', dur: 0.000012 },
    ],
    ['close(3</home/u/work.tmp>(deleted))  = 0', { kind: 'call', ret: '0' }],
    ['21797 <... clock_nanosleep resumed> <unfinished ...>) = ?', { kind: 'resumed', died: true, ret: '?' }],
    [
      'execve("/bin/true", ["/bin/true"], 0x7fdaf5039ea8 /* 0 vars */ <pid changed to 12873 ...>',
      { kind: 'unfinished', argsEndedBy: 'pid-changed' },
    ],
    [
      '13884 01:00:04.229061 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0},  <detached ...>',
      { kind: 'unfinished', argsEndedBy: 'detached' },
    ],
    [
      'restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0',
      { kind: 'call', name: 'restart_syscall' },
    ],
    ['[ Process PID=20914 runs in 32 bit mode. ]', { kind: 'personality', code: 20914, text: '32 bit' }],
    ['8934  +++ superseded by execve in pid 8936 +++', { kind: 'superseded', code: 8936 }],
    ['00:58:33.275545 --- stopped by SIGSTOP ---', { kind: 'signal', stopped: true, name: 'SIGSTOP' }],
    [' > /home/user/fmt/src/basic_g(main+0x24) [0x134d]', { kind: 'stack' }],
    ['strace: Process 6608 attached', { kind: 'message', text: 'Process 6608 attached' }],
    [
      'Process 29579 attached - interrupt to quit',
      { kind: 'message', text: 'Process 29579 attached - interrupt to quit' },
    ],
    ['^CProcess 25793 detached', { kind: 'message', text: 'Process 25793 detached' }],
    [
      'sigreturn() (mask [])                   = -1 EINTR (Interrupted system call)',
      { kind: 'call', name: 'sigreturn', errno: 'EINTR', notes: ['mask []'] },
    ],
    ['--- SIGCHLD (Child exited) @ 0 (0) ---', { kind: 'signal', name: 'SIGCHLD', infoStart: 0, infoEnd: 0 }],
    [
      '--- {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0xdeadbaad} (Segmentation fault) ---',
      { kind: 'signal', name: 'SIGSEGV' },
    ],
    ['5<UNIX-STREAM:[42714->42710,"/s]ock>x"]>', { kind: 'unknown' }],
  ];
  it.each(cases)('%s', (line, expected) => {
    expect(parseStraceLine(line)).toMatchObject(expected);
  });
});
