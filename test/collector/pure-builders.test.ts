import { describe, expect, it } from 'vitest';
import { buildStraceArgv } from '../../collector/tracers/strace-argv.js';
import {
  BIND_SCRIPT,
  buildChrootCommand,
  buildHostCommand,
  parseBindSpec,
  parseNamespaces,
} from '../../collector/run-chain.js';
import { parseTraceSet } from '../../collector/tracers/trace-set.js';

const tools = {
  env: '/usr/bin/env',
  unshare: '/usr/bin/unshare',
  chroot: '/usr/sbin/chroot',
  mount: '/usr/bin/mount',
  sh: '/usr/bin/sh',
};

describe('buildStraceArgv', () => {
  it('follows children, stamps epoch time, durations, fd paths, long strings, to a file', () => {
    expect(
      buildStraceArgv({ strace: '/usr/bin/strace', logFile: '/s/host.strace.log', command: ['/bin/true'] }),
    ).toEqual([
      '/usr/bin/strace',
      '-f',
      '-ttt',
      '-T',
      '-yy',
      '-s',
      '4096',
      '-o',
      '/s/host.strace.log',
      '--',
      '/bin/true',
    ]);
  });

  it('uses a seccomp filter when a trace set is given', () => {
    const argv = buildStraceArgv({
      strace: 'strace',
      logFile: 'l',
      trace: '%process,%file,chroot',
      command: ['x'],
    });
    expect(argv.slice(-5)).toEqual(['--seccomp-bpf', '-e', 'trace=%process,%file,chroot', '--', 'x']);
  });

  it('keeps paths with spaces and quotes as single argv elements', () => {
    const argv = buildStraceArgv({
      strace: 'strace',
      logFile: "/tmp/my 'dir'/log",
      command: ['/opt/a b/prog', 'x "y"'],
    });
    expect(argv).toContain("/tmp/my 'dir'/log");
    expect(argv.slice(-2)).toEqual(['/opt/a b/prog', 'x "y"']);
  });
});

describe('run chains', () => {
  const program = ['/bin/true', 'arg one'];
  it('runs the host program as is, or behind env', () => {
    expect(buildHostCommand({ program, envClear: false, env: [], tools })).toEqual(program);
    expect(buildHostCommand({ program, envClear: true, env: ['A=1'], tools })).toEqual([
      '/usr/bin/env',
      '-i',
      '--',
      'A=1',
      ...program,
    ]);
  });

  it('puts env, namespaces, binds and chroot in that order', () => {
    const argv = buildChrootCommand({
      program,
      envClear: true,
      env: ['PATH=/bin'],
      tools,
      rootDir: '/tmp/root dir',
      unshare: ['net', 'pid'],
      binds: [{ source: '/etc/hostname', target: '/etc/hostname', readOnly: true }],
    });
    expect(argv).toEqual([
      '/usr/bin/env',
      '-i',
      '--',
      'PATH=/bin',
      '/usr/bin/unshare',
      '--net',
      '--pid',
      '--fork',
      '--mount',
      '--',
      '/usr/bin/sh',
      '-c',
      BIND_SCRIPT,
      'sh',
      '/usr/bin/mount',
      '/etc/hostname',
      '/tmp/root dir/etc/hostname',
      'ro',
      '--',
      '/usr/sbin/chroot',
      '/tmp/root dir',
      '/bin/true',
      'arg one',
    ]);
  });

  it('is just chroot when nothing else is asked', () => {
    expect(
      buildChrootCommand({ program, envClear: false, env: [], tools, rootDir: '/r', unshare: [], binds: [] }),
    ).toEqual(['/usr/sbin/chroot', '/r', ...program]);
  });

  it('maps user namespaces to root so chroot is allowed', () => {
    const argv = buildChrootCommand({
      program,
      envClear: false,
      env: [],
      tools,
      rootDir: '/r',
      unshare: ['user'],
      binds: [],
    });
    expect(argv.slice(0, 4)).toEqual(['/usr/bin/unshare', '--user', '--map-root-user', '--']);
  });

  it('parses --bind and --unshare, with errors as text', () => {
    expect(parseBindSpec('/etc/hostname:/etc/hostname:ro')).toEqual({
      source: '/etc/hostname',
      target: '/etc/hostname',
      readOnly: true,
    });
    expect(parseBindSpec('/data')).toEqual({ source: '/data', target: '/data', readOnly: false });
    expect(parseBindSpec('/a:b')).toMatch(/DST must be an absolute path/);
    expect(parseNamespaces('net,uts')).toEqual(['net', 'uts']);
    expect(parseNamespaces('net,time')).toMatch(/unknown namespace "time"/);
  });
});

describe('parseTraceSet (bpftrace backend)', () => {
  it('turns names, negation and classes into x86_64 numbers', () => {
    expect(parseTraceSet('execve,openat')).toEqual({ include: new Set([59, 257]), exclude: null });
    expect(parseTraceSet('!read,write')).toEqual({ include: null, exclude: new Set([0, 1]) });
    const file = parseTraceSet('%file');
    expect(typeof file !== 'string' && file.include?.has(257) && file.include.has(161)).toBe(true);
  });

  it('names what it cannot do', () => {
    expect(parseTraceSet('frobnicate')).toMatch(/unknown syscall "frobnicate"/);
    expect(parseTraceSet('/^open')).toMatch(/only with --backend strace/);
    expect(parseTraceSet('%desc')).toMatch(/knows the classes/);
  });
});
