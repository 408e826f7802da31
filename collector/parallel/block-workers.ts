import { closeSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  createBlockPool,
  readBlock,
  type BlockJob,
  type BlockRunner,
  type BlockSpare,
  type BlockThread,
} from '../../parsers/input/index.js';
import { spareTransferList } from '../../parsers/strace/segment-result.js';
import { readRange } from './read-range.js';
import type { SegmentResult } from '../../parsers/strace/segment-result.js';

/**
 * The threads that parse blocks of big logs (parsers/input/block-pool.ts schedules them): this one and
 * a worker thread for each other core, started on first use. `close` ends them.
 */
export interface BlockWorkers {
  /**
   * A runner reading the blocks of the file at `path`. `last`: no file after this one is read in
   * blocks, so its last blocks are parsed on this thread while the workers end (BlockRunner.lastBlocks).
   */
  runnerFor(path: string, last?: boolean): BlockRunner;
  close(): Promise<void>;
}

/**
 * One block-parsing thread per core from three cores up; one thread (the streaming reader) below that.
 * The streaming reader is not single-core: libuv's threads read the file into fresh memory beside the
 * parser, and that kernel work is a third to a half of the whole (1.4-1.5 cores busy on 2 cores,
 * BENCHMARKS.md), while blocks cost about 30% more CPU (each thread reads its own, the main thread
 * stitches them). On two cores, measured side by side, blocks were never faster; from three they have
 * a core to spare. `SPELUNK_THREADS` overrides.
 */
export function parseThreads(): number {
  const forced = Number(process.env.SPELUNK_THREADS);
  if (Number.isInteger(forced) && forced > 0) return forced;
  const cores = availableParallelism();
  return cores >= MIN_BLOCK_CORES ? cores : 1;
}

const MIN_BLOCK_CORES = 3;

/**
 * `SPELUNK_BLOCK_BYTES`: the block size, which also becomes the size from which a log is read in
 * blocks (the tests set it tiny, to make many seams in small logs).
 */
export function blockBytesOverride(): { blockBytes: number; minBytes: number } | null {
  const forced = Number(process.env.SPELUNK_BLOCK_BYTES);
  return Number.isInteger(forced) && forced > 0 ? { blockBytes: forced, minBytes: forced } : null;
}

/**
 * Blocks a worker holds at a time: the one it parses and the next, queued in its messages, so that it
 * never waits for this thread (busy parsing a block of its own, or stitching) to hand it more work.
 */
const WORKER_DEPTH = 2;

export function createBlockWorkers(threads = parseThreads()): BlockWorkers {
  const workers: Worker[] = [];
  const ending: Promise<number>[] = [];
  const pool = createBlockPool<string>({
    threads,
    depth: WORKER_DEPTH,
    start() {
      const worker = spawnBlockWorker();
      workers.push(worker);
      return workerThread(worker, () => {
        const k = workers.indexOf(worker);
        if (k >= 0) workers.splice(k, 1);
        ending.push(worker.terminate());
      });
    },
    parseHere: parseBlockHere,
    yieldTurn: () => new Promise((resolve) => setImmediate(resolve)),
  });
  return {
    runnerFor(path, last = false) {
      const runner = pool.runner(path, blockBytesOverride() ?? {});
      // the last blocks of the last file parsed here, the workers ended meanwhile (BENCHMARKS.md)
      return last ? { ...runner, lastBlocks: () => pool.retire() } : runner;
    },
    async close() {
      await Promise.all([...ending, ...workers.splice(0).map((w) => w.terminate())]);
    },
  };
}

/** A worker thread as the pool sees it: blocks posted, results and errors matched to them by id. */
function workerThread(worker: Worker, end: () => void): BlockThread<string> {
  const replies = new Map<number, { resolve: (r: SegmentResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  worker.on('message', (msg: { id: number; result?: SegmentResult; error?: string }) => {
    const reply = replies.get(msg.id);
    replies.delete(msg.id);
    // idle (no block given, none queued): it must not keep the process alive
    if (replies.size === 0) worker.unref();
    if (msg.result) reply?.resolve(msg.result);
    else reply?.reject(new Error(msg.error ?? 'a block worker failed'));
  });
  worker.on('error', (e) => {
    for (const r of replies.values()) r.reject(e);
    replies.clear();
  });
  worker.unref();
  return {
    parse(path, job) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        replies.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, path, job });
      });
    },
    reuse(spare) {
      worker.postMessage({ spare }, spareTransferList(spare));
    },
    end,
  };
}

/** A block parsed on this thread. */
function parseBlockHere(path: string, job: BlockJob, spare: BlockSpare | undefined): Promise<SegmentResult> {
  const fd = openSync(path, 'r');
  return readBlock((start, end) => Promise.resolve(readRange(fd, start, end)), job, spare).finally(() =>
    closeSync(fd),
  );
}

/**
 * A block worker's young generation (V8's nursery: two semi-spaces and room for new large objects), in
 * MiB. Left to grow, it reaches 8 MiB of semi-spaces that are touched again and again while a block is
 * parsed (its old space adds 7); 3 keeps the worker's heap at 9 MiB instead of 15.5, and its objects
 * live for one line or one block, so the more frequent scavenges find little to keep (BENCHMARKS.md).
 */
const WORKER_YOUNG_MIB = 3;

/**
 * The bundled worker, dist/cli/block-worker.js (package.json build:cli makes it an entry), next to this
 * module's chunk; from the TypeScript sources (tests, bin/run-ts.js), a small
 * module that loads them through tsx first.
 */
function spawnBlockWorker(): Worker {
  const here = new URL(import.meta.url);
  const options = { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MIB } };
  if (here.pathname.endsWith('.js')) return new Worker(new URL('./block-worker.js', here), options);
  const tsx = new URL('../../node_modules/tsx/dist/esm/api/index.mjs', here);
  const source = new URL('./block-worker.ts', here);
  const boot = `import { register } from ${JSON.stringify(tsx.href)}; register(); await import(${JSON.stringify(source.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
