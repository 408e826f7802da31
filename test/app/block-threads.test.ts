import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import type { Trace } from '../../parsers/model/index.js';
import { createBlockThreads } from '../../app/src/worker/block-threads.js';
import { parseInputs } from '../../app/src/worker/parse-trace.js';
import { CORPUS } from '../corpus-path.js';

/**
 * The app's block path without a browser: a File read in blocks by the parse worker's runner
 * (app/src/worker/block-threads.ts), its ranges read from the File as the block workers read them
 * (block-messages.ts, with the read past the block's end that serves its last line), stitched by
 * parsers/input. Node has no Web Worker, so the runner parses every block itself, as in a browser with
 * no nested workers; the browser with its block worker is test/e2e/parallel-parse.e2e.test.ts.
 */

function onePass(file: File): Promise<Trace> {
  return parseInputs([{ type: 'file', file }], { isCancelled: () => false, onBytes: () => {} });
}

async function inBlocks(
  file: File,
  blockBytes: number,
): Promise<{ trace: Trace; bytes: number; threads: number }> {
  const blockThreads = createBlockThreads(
    () => {
      throw new Error('no Web Worker in Node');
    },
    () => ({ threads: 2, blockBytes }),
  );
  let bytes = 0;
  let threads = 0;
  const trace = await parseInputs([{ type: 'file', file }], {
    isCancelled: () => false,
    onBytes: (n) => (bytes += n),
    blockThreads,
    onThreads: (n) => (threads = n),
  });
  return { trace, bytes, threads };
}

function expectSameTrace(got: Trace, want: Trace): void {
  const g = got.columns;
  const w = want.columns;
  expect(g.count).toBe(w.count);
  for (const key of Object.keys(w) as (keyof typeof w)[])
    if (key !== 'count')
      expect(Array.from(g[key] as ArrayLike<number>), key).toEqual(Array.from(w[key] as ArrayLike<number>));
  expect(got.names).toEqual(want.names);
  expect(got.diagnostics).toEqual(want.diagnostics);
  expect(formatTraceDump(got)).toBe(formatTraceDump(want));
}

describe('a File parsed in blocks by the app worker', () => {
  it('gives the one-pass trace of real logs, with a seam every few kB', async () => {
    for (const name of ['pipe-f-yy.log', 'stack-k.log', 'foo-chroot-fails.log']) {
      const file = new File([readFileSync(`${CORPUS}/${name}`)], name);
      const want = await onePass(file);
      for (const block of [1000, 4096]) {
        const got = await inBlocks(file, block);
        expectSameTrace(got.trace, want);
        // the progress bar reaches the file's size, once
        expect(got.bytes).toBe(file.size);
        expect(got.threads).toBe(1);
      }
    }
  });

  it('reads a line longer than what a block reads past its end', async () => {
    // `strace -s 100000` of a program writing 100 kB at once: one line of 400 kB of escapes
    const log = readFileSync(`${CORPUS}/foo-chroot-fails.log`, 'latin1').split('\n');
    // with the pid and time of the line before it (`7657  01:35:15.384193`)
    const long = `${log[19]?.slice(0, 21)} write(1, "${'\\x41'.repeat(100_000)}", 100000) = 100000 <0.000010>`;
    const text = [...log.slice(0, 20), long, ...log.slice(20)].join('\n');
    const file = new File([Buffer.from(text, 'latin1')], 'long-line.log');
    const want = await onePass(file);
    expect(want.unknownCount).toBe(0);
    for (const block of [4096, 65536, 300_000]) expectSameTrace((await inBlocks(file, block)).trace, want);
  });
});
