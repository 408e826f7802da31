import { describe, expect, it } from 'vitest';
import { selectFfSet } from '../../parsers/input/index.js';

describe('which files of a folder are its -ff set', () => {
  it('takes NAME.PID files of one prefix, in pid order, and leaves the rest out', () => {
    const names = ['trace.10', 'trace.9', 'session.json', 'trace.log', 'stdout.txt', 'trace.1234567'];
    expect(selectFfSet(names)).toEqual({
      ok: true,
      prefix: 'trace',
      members: ['trace.9', 'trace.10', 'trace.1234567'],
    });
  });

  it('does not take names that only end in digits: leading zeros, past PID_MAX, pid 0', () => {
    expect(selectFfSet(['notes.007', 'backup.20261204', 'x.0', 'x.4194305'])).toMatchObject({
      ok: false,
      message: 'holds no NAME.PID files (strace -ff output); name a log file',
    });
    expect(selectFfSet(['x.4194304'])).toMatchObject({ ok: true, members: ['x.4194304'] });
  });

  it('refuses two sets and names both, the larger first', () => {
    expect(selectFfSet(['notes.2024', 'pipe.7722', 'pipe.7721'], 'run')).toEqual({
      ok: false,
      message: 'holds 2 -ff sets, pipe.* (2), notes.* (1): name the files of one, e.g. "run/pipe.*"',
    });
  });
});
