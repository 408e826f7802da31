import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBpftrace, parseBpftraceLine, sniffBpftrace } from '../../parsers/bpftrace/index.js';
import type { SyscallEvent, TraceEvent } from '../../parsers/model/index.js';
import type { Trace } from '../../parsers/model/index.js';
import { CORPUS } from '../corpus-path.js';

// Real captures made by `spelunk collect --backend bpftrace` (bpftrace 0.17, kernel 6.18):
//   threads.bpftrace.txt              samples/src/threads.c (3 pthreads handing a token through a pipe), streamed
//   threads-buffered.bpftrace.txt     the same in the default buffered mode: calls printed from a map at END
//   pipeline-killed.bpftrace.txt      sh -c 'echo hi | tr a-z A-Z; kill -9 $$'
//   chroot-bind-unshare.bpftrace.txt  --unshare net,uts --bind /etc/hostname:/etc/hostname:ro -- cat /etc/hostname
//   fork-loop.bpftrace.txt            --runs host -- /bin/sh -c 'i=0; while [ $i -lt 51 ]; do /bin/true; i=$((i+1)); done'
const FIXTURES = new URL('./fixtures/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'latin1');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.bpftrace.txt'));

const syscalls = (t: Trace): SyscallEvent[] =>
  [...t.events()].filter((e): e is SyscallEvent => e.kind === 'syscall');

describe('parseBpftraceLine', () => {
  it.each([
    [
      'B 464532769873 1795916807.612858 200',
      { type: 'anchor', monoNs: 464532769873, epochSeconds: 1795916807.612858, strLimit: 200 },
    ],
    [
      'X 464547487144 464547511580 12460 12460 257 257 4 ls',
      {
        type: 'call',
        enterNs: 464547487144,
        exitNs: 464547511580,
        pid: 12460,
        tid: 12460,
        nrEnter: 257,
        nrExit: 257,
        ret: 4,
        comm: 'ls',
      },
    ],
    [
      'X 1 2 3 3 15 -1 -4 my prog',
      {
        type: 'call',
        enterNs: 1,
        exitNs: 2,
        pid: 3,
        tid: 3,
        nrEnter: 15,
        nrExit: -1,
        ret: -4,
        comm: 'my prog',
      },
    ],
    [
      'G 489547619364 13418 13418 231 0 true',
      { type: 'exit-call', ns: 489547619364, pid: 13418, tid: 13418, nr: 231, arg0: 0, comm: 'true' },
    ],
    [
      'I 464547488295 12460 12460 openat -100 s 0x80000 00',
      {
        type: 'ints',
        ns: 464547488295,
        pid: 12460,
        tid: 12460,
        name: 'openat',
        fields: ['-100', 's', '0x80000', '00'],
      },
    ],
    [
      'A 464547501045 12460 12460 openat 1 /a path/with spaces',
      {
        type: 'string',
        ns: 464547501045,
        pid: 12460,
        tid: 12460,
        name: 'openat',
        slot: '1',
        value: '/a path/with spaces',
      },
    ],
    [
      'A 1 2 2 execve 1.+ ',
      { type: 'string', ns: 1, pid: 2, tid: 2, name: 'execve', slot: '1.+', value: '' },
    ],
    [
      'S 310471622091 9777 9777 17 1 sh',
      { type: 'signal', ns: 310471622091, pid: 9777, tid: 9777, signo: 17, code: 1, comm: 'sh' },
    ],
    [
      'P 464551274876 12460 12460 512 ls',
      { type: 'task-exit', ns: 464551274876, pid: 12460, tid: 12460, status: 512, comm: 'ls' },
    ],
    ['@start[12460]: (464551257400, 231)', { type: 'pending', tid: 12460, enterNs: 464551257400, nr: 231 }],
    [
      '@x[11592, 1306896095633]: (1306896079219, 11592, 3, 3, 0, a, b)',
      {
        type: 'call',
        enterNs: 1306896079219,
        exitNs: 1306896095633,
        pid: 11592,
        tid: 11592,
        nrEnter: 3,
        nrExit: 3,
        ret: 0,
        comm: 'a, b',
      },
    ],
    ['@calls: 400127', { type: 'call-count', count: 400127 }],
    ['Lost 12 events', { type: 'lost', count: 12 }],
    ['Attaching 7 probes...', { type: 'header' }],
  ])('%s', (line, expected) => {
    expect(parseBpftraceLine(line)).toEqual(expected);
  });

  it('returns null for lines of other formats', () => {
    // From test/corpus/format/bpf/raw.ls.txt (the field guide's raw.bt): a different layout.
    expect(parseBpftraceLine('X 327523965536 15146 15146 bpftrace 0 8')).toBeNull();
    expect(parseBpftraceLine('execve("/bin/true", ["/bin/true"], 0x7ffd /* 39 vars */) = 0')).toBeNull();
  });
});

describe.each(fixtures)('%s', (name) => {
  const text = read(name);
  const trace = parseBpftrace(text, { fileName: name });

  it('is recognised without its file name', () => {
    expect(sniffBpftrace(text.slice(0, 4000))).toBe(true);
  });

  it('accounts for every line: no unknown events, every call line becomes one syscall', () => {
    expect(trace.unknownCount).toBe(0);
    // A new task's return from vfork/clone (enter time 0, return 0) is no call: strace prints none either.
    const childReturns = text
      .split('\n')
      .filter((l) => /^(@x\[.*: \(0, \d+, 0, |X 0 \d+ \d+ \d+ 0 )(56|57|58|435),? 0[, ]/.test(l)).length;
    const callLines = text.split('\n').filter((l) => /^([XG] |@x\[)/.test(l)).length - childReturns;
    const pending = text.split('\n').filter((l) => /^@start\[\d+\]: \(\d+, (?!60\)|231\))/.test(l)).length;
    expect(syscalls(trace).length).toBe(callLines + pending);
  });

  it('is in time order (bpftrace writes per-CPU buffers out of order)', () => {
    for (let i = 1; i < trace.count; i++)
      expect(trace.ts(i) ?? 0).toBeGreaterThanOrEqual(trace.ts(i - 1) ?? 0);
  });

  it('gives epoch times that line up with strace -ttt', () => {
    const t0 = trace.ts(0) ?? 0;
    expect(t0).toBeGreaterThan(1.7e9);
    expect(trace.format.tracer).toBe('bpftrace');
    expect(trace.format.timestamps).toBe('absolute');
  });

  it('attaches every argument line to a call', () => {
    expect(trace.diagnostics.filter((d) => d.code === 'unfinished-at-end')).toEqual([]);
  });

  it('parses the same after the lines are shuffled', () => {
    // Whole records: a string continued on the next line (the bind script passed to sh -c has newlines)
    // stays glued to its record, since bpftrace writes each printf in one piece.
    const lines: string[] = [];
    for (const l of text.split('\n')) {
      if (l === '') continue;
      if (/^([XGIASPB] \d|@start\[|@x\[|@calls: |Lost |Attaching )/.test(l) || lines.length === 0)
        lines.push(l);
      else lines[lines.length - 1] += `\n${l}`;
    }
    const summary = (t: Trace): string[] =>
      [...t.events()].map((e) => `${e.ts} ${e.pid} ${e.kind} ${'name' in e ? e.name : ''}`);
    const expected = summary(trace);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: lines.length, maxLength: lines.length }), (keys) => {
        const order = lines
          .map((l, i) => ({ l, k: keys[i] ?? 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.l);
        expect(summary(parseBpftrace(`${order.join('\n')}\n`))).toEqual(expected);
      }),
      { numRuns: 5, endOnFailure: true },
    );
  });
});

describe('what the captures show', () => {
  it('51 forks are 51 vforks, each in the shell, none a second resumed-only call in the child', () => {
    const trace = parseBpftrace(read('fork-loop.bpftrace.txt'));
    const events = syscalls(trace);
    const vforks = events.filter((e) => e.name === 'vfork');
    const shell = vforks[0]?.pid;
    expect(vforks).toHaveLength(51);
    expect(vforks.every((e) => e.pid === shell && e.status === undefined && Number(e.ret) > 0)).toBe(true);
    // the oracle: one child process per vfork, each exec'ing /bin/true
    const trues = events.filter(
      (e) => e.name === 'execve' && e.args[0]?.type === 'string' && e.args[0].value === '/bin/true',
    );
    expect(new Set(trues.map((e) => e.pid)).size).toBe(51);
    expect(new Set(vforks.map((e) => Number(e.ret)))).toEqual(new Set(trues.map((e) => e.pid)));
    // The only call caught half-way is the -c child's read, entered before tracing began.
    expect(events.filter((e) => e.status === 'resumed-only').map((e) => e.name)).toEqual(['read']);
  });

  it('chroot run: unshare, the bind mounts, chroot and the exec of the target, with their paths', () => {
    const events = syscalls(parseBpftrace(read('chroot-bind-unshare.bpftrace.txt')));
    const unshare = events.find((e) => e.name === 'unshare');
    expect(unshare?.args[0]).toMatchObject({ type: 'number', text: '0x44020000' }); // CLONE_NEWNET|CLONE_NEWUTS|CLONE_NEWNS
    const bind = events.find(
      (e) => e.name === 'mount' && e.args[0]?.type === 'string' && e.args[0].value === '/etc/hostname',
    );
    expect(bind?.args[3]).toMatchObject({ text: '0x1001', value: 0x1001 }); // MS_BIND|MS_RDONLY
    expect(bind?.ret).toBe('0');
    const chroot = events.find((e) => e.name === 'chroot');
    expect(chroot?.args[0]).toMatchObject({
      type: 'string',
      value: expect.stringMatching(/^\/tmp\/spelunk-rootfs-/),
    });
    const execs = events
      .filter((e) => e.name === 'execve')
      .map((e) => (e.args[0]?.type === 'string' ? e.args[0].value : ''));
    expect(execs.at(-1)).toBe('/usr/bin/cat');
    const cat = events.filter((e) => e.name === 'execve').at(-1);
    expect(cat?.args[1]).toMatchObject({ type: 'array', text: '["/usr/bin/cat", "/etc/hostname"]' });
    expect(cat?.comm).toBe('cat');
    // fd 4, not 3: bpftrace -c leaves one more fd open in its child (shared/strace-format.md §9.1).
    expect(
      events.some(
        (e) =>
          e.name === 'openat' &&
          e.args[1]?.type === 'string' &&
          e.args[1].value === '/etc/hostname' &&
          e.ret === '4',
      ),
    ).toBe(true);
  });

  it('failed calls carry the errno as strace names it', () => {
    const events = syscalls(parseBpftrace(read('chroot-bind-unshare.bpftrace.txt')));
    const preload = events.find((e) => e.name === 'access');
    expect(preload).toMatchObject({ ret: '-1', errno: 'ENOENT', errText: 'No such file or directory' });
    expect(preload?.args[0]).toMatchObject({ value: '/etc/ld.so.preload' });
  });

  it.each(['threads.bpftrace.txt', 'threads-buffered.bpftrace.txt'])(
    '%s: each thread is its own pid lane, created by clone3',
    (name) => {
      const trace = parseBpftrace(read(name));
      const events = syscalls(trace);
      const clones = events.filter((e) => e.name === 'clone3' && e.status !== 'resumed-only');
      expect(clones.length).toBe(3);
      const children = new Set(clones.map((e) => Number(e.ret)));
      const lanes = new Set(events.map((e) => e.pid));
      for (const tid of children) expect(lanes.has(tid)).toBe(true);
      // The new threads' own returns from clone3 (which they never entered) are no second call.
      expect(events.filter((e) => e.name === 'clone3')).toHaveLength(3);
    },
  );

  it('pipeline killed by SIGKILL: the children exit, the shell is killed, SIGCHLD arrives', () => {
    const trace = parseBpftrace(read('pipeline-killed.bpftrace.txt'));
    const all: TraceEvent[] = [...trace.events()];
    const first = all[0]?.pid;
    expect(all.filter((e) => e.kind === 'killed')).toEqual([
      expect.objectContaining({ pid: first, signal: 'SIGKILL', core: false }),
    ]);
    expect(all.filter((e) => e.kind === 'exit').map((e) => (e.kind === 'exit' ? e.code : -1))).toEqual([
      0, 0,
    ]);
    expect(all.some((e) => e.kind === 'signal' && e.signal === 'SIGCHLD')).toBe(true);
    const tr = all.find(
      (e) =>
        e.kind === 'syscall' &&
        e.name === 'execve' &&
        e.args[0]?.type === 'string' &&
        e.args[0].value.endsWith('/tr'),
    );
    expect(tr).toBeDefined();
  });
});

describe('robustness', () => {
  it('never throws, and keeps unknown lines as unknown events', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const t = parseBpftrace(s);
        for (let i = 0; i < t.count; i++) t.event(i);
      }),
      { numRuns: 300 },
    );
  });

  it('joins a path that contains a newline (str() output is not escaped)', () => {
    const text = [
      'B 1000 1700000000.000000 200',
      'I 2000 7 7 openat -100 s 0x0 00',
      'A 2001 7 7 openat 1 /tmp/a',
      'b',
      'X 1999 3000 7 7 257 257 -2 cat',
    ].join('\n');
    const t = parseBpftrace(text);
    expect(t.unknownCount).toBe(0);
    expect(syscalls(t)[0]?.args[1]).toMatchObject({ value: '/tmp/a\nb', text: '"/tmp/a\\nb"' });
  });

  it('reports calls the buffer map had no room for', () => {
    const t = parseBpftrace(
      'B 1000 1700000000.000000 200\n@calls: 3\n@x[7, 3000]: (2000, 7, 0, 0, 1, cat)\n@calls: 0\n',
    );
    expect([...t.events()].map((e) => e.kind)).toEqual(['syscall', 'message']);
    expect(t.event(1)).toMatchObject({ kind: 'message', text: 'bpftrace lost 2 events' });
  });

  it('marks a call still running when tracing stopped as unfinished', () => {
    const t = parseBpftrace(
      'B 1000 1700000000.000000 200\nI 2000 7 7 openat -100 s 0x0 00\nA 2001 7 7 openat 1 /fifo\n@start[7]: (1999, 257)\n',
    );
    expect(syscalls(t)).toEqual([expect.objectContaining({ name: 'openat', status: 'unfinished', pid: 7 })]);
    expect(t.diagnostics[0]?.code).toBe('unfinished-at-end');
  });

  it('does not take strace logs or the field guide raw.bt output for its own', () => {
    expect(sniffBpftrace(readFileSync(`${CORPUS}/true-plain.log`, 'latin1'))).toBe(false);
    const raw = readFileSync(`${CORPUS}/format/bpf/raw.ls.txt`, 'latin1');
    expect(sniffBpftrace(raw)).toBe(false);
    const t = parseBpftrace(raw);
    expect(t.unknownCount).toBe(raw.split('\n').filter((l) => l !== '' && !l.startsWith('Attaching')).length);
  });
});
