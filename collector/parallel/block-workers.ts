import { closeSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readBlock, type BlockJob, type BlockRunner, type BlockSpare } from '../../parsers/input/index.js';
import { spareOf, spareTransferList } from '../../parsers/strace/segment-result.js';
import { readRange } from './read-range.js';
import type { SegmentResult } from '../../parsers/strace/segment-result.js';

/**
 * The threads that parse blocks of big logs (parsers/input/parse-blocks.ts schedules them): this one and
 * a worker thread for each other core, started on first use. This thread takes a block when it is free
 * like the workers do (it also stitches them), which spares one worker's memory. `close` ends them.
 */
export interface BlockWorkers {
  /** A runner reading the blocks of the file at `path`. */
  runnerFor(path: string): BlockRunner;
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

interface Slot {
  /** null: this thread. */
  worker: Worker | null;
  /** Blocks given and not yet returned. */
  jobs: number;
}

/**
 * Blocks a worker holds at a time: the one it parses and the next, queued in its messages, so that it
 * never waits for this thread (busy parsing a block of its own, or stitching) to hand it more work.
 */
const WORKER_DEPTH = 2;

/** Spare arrays kept per thread: one being filled, one waiting, one in flight. */
const SPARES = 3;

export function createBlockWorkers(threads = parseThreads()): BlockWorkers {
  const here: Slot = { worker: null, jobs: 0 };
  const spares: BlockSpare[] = [];
  const madeBy = new WeakMap<SegmentResult, Slot>();
  const slots: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  const replies = new Map<number, { resolve: (r: SegmentResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;

  function start(): Slot {
    const worker = spawnBlockWorker();
    const slot: Slot = { worker, jobs: 0 };
    worker.on('message', (msg: { id: number; result?: SegmentResult; error?: string }) => {
      const reply = replies.get(msg.id);
      replies.delete(msg.id);
      release(slot);
      if (msg.result) reply?.resolve(msg.result);
      else reply?.reject(new Error(msg.error ?? 'a block worker failed'));
    });
    worker.on('error', (e) => {
      for (const r of replies.values()) r.reject(e);
      replies.clear();
    });
    // an idle worker must not keep the process alive
    worker.unref();
    slots.push(slot);
    return slot;
  }

  function release(slot: Slot): void {
    const next = waiting.shift();
    if (next) next(slot);
    else slot.jobs--;
  }

  /** A worker with room first (so that this thread stays free to stitch), else this thread. */
  function acquire(): Promise<Slot> {
    const free =
      slots.find((s) => s.jobs < WORKER_DEPTH) ??
      (slots.length < threads - 1 ? start() : here.jobs === 0 ? here : null);
    if (free) {
      free.jobs++;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  return {
    runnerFor(path) {
      return {
        concurrency: 1 + (threads - 1) * WORKER_DEPTH,
        ...blockBytesOverride(),
        async run(job: BlockJob) {
          const slot = await acquire();
          if (!slot.worker) {
            // here: after the other blocks have been handed out, then synchronously
            await new Promise((resolve) => setImmediate(resolve));
            try {
              const result = await parseBlockHere(path, job, spares.pop());
              madeBy.set(result, here);
              return result;
            } finally {
              release(slot);
            }
          }
          const worker = slot.worker;
          const id = nextId++;
          const result = await new Promise<SegmentResult>((resolve, reject) => {
            replies.set(id, { resolve, reject });
            worker.ref();
            worker.postMessage({ id, path, job });
          }).finally(() => {
            // idle (no block given, none queued): it must not keep the process alive
            if (slot.jobs === 0) worker.unref();
          });
          madeBy.set(result, slot);
          return result;
        },
        recycle(result) {
          // the arrays go back to the thread that made them, for its next block
          const slot = madeBy.get(result);
          const spare = spareOf(result);
          if (slot === here && spares.length < SPARES) spares.push(spare);
          else if (slot?.worker) slot.worker.postMessage({ spare }, spareTransferList(spare));
        },
      };
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker?.terminate()));
      slots.length = 0;
    },
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
 * The bundled worker, dist/cli/block-worker.js (package.json build:cli makes it an entry), next to this
 * module's chunk; from the TypeScript sources (tests, bin/run-ts.js), a small
 * module that loads them through tsx first.
 */
function spawnBlockWorker(): Worker {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.js')) return new Worker(new URL('./block-worker.js', here));
  const tsx = new URL('../../node_modules/tsx/dist/esm/api/index.mjs', here);
  const source = new URL('./block-worker.ts', here);
  const boot = `import { register } from ${JSON.stringify(tsx.href)}; register(); await import(${JSON.stringify(source.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}
