/**
 * The schedule of block threads (parsers/input/block-pool.ts), shared by the CLI and the app, on a real
 * log: blocks spread over the threads it starts and the caller's, the trace one pass gives, a stitched
 * block's arrays back to the thread that made it; a thread whose block fails fails the read (no hang)
 * and takes no more blocks. The threads here are BlockThreads that parse on this thread, behind a
 * promise, as a worker does behind its messages; the CLI's worker threads and the app's Web Workers
 * run the same schedule in test/cli/parallel-cli.test.ts and test/e2e/parallel-parse.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import { createBlockPool, readBlock, type BlockSpare, type BlockThread } from '../../parsers/input/index.js';
import { parseInBlocks } from '../../parsers/input/parse-blocks.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { CORPUS } from '../strace/corpus-files.js';

const LOG = new Uint8Array(readFileSync(CORPUS + 'pipe-f-yy.log'));
const ONE_PASS = parseStrace(readFileSync(CORPUS + 'pipe-f-yy.log', 'latin1'));
const readFrom =
  (bytes: Uint8Array) =>
  (start: number, end: number): Promise<Uint8Array> =>
    Promise.resolve(bytes.slice(start, Math.min(end, bytes.length)));

/** A thread that parses its blocks after a turn of the event loop, and keeps what it is given back. */
function laterThread(failing = false): BlockThread<Uint8Array> & {
  parsed: number;
  spares: BlockSpare[];
  reused: number;
  ended: boolean;
  givenAfterEnd: number;
} {
  const thread = {
    parsed: 0,
    spares: [] as BlockSpare[],
    reused: 0,
    ended: false,
    givenAfterEnd: 0,
    async parse(bytes: Uint8Array, job: Parameters<typeof readBlock>[1]) {
      if (thread.ended) thread.givenAfterEnd++;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (failing) throw new Error('the block worker died');
      thread.parsed++;
      return readBlock(readFrom(bytes), job, thread.spares.pop());
    },
    reuse(spare: BlockSpare) {
      thread.reused++;
      thread.spares.push(spare);
    },
    end() {
      thread.ended = true;
    },
  };
  return thread;
}

/**
 * A pool of three threads (two laterThreads and this one), each block parsed here counted, and those
 * parsed here once `retired()` says so.
 */
function poolOfLaterThreads(retired: () => boolean = () => false) {
  const threads: ReturnType<typeof laterThread>[] = [];
  const parsedHere = { all: 0, afterRetire: 0 };
  const pool = createBlockPool<Uint8Array>({
    threads: 3,
    depth: 2,
    start: () => {
      const t = laterThread();
      threads.push(t);
      return t;
    },
    parseHere: (bytes, job, spare) => {
      parsedHere.all++;
      if (retired()) parsedHere.afterRetire++;
      return readBlock(readFrom(bytes), job, spare);
    },
    yieldTurn: () => new Promise((resolve) => setImmediate(resolve)),
  });
  return { pool, threads, parsedHere };
}

describe('the block pool', () => {
  it('spreads the blocks over the threads, and gives the trace one pass gives', async () => {
    const { pool, threads, parsedHere } = poolOfLaterThreads();
    const runner = pool.runner(LOG, { blockBytes: 4096, minBytes: 4096 });
    expect(runner.concurrency).toBe(5);
    const trace = await parseInBlocks(runner, { size: LOG.length }, 4096);
    const blocks = Math.ceil(LOG.length / 4096);
    expect(formatTraceDump(trace)).toBe(formatTraceDump(ONE_PASS));
    // two threads started (three in all), every block parsed once, by them first
    expect(pool.started).toHaveLength(2);
    expect(threads.reduce((n, t) => n + t.parsed, 0) + parsedHere.all).toBe(blocks);
    for (const t of threads) expect(t.parsed).toBeGreaterThan(0);
    expect(runner.threadsUsed()).toBeGreaterThanOrEqual(2);
    // stitched blocks' arrays went back to the threads that made them (not those of the last blocks,
    // when none is left to fill them)
    expect(threads.some((t) => t.reused > 0)).toBe(true);
  });

  it('once retired for the last blocks, parses them here and ends each thread when done with its own', async () => {
    let retired = false;
    const { pool, threads, parsedHere } = poolOfLaterThreads(() => retired);
    const runner = pool.runner(LOG, { blockBytes: 4096, minBytes: 4096 });
    let told = 0;
    const last = {
      ...runner,
      lastBlocks() {
        told++;
        retired = true;
        pool.retire();
      },
    };
    const trace = await parseInBlocks(last, { size: LOG.length }, 4096);
    expect(formatTraceDump(trace)).toBe(formatTraceDump(ONE_PASS));
    expect(told).toBe(1);
    // the threads took blocks before, none after they were ended; the last blocks were parsed here
    expect(threads).toHaveLength(2);
    for (const t of threads) {
      expect(t.parsed).toBeGreaterThan(0);
      expect(t.ended).toBe(true);
      expect(t.givenAfterEnd).toBe(0);
    }
    expect(parsedHere.afterRetire).toBeGreaterThan(0);
    expect(threads.reduce((n, t) => n + t.parsed, 0) + parsedHere.all).toBe(Math.ceil(LOG.length / 4096));
  });

  it('fails the read when a thread fails, and starts a fresh thread for the next one', async () => {
    let starts = 0;
    const pool = createBlockPool<Uint8Array>({
      threads: 2,
      depth: 1,
      start: () => laterThread(starts++ === 0),
      parseHere: (bytes, job, spare) => readBlock(readFrom(bytes), job, spare),
      yieldTurn: () => new Promise((resolve) => setImmediate(resolve)),
    });
    const sizes = { blockBytes: 4096, minBytes: 4096 };
    await expect(parseInBlocks(pool.runner(LOG, sizes), { size: LOG.length }, 4096)).rejects.toThrow(
      'the block worker died',
    );
    const trace = await parseInBlocks(pool.runner(LOG, sizes), { size: LOG.length }, 4096);
    expect(starts).toBe(2);
    expect(trace.count).toBe(ONE_PASS.count);
  });

  it('parses on the caller thread alone when no thread can start', async () => {
    const pool = createBlockPool<Uint8Array>({
      threads: 4,
      depth: 2,
      start: () => null,
      parseHere: (bytes, job, spare) => readBlock(readFrom(bytes), job, spare),
      yieldTurn: () => new Promise((resolve) => setImmediate(resolve)),
    });
    const runner = pool.runner(LOG, { blockBytes: 4096, minBytes: 4096 });
    const trace = await parseInBlocks(runner, { size: LOG.length }, 4096);
    expect(pool.started).toHaveLength(0);
    expect(runner.threadsUsed()).toBe(1);
    expect(trace.count).toBe(ONE_PASS.count);
  });
});
