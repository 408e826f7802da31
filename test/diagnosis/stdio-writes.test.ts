import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../parsers/model/index.js';
import { createStraceParser, parseStrace } from '../../parsers/strace/index.js';
import { leadingNumber, mayWriteToStdio } from '../../parsers/analysis/diagnosis/call-args.js';
import { CORPUS } from '../analysis/diff-helpers.js';
import { CASES_DIR } from './load-cases.js';

/**
 * A run's output is read from its writes to fd 1 and 2; the others are passed over by a look at the
 * line's first argument. That look must never pass over a write whose call text starts with 1 or 2.
 */
function check(trace: Trace): number {
  let writes = 0;
  for (let i = 0; i < trace.count; i++) {
    if (trace.kind(i) !== 'syscall' || !trace.name(i).startsWith('write')) continue;
    writes++;
    const fd = leadingNumber(trace, i);
    if (fd === 1 || fd === 2) expect(mayWriteToStdio(trace, i)).toBe(true);
    else if (!mayWriteToStdio(trace, i)) expect(fd === 1 || fd === 2).toBe(false);
  }
  return writes;
}

function asBytes(text: string): Trace {
  const parser = createStraceParser({ fileName: 'bytes.log' });
  parser.push(Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff));
  return parser.end();
}

const LOGS = [
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.log'))
    .map((f) => CORPUS + f),
  ...readdirSync(CASES_DIR).flatMap((c) =>
    readdirSync(`${CASES_DIR}/${c}`)
      .filter((f) => f.endsWith('.strace.log'))
      .map((f) => `${CASES_DIR}/${c}/${f}`),
  ),
];

describe('writes to stdout and stderr', () => {
  it('are never passed over, on real logs read as text and as bytes', () => {
    let writes = 0;
    for (const path of LOGS) {
      const text = readFileSync(path, 'latin1');
      writes += check(parseStrace(text, { fileName: path }));
      writes += check(asBytes(text));
    }
    expect(writes).toBeGreaterThan(1000);
  });

  it('are never passed over, whatever the first argument looks like', () => {
    const arg = fc.constantFrom(
      '1',
      '2',
      '12',
      '21',
      '3',
      '-1',
      ' 1',
      '\t2',
      '1<pipe:[5]>',
      '2</dev/pts/0>',
      '',
      'x',
    );
    const rest = fc.constantFrom(', "hi\\n", 3) = 3', ' <unfinished ...>', ', "a", 1', ')');
    fc.assert(
      fc.property(fc.array(fc.tuple(arg, rest), { minLength: 1, maxLength: 6 }), (calls) => {
        const lines = calls.map(([a, r], k) => `${100 + k} write(${a}${r}`);
        const text = lines.join('\n') + '\n';
        check(parseStrace(text, { fileName: 'gen.log' }));
        check(asBytes(text));
      }),
      { numRuns: 300 },
    );
  });
});
