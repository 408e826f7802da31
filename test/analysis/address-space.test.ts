import { describe, expect, it } from 'vitest';
import { formatMapping, mapRange, protectRange, unmapRange } from '../../parsers/analysis/address-ranges.js';
import type { Mapping } from '../../parsers/analysis/address-ranges.js';
import { compareMappedFiles, computeAddressSpace } from '../../parsers/analysis/address-space.js';
import { loadLog } from './diff-helpers.js';

describe('address space', () => {
  it('replays what the loader mapped for a dynamically linked program (foo on the host)', () => {
    const [space, ...rest] = computeAddressSpace(loadLog('corpus:foo-host.log'));
    expect(rest).toHaveLength(0);
    expect(space?.program).toBe('./foo');
    // brk(NULL), brk(NULL), brk(0x55675a79d000): the heap grows by 0x21000 bytes.
    expect(space?.brk.map((b) => b.value.toString(16))).toEqual([
      '55675a77c000',
      '55675a77c000',
      '55675a79d000',
    ]);
    expect(space?.brk.map((b) => b.line)).toEqual([2, 33, 34]);
    // libc mapped as four file-backed pieces; the relro page made read-only by mprotect (line 25)
    // splits the data mapping; ld.so.cache was unmapped again (line 29).
    expect(space?.mappings.map(formatMapping)).toEqual([
      '0x7f1cefd04000-0x7f1cefd07000 rw- [anon]',
      '0x7f1cefd07000-0x7f1cefd2d000 r-- /lib/x86_64-linux-gnu/libc.so.6+0x0',
      '0x7f1cefd2d000-0x7f1cefe83000 r-x /lib/x86_64-linux-gnu/libc.so.6+0x26000',
      '0x7f1cefe83000-0x7f1cefed6000 r-- /lib/x86_64-linux-gnu/libc.so.6+0x17c000',
      '0x7f1cefed6000-0x7f1cefeda000 r-- /lib/x86_64-linux-gnu/libc.so.6+0x1cf000',
      '0x7f1cefeda000-0x7f1cefedc000 rw- /lib/x86_64-linux-gnu/libc.so.6+0x1d3000',
      '0x7f1cefedc000-0x7f1cefee9000 rw- [anon]',
      '0x7f1cefef3000-0x7f1cefef5000 rw- [anon]',
    ]);
    expect(space?.ops.find((o) => o.op === 'munmap')?.line).toBe(29);
  });

  it('takes the file from -y decorations when the log has them', () => {
    const [space] = computeAddressSpace(loadLog('corpus:cat-ttt-y.log'));
    const files = new Set(space?.mappings.map((m) => m.file));
    expect(files.has('/usr/lib/x86_64-linux-gnu/libc.so.6')).toBe(true);
    expect(files.has('/usr/lib/locale/C.utf8/LC_CTYPE')).toBe(true);
  });

  it('keeps one space per image: a pipeline has separate spaces for sh, tr and cat', () => {
    const spaces = computeAddressSpace(loadLog('corpus:pipe-f-yy.log'));
    const programs = spaces.filter((s) => s.ops.length > 0).map((s) => s.program);
    expect(programs).toEqual(['/usr/bin/sh', '/usr/bin/tr', '/usr/bin/cat']);
  });

  it('shows where the chroot run differs: ld.so.cache mapped on the host only, nothing after a failed exec', () => {
    const host = computeAddressSpace(loadLog('corpus:foo-host.log'))[0];
    const works = computeAddressSpace(loadLog('corpus:foo-chroot-works.log')).find(
      (s) => s.program === '/foo',
    );
    expect(host && works).toBeTruthy();
    if (!host || !works) return;
    // Same libc at the same path inside the rootfs; but the rootfs has no /etc/ld.so.cache, so only
    // the host maps it (the chroot's loader searches the library directories instead).
    expect(compareMappedFiles(host, works)).toEqual({ onlyA: ['/etc/ld.so.cache'], onlyB: [] });
    const fails = computeAddressSpace(loadLog('corpus:foo-chroot-fails.log'));
    expect(fails.find((s) => s.program === '/foo')).toBeUndefined();
  });
});

describe('mapping ranges', () => {
  const m = (start: number, end: number, prot = 'PROT_READ'): Mapping => ({
    start,
    end,
    prot,
    flags: '',
    file: 'f',
    offset: 0,
    event: 0,
    line: 0,
  });

  it('splits on munmap and mprotect, replaces on an overlapping map', () => {
    const t = [m(0x1000, 0x5000)];
    expect(unmapRange(t, 0x2000, 0x3000).map((x) => [x.start, x.end, x.offset])).toEqual([
      [0x1000, 0x2000, 0],
      [0x3000, 0x5000, 0x2000],
    ]);
    expect(protectRange(t, 0x2000, 0x3000, 'PROT_NONE').map((x) => [x.start, x.end, x.prot])).toEqual([
      [0x1000, 0x2000, 'PROT_READ'],
      [0x2000, 0x3000, 'PROT_NONE'],
      [0x3000, 0x5000, 'PROT_READ'],
    ]);
    expect(mapRange(t, m(0x4000, 0x6000, 'PROT_WRITE')).map((x) => [x.start, x.end, x.prot])).toEqual([
      [0x1000, 0x4000, 'PROT_READ'],
      [0x4000, 0x6000, 'PROT_WRITE'],
    ]);
  });
});
