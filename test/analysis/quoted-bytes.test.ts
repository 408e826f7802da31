/**
 * The diagnosis passes that look at every call of a name (the other run's `openat` of one path) read
 * each call's first string from the log's bytes (quoted-bytes.ts). Over every corpus log and the
 * diagnosis suite's captures, read as the CLI reads them (bytes, in chunks), what they take from the
 * bytes must be exactly what firstString decodes, and equal bytes must be recognised as met.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../parsers/model/index.js';
import { createStraceParser } from '../../parsers/strace/index.js';
import { decodeStraceString } from '../../parsers/strace/args/index.js';
import { firstString } from '../../parsers/analysis/diagnosis/call-args.js';
import {
  SeenBytes,
  emptyQuotedBytes,
  firstQuotedBytes,
  hashText,
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
    let plain = 0;
    let escaped = 0;
    for (const path of LOGS) {
      const t = parseBytes(path);
      if (t.format.tracer !== 'strace') continue;
      for (let i = 0; i < t.count; i++) {
        if (t.kind(i) !== 'syscall' || !firstQuotedBytes(t, i, q)) continue;
        fast++;
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
    expect(plain).toBeGreaterThan(1000);
    expect(escaped).toBeGreaterThan(1000);
  });

  it('are met again exactly when the same bytes come under the same name', () => {
    const q = emptyQuotedBytes();
    let again = 0;
    for (const path of LOGS.slice(0, 40)) {
      const t = parseBytes(path);
      const seen = new SeenBytes();
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
