/**
 * The diagnosis passes that look at every call of a name (the other run's `openat` of one path, the
 * files of failing calls, the paths opened) read each call's strings from the log's bytes
 * (quoted-bytes.ts). Over every corpus log and the diagnosis suite's captures, read as the CLI reads
 * them (bytes, in chunks), what they take from the bytes must be exactly what the text readers give
 * (firstString, the line's first string, firstQuotedOfLine, the call text), and equal bytes must be
 * recognised as met.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../parsers/model/index.js';
import { createStraceParser } from '../../parsers/strace/index.js';
import { decodeStraceString } from '../../parsers/strace/args/index.js';
import { argsText, firstString } from '../../parsers/analysis/diagnosis/call-args.js';
import { firstQuotedOfLine } from '../../parsers/analysis/diff/call-text.js';
import { findStringEnd } from '../../parsers/strace/args/string-scan.js';
import {
  BytesMap,
  emptyQuotedBytes,
  firstQuotedBytes,
  hashText,
  lineMayHold,
  lineQuotesBytes,
  lineStringBytes,
} from '../../parsers/analysis/diagnosis/quoted-bytes.js';
import { CORPUS } from './diff-helpers.js';

const CASES = new URL('../diagnosis/cases/', import.meta.url).pathname;

function logsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bpf' ? [] : logsUnder(path);
    return /\.(log|txt)$/.test(name) || /^pipe\.\d+$/.test(name) ? [path] : [];
  });
}

/** A log parsed from its bytes in 64 KB chunks, as `readTrace` does with its 1 MB reads. */
function parseBytes(path: string): Trace {
  const bytes = readFileSync(path);
  const parser = createStraceParser({ fileName: path });
  for (let at = 0; at < bytes.length; at += 65536) parser.push(bytes.subarray(at, at + 65536));
  return parser.end();
}

const LOGS = [
  ...logsUnder(CORPUS),
  ...readdirSync(CASES).flatMap((c) =>
    readdirSync(join(CASES, c))
      .filter((name) => name.endsWith('.strace.log'))
      .map((name) => join(CASES, c, name)),
  ),
];

function latin1(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String.fromCharCode(bytes[k] as number);
  return s;
}

describe('first strings read from the bytes', () => {
  it('are what firstString decodes, on every call the fast path takes', () => {
    const q = emptyQuotedBytes();
    let fast = 0;
    let split = 0;
    let plain = 0;
    let escaped = 0;
    for (const path of LOGS) {
      const t = parseBytes(path);
      if (t.format.tracer !== 'strace') continue;
      for (let i = 0; i < t.count; i++) {
        if (t.kind(i) !== 'syscall' || !firstQuotedBytes(t, i, q)) continue;
        fast++;
        if ((t.columns.endLine[i] as number) > 0) split++;
        const want = firstString(t, i);
        const raw = latin1(q.bytes, q.from, q.to);
        if (q.plain) {
          plain++;
          expect(raw, `${path} event ${i}`).toBe(want);
          expect(q.hash).toBe(hashText(want));
        } else {
          escaped++;
          expect(decodeStraceString(raw), `${path} event ${i}`).toBe(want);
        }
      }
    }
    // the fast path is the common one, and both kinds of string occur
    expect(fast).toBeGreaterThan(20000);
    // calls split over two lines (`<unfinished ...>`, `<... resumed>`) are read from both
    expect(split).toBeGreaterThan(500);
    expect(plain).toBeGreaterThan(1000);
    expect(escaped).toBeGreaterThan(1000);
  });

  it("are the line's first string, and what lies between its first two quotes, as the line reads", () => {
    const q = emptyQuotedBytes();
    let strings = 0;
    let quotes = 0;
    for (const path of LOGS) {
      const t = parseBytes(path);
      if (t.format.tracer !== 'strace') continue;
      for (let i = 0; i < t.count; i++) {
        if (t.kind(i) !== 'syscall') continue;
        const line = t.rawLine(i);
        if (lineStringBytes(t, i, q)) {
          strings++;
          const open = line.indexOf('"');
          expect(latin1(q.bytes, q.from, q.to), `${path} event ${i}`).toBe(
            line.slice(open + 1, findStringEnd(line, open) - 1),
          );
        }
        if (lineQuotesBytes(t, i, q)) {
          quotes++;
          expect(latin1(q.bytes, q.from, q.to), `${path} event ${i}`).toBe(firstQuotedOfLine(t, i));
        }
      }
    }
    expect(strings).toBeGreaterThan(20000);
    expect(quotes).toBeGreaterThan(20000);
  });

  it('say a line lacks a text only when its call text lacks it', () => {
    let lacking = 0;
    let holding = 0;
    for (const path of LOGS) {
      const t = parseBytes(path);
      for (let i = 0; i < t.count; i++) {
        if (t.kind(i) !== 'syscall') continue;
        for (const text of ['CLONE_', '/etc/', 'O_RDONLY']) {
          const may = lineMayHold(t, i, text);
          if (!may) {
            lacking++;
            expect(argsText(t, i).includes(text), `${path} event ${i}: ${text}`).toBe(false);
          } else if (argsText(t, i).includes(text)) holding++;
        }
      }
    }
    expect(lacking).toBeGreaterThan(20000);
    expect(holding).toBeGreaterThan(1000);
  });

  it('are met again exactly when the same bytes come under the same name', () => {
    const q = emptyQuotedBytes();
    let again = 0;
    for (const path of LOGS.slice(0, 40)) {
      const t = parseBytes(path);
      const seen = new BytesMap<true>();
      const known = new Set<string>();
      for (let i = 0; i < t.count; i++) {
        if (t.kind(i) !== 'syscall' || !firstQuotedBytes(t, i, q)) continue;
        const group = t.columns.nameId[i] as number;
        const key = `${group} ${latin1(q.bytes, q.from, q.to)}`;
        expect(seen.met(group, q), `${path} event ${i}`).toBe(known.has(key));
        if (known.has(key)) again++;
        known.add(key);
      }
    }
    expect(again).toBeGreaterThan(1000);
  });
});
