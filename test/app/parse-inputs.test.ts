import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotATraceError, parseInputs } from '../../app/src/worker/parse-trace.js';
import { computeTextMatches, computeUnknownLines } from '../../app/src/worker/trace-queries.js';
import type { InputSource } from '../../app/src/worker/worker-protocol.js';
import { CORPUS } from '../corpus-path.js';

const never = { isCancelled: () => false, onBytes: () => {} };
const text = (path: string, name = path.slice(path.lastIndexOf('/') + 1)): InputSource => ({
  type: 'text',
  text: readFileSync(path, 'latin1'),
  name,
});

describe('the worker parse path', () => {
  it('parses a real strace log and an -ff set', async () => {
    const one = await parseInputs([text(`${CORPUS}/foo-chroot-fails.log`)], never);
    expect(one.count).toBe(125);
    const ff = await parseInputs(
      ['pipe.7721', 'pipe.7722', 'pipe.7723'].map((f) => text(`${CORPUS}/ff/${f}`)),
      never,
    );
    expect(new Set(Array.from(ff.columns.pid)).size).toBe(3);
  });

  it('recognises the collector bpftrace output and reads it with the bpftrace parser', async () => {
    const trace = await parseInputs([text('test/bpftrace/fixtures/threads.bpftrace.txt')], never);
    expect(trace.format.tracer).toBe('bpftrace');
    expect(trace.count).toBeGreaterThan(10);
  });

  it('says when a file is not a trace or is binary', async () => {
    await expect(
      parseInputs([{ type: 'text', text: 'hello\nworld\n', name: 'notes.txt' }], never),
    ).rejects.toThrow(NotATraceError);
    await expect(
      parseInputs([{ type: 'text', text: '\x7fELF\x02\x01\x01\0\0\0\0', name: 'a.out' }], never),
    ).rejects.toThrow(/binary/);
  });

  it('answers text search and lists unknown lines from the raw text', async () => {
    const trace = await parseInputs([text(`${CORPUS}/stderr-form.log`)], never);
    const hits = computeTextMatches(trace, 'LD.SO.CACHE');
    expect(hits.length).toBeGreaterThan(0);
    for (const i of hits) expect(trace.rawLine(i).toLowerCase()).toContain('ld.so.cache');
    const unknown = computeUnknownLines(trace, 50);
    expect(unknown.length).toBe(Math.min(50, trace.unknownCount));
  });
});
