/**
 * A "line" longer than any strace line (a binary without newlines, a joined file) must not crash the
 * parser on V8's 512 MiB string limit: it becomes an unknown event that says so, with its start kept,
 * and the lines after it still parse.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LINE } from '../../parsers/model/line-store.js';
import { createStraceParser } from '../../parsers/strace/index.js';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const CALL = 'read(3, "a", 1) = 1\n';

function expectOverlongThenCall(
  trace: ReturnType<ReturnType<typeof createStraceParser>['end']>,
  longLine: number,
) {
  expect(trace.kind(longLine - 1)).toBe('unknown');
  expect(trace.line(longLine - 1)).toBe(longLine);
  expect(trace.rawLine(longLine - 1)).toHaveLength(MAX_LINE);
  const d = trace.diagnostics.find((x) => x.line === longLine);
  expect(d?.message).toMatch(/longer than any strace line: only its first 64 MiB are kept/);
  expect(trace.name(longLine)).toBe('read');
  expect(trace.ret(longLine)).toBe(1);
}

describe('a line longer than MAX_LINE', () => {
  const pieces = Math.ceil((MAX_LINE + 10) / (1 << 20));
  const mib = new Uint8Array(1 << 20).fill(0x78);

  it('pushed as bytes over many chunks, becomes one unknown event and the next line still parses', () => {
    const p = createStraceParser();
    p.push(ascii(CALL));
    for (let i = 0; i < pieces; i++) p.push(mib);
    p.push(ascii('\n' + CALL));
    expectOverlongThenCall(p.end(), 2);
  });

  it('pushed as text over many chunks, the same', () => {
    const p = createStraceParser();
    const text = 'x'.repeat(1 << 20);
    p.push(CALL);
    for (let i = 0; i < pieces; i++) p.push(text);
    p.push('\n' + CALL);
    expectOverlongThenCall(p.end(), 2);
  });

  it('inside one chunk, the same', () => {
    const whole = new Uint8Array(CALL.length * 2 + MAX_LINE + 6);
    whole.set(ascii(CALL));
    whole.fill(0x78, CALL.length, CALL.length + MAX_LINE + 5);
    whole.set(ascii('\n' + CALL), CALL.length + MAX_LINE + 5);
    const p = createStraceParser();
    p.push(whole);
    expectOverlongThenCall(p.end(), 2);
  });

  it('at the end of the input with no newline, the same', () => {
    const p = createStraceParser();
    p.push(ascii(CALL));
    for (let i = 0; i < pieces; i++) p.push(mib);
    const trace = p.end();
    expect(trace.count).toBe(2);
    expect(trace.kind(1)).toBe('unknown');
    expect(trace.rawLine(1)).toHaveLength(MAX_LINE);
  });
});
