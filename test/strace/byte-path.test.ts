/**
 * The byte fast path (parsers/strace/scan-line-bytes.ts) against the full scanner: on every line of every
 * real log and on generated lines, a line it accepts must read exactly as the full scanner reads it, and
 * whole logs pushed as bytes must give the same trace as the same logs pushed as text.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import { createStraceParser, parseStrace, parseStraceLine } from '../../parsers/strace/index.js';
import type { StraceLine } from '../../parsers/strace/index.js';
import { emptyLine } from '../../parsers/strace/parse-line.js';
import { ByteInterner, scanLineBytes } from '../../parsers/strace/scan-line-bytes.js';
import { CORPUS, straceLogs } from './corpus-files.js';

const latin1Bytes = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);

/** What the builder takes from a line: the fast path must agree on all of it. */
function builderView(l: StraceLine): Record<string, unknown> {
  return {
    kind: l.kind,
    name: l.name,
    pid: l.pid,
    bracketPid: l.bracketPid,
    comm: l.comm,
    absTs: l.absTs,
    timeOfDay: l.timeOfDay,
    relTs: l.relTs,
    nr: l.nr,
    ip: l.ip,
    argsStart: l.argsStart,
    argsEnd: l.argsEnd,
    argsEndedBy: l.argsEndedBy,
    died: l.died,
    retValue: l.retValue,
    hasRetPath: l.retPath !== null,
    errno: l.errno,
    dur: l.dur,
    end: l.end,
    code: l.code,
    core: l.core,
    stopped: l.stopped,
  };
}

const names = new ByteInterner();
const errnos = new ByteInterner();

/** The fast path's reading of one line, or null when it declines. */
function fastRead(line: string): StraceLine | null {
  const bytes = latin1Bytes(line + '\n');
  const out = emptyLine();
  const nl = scanLineBytes(bytes, 0, out, names, errnos);
  if (nl < 0) return null;
  expect(nl).toBe(line.length);
  return out;
}

function expectAgrees(line: string): boolean {
  const fast = fastRead(line);
  if (fast === null) return false;
  expect(builderView(fast), line).toEqual(builderView(parseStraceLine(line)));
  return true;
}

function parseBytesInChunks(bytes: Uint8Array, size: number): ReturnType<typeof parseStrace> {
  const p = createStraceParser();
  for (let i = 0; i < bytes.length; i += size) p.push(bytes.subarray(i, i + size));
  return p.end();
}

describe('the byte fast path', () => {
  const logs = straceLogs();

  it('reads every line it accepts, in every real log, as the full scanner does', () => {
    let accepted = 0;
    let lines = 0;
    for (const { path } of logs) {
      for (const line of readFileSync(path, 'latin1').split('\n')) {
        lines++;
        if (!line.includes('\r') && expectAgrees(line)) accepted++;
      }
    }
    // it has to carry the bulk of real logs, or the parser is back to the slow path
    expect(accepted / lines).toBeGreaterThan(0.6);
  });

  it.each([
    ['cat-ttt-y.log', 0.95],
    ['foo-host.log', 0.95],
    ['mt-f.log', 0.8],
  ])('takes most lines of %s', (name, share) => {
    const lines = readFileSync(CORPUS + name, 'latin1').split('\n');
    const calls = lines.filter((l) => ['call', 'unfinished', 'resumed'].includes(parseStraceLine(l).kind));
    const fast = calls.filter((l) => fastRead(l) !== null);
    expect(fast.length / calls.length).toBeGreaterThan(share);
  });

  it('gives the same trace from bytes as from text, for every real log and chunk size', () => {
    for (const { path } of logs) {
      const bytes = readFileSync(path);
      const text = bytes.toString('latin1');
      const expected = formatTraceDump(parseStrace(text));
      for (const size of [bytes.length || 1, 4096, 7])
        expect(formatTraceDump(parseBytesInChunks(bytes, size)), `${path} in chunks of ${size}`).toBe(
          expected,
        );
    }
  });

  it('gives the same trace when bytes and text are mixed', () => {
    const text = readFileSync(CORPUS + 'pipe-f-yy.log', 'latin1');
    const expected = formatTraceDump(parseStrace(text));
    const p = createStraceParser();
    const third = Math.floor(text.length / 3);
    p.push(latin1Bytes(text.slice(0, third)));
    p.push(text.slice(third, 2 * third));
    p.push(latin1Bytes(text.slice(2 * third)));
    expect(formatTraceDump(p.end())).toBe(expected);
  });

  it('keeps the text of every line, bytes above 0x7f included', () => {
    const line = 'write(1, "caf\xe9 \x80\x9f\xff", 8) = 8';
    const trace = parseBytesInChunks(latin1Bytes(`${line}\n${line}`), 5);
    expect(trace.rawLine(0)).toBe(line);
    expect(trace.rawLine(1)).toBe(line);
    expect(trace.name(1)).toBe('write');
  });

  it('agrees with the full scanner on generated lines, tricky ones included', () => {
    const pid = fc.constantFrom(
      '',
      '6502 ',
      '6502  ',
      '[pid  6606] ',
      '[pid 12] ',
      '99999999 ',
      '12<x> ',
      '[pid 7<sh>] ',
    );
    const time = fc.constantFrom(
      '',
      '1795913862.987084 ',
      '1795913862 ',
      '00:58:49.236786 ',
      '00:58:49 ',
      '01:01:48 (+     0.000073) ',
      '     0.000211 ',
      '0.5 ',
      '1.2.3 ',
      '12:3:45 ',
      '00:58:49.1234567890123456 ',
    );
    const nrIp = fc.constantFrom(
      '',
      '[  59] ',
      '[ 257] ',
      '[???] ',
      '[00007fd13fc323b8] ',
      '[  59] [00007fd13fc323b8] ',
      '[  59] [????????????????] ',
      '[0000000000401000] ',
      '[00401000] ',
      '[7fd13fc3] ',
      '[00007FD13FC323B8] ',
      '[12345678901234567] ',
      '[ 59]',
      '[0000zz] ',
    );
    const name = fc.constantFrom(
      'openat',
      'read',
      'clone3',
      'exit_group',
      '_llseek',
      'x1',
      '9p',
      'a'.repeat(70),
    );
    const arg = fc.oneof(
      fc.constantFrom(
        'AT_FDCWD',
        '"/etc/ld.so.cache"',
        '"a) = 5"',
        '"\\"quoted\\\\"',
        '"\\\\"',
        '"open',
        '3</etc/passwd>',
        '1</dev/null<char 1:3>>',
        '5<TCP:[127.0.0.1:46133->127.0.0.1:39958]>',
        '3</x (deleted)>',
        '/* 39 vars */',
        '/* open',
        '{st_mode=S_IFREG|0644, st_size=1}',
        '[{fd=3, events=POLLIN}]',
        '1 << 3',
        '<... resuming interrupted read ...>',
        '-100 /* AT_FDCWD */</cwd>',
        '0x7ffd4c0b1e40',
        '(',
        ']',
        '<',
        '>',
        'x<y',
      ),
      fc.string({ maxLength: 6 }),
    );
    const args = fc.array(arg, { maxLength: 4 }).map((a) => a.join(', '));
    const ret = fc.constantFrom(
      '0',
      '-1',
      '3',
      '-0',
      '0x7f1234567000',
      '0x10000000000000000',
      '022',
      '12345678901234567',
      '?',
      '1e5',
      '-0x10',
      '-',
    );
    const path = fc.constantFrom('', '</etc/hostname>', '<TCP:[1->2]>', '</x>(deleted)', '<open');
    const errno = fc.constantFrom(
      '',
      ' ENOENT (No such file or directory)',
      ' ERESTARTSYS (To be restarted if SA_RESTART is set)',
      ' EINTR (Interrupted (by signal))',
      ' EX',
      ' (errno 4000)',
    );
    const tail = fc.constantFrom(
      '',
      ' <0.000012>',
      ' <12>',
      ' <unavailable>',
      ' (INJECTED)',
      ' <0.1> ',
      'x',
      ' (flags O_RDONLY)',
    );
    const end = fc.constantFrom(
      ') = ',
      ' <unfinished ...>',
      ' <unfinished ...>) = ?',
      ' <detached ...>',
      ' <pid changed to 5 ...>',
      ')  = ',
      ')= ',
      '',
    );
    const line = fc
      .tuple(
        fc.tuple(pid, time, nrIp),
        fc.boolean(),
        name,
        args,
        end,
        ret,
        path,
        errno,
        tail,
        fc.constantFrom('', ' resumed> ', ' '),
      )
      .map(([[p, t, ni], resumed, n, a, e, r, pa, er, ta, odd]) => {
        const head = resumed ? `<... ${n} resumed>${odd === ' ' ? '' : odd}` : `${n}(`;
        const result = e.endsWith('= ') ? `${r}${pa}${er}${ta}` : '';
        return `${p}${t}${ni}${head}${a}${e}${result}`;
      });
    fc.assert(
      fc.property(line, (l) => {
        expectAgrees(l);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the full scanner on generated exit, kill and signal lines', () => {
    const prefix = fc.constantFrom(
      '',
      '6502  ',
      '[pid  6606] ',
      '9692<vf> ',
      '1795913862.987084 ',
      '00:58:49.1 ',
    );
    const body = fc.constantFrom(
      '+++ exited with 0 +++',
      '+++ exited with -1 +++',
      '+++ exited with 255 +++',
      '+++ exited with 12345678901234567 +++',
      '+++ exited with  +++',
      '+++ exited with 0 +++x',
      '+++ killed by SIGKILL +++',
      '+++ killed by SIGSEGV (core dumped) +++',
      '+++ killed by  +++',
      '+++ killed by SIG\tX +++',
      '+++ killed by SIG\xa0X +++',
      '+++ killed by SIGX (core dumped)+++',
      '+++ superseded by execve in pid 8936 +++',
      '--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6302, si_status=7} ---',
      '--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x8} ---',
      '--- SIGX ---',
      '--- SIG {x} ---',
      '--- SIGUSR1 {a} ---x',
      '--- SIGUSR1 {a} --- ---',
      '--- SIGCHLD (Child exited) @ 0 (0) ---',
      '--- 12 {x} ---',
      `--- SIG${'A'.repeat(31)} {x} ---`,
      `--- SIG${'A'.repeat(32)} {x} ---`,
      '--- stopped by SIGSTOP ---',
      '--- {si_signo=SIGSEGV} (Segmentation fault) ---',
    );
    fc.assert(
      fc.property(prefix, body, (p, b) => {
        expectAgrees(p + b);
      }),
      { numRuns: 2000 },
    );
    // the common ones are read on the fast path
    for (const line of [
      '6502  +++ exited with 0 +++',
      '--- SIGCHLD {si_signo=SIGCHLD} ---',
      '+++ killed by SIGKILL +++',
    ])
      expect(fastRead(line), line).not.toBeNull();
  });

  it('declines a line rather than read it differently, under random damage to real lines', () => {
    const real = readFileSync(CORPUS + 'pipe-f-yy.log', 'latin1')
      .split('\n')
      .filter((l) => l.length > 0);
    const damage = fc.record({
      line: fc.constantFrom(...real),
      at: fc.nat(),
      insert: fc.constantFrom(
        '"',
        '\\',
        '(',
        ')',
        '<',
        '>',
        ' ',
        '=',
        '/*',
        '*/',
        '\r',
        '\x00',
        '[',
        ']',
        'E',
        '0x',
        '\xe9',
      ),
      cut: fc.nat({ max: 3 }),
    });
    fc.assert(
      fc.property(damage, ({ line, at, insert, cut }) => {
        const i = at % (line.length + 1);
        const damaged = line.slice(0, i) + insert + line.slice(i + cut);
        if (!damaged.includes('\n')) expectAgrees(damaged);
      }),
      { numRuns: 5000 },
    );
  });
});
