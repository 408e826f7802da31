import {
  createBlockPool,
  readBlock,
  type BlockJob,
  type BlockPool,
  type BlockThread,
  type PoolRunner,
} from '../../../parsers/input/index.js';
import { spareTransferList, type SegmentResult } from '../../../parsers/strace/segment-result.js';
import { createRangeReader, type BlockReply } from './block-messages.js';

/**
 * The threads that parse blocks of a big log in the app: the parse worker itself and block workers
 * (block-worker.ts, nested Web Workers it starts on first use), as many threads as defaultThreads says,
 * scheduled as the CLI's worker threads are (parsers/input/block-pool.ts): a free block worker takes the
 * next block first, so that this worker stays free to stitch; this worker takes one when it is free too.
 * The block workers stay for the next big file (idle, they cost only their heap).
 *
 * Why nested workers, not a second worker started by the page and joined by a MessageChannel: the page
 * is one classic script whose worker is a blob URL (file:// refuses module scripts and worker files), and
 * Vite revokes that blob URL as soon as the worker starts, so nothing can start a copy of it later. A
 * block worker inlined into the parse worker (`?worker&inline`) is a blob the parse worker makes itself,
 * which works the same from file://, from `spelunk serve` and in the standalone export; it is started only
 * when a big file arrives, and the page knows nothing of it. The cost: the parser's code is in the bundle
 * twice.
 */

/** Settings the page can give (tests and the benchmark force them; see main.tsx's query parameters). */
export interface BlockTuning {
  /** Threads in all, this worker included; 1 parses every file in one pass. */
  threads?: number;
  /** The block size, which also becomes the size from which a file is read in blocks. */
  blockBytes?: number;
}

/** What a load tells the runner and hears from it. */
interface BlockWatch {
  isCancelled(): boolean;
  /** A block of `bytes` bytes was parsed (for the progress bar). */
  onBlock(bytes: number): void;
}

export interface BlockThreads {
  /** A runner reading the blocks of `file`, or null when there is one thread to parse on. */
  runnerFor(file: Blob, watch: BlockWatch): PoolRunner | null;
}

/**
 * A cap, not a measured optimum (this machine has 2 cores): each block worker costs its heap and spare
 * arrays, and the reads of the File and the stitching on the parse worker stay serial however many parse.
 */
const MAX_THREADS = 8;

export class CancelledBlockError extends Error {}

/**
 * `spawn` starts a block worker; `tuning` is read at each new file. The schedule is the CLI's
 * (parsers/input/block-pool.ts), a block at a time on each block worker; the pool and its workers stay
 * for the next big file, and are made anew only when the thread count is changed.
 */
export function createBlockThreads(spawn: () => Worker, tuning: () => BlockTuning): BlockThreads {
  let current: { threads: number; pool: BlockPool<Blob>; workers: Worker[] } | null = null;

  function poolOf(threads: number): BlockPool<Blob> {
    if (current?.threads === threads) return current.pool;
    for (const w of current?.workers ?? []) w.terminate();
    const workers: Worker[] = [];
    const pool = createBlockPool<Blob>({
      threads,
      depth: 1,
      start() {
        let worker: Worker;
        try {
          worker = spawn();
        } catch {
          // a browser without nested workers: the parse worker parses alone
          return null;
        }
        workers.push(worker);
        return webWorkerThread(worker);
      },
      parseHere: (file, job, spare) => readBlock(createRangeReader(file), job, spare),
      yieldTurn: () => new Promise((resolve) => setTimeout(resolve, 0)),
    });
    current = { threads, pool, workers };
    return pool;
  }

  return {
    runnerFor(file, watch) {
      const { threads = defaultThreads(), blockBytes } = tuning();
      if (threads < 2) return null;
      const inner = poolOf(threads).runner(file, blockBytes ? { blockBytes, minBytes: blockBytes } : {});
      return {
        ...inner,
        async run(job: BlockJob) {
          if (watch.isCancelled()) throw new CancelledBlockError('Cancelled');
          const result = await inner.run(job);
          watch.onBlock(job.end - job.start);
          return result;
        },
      };
    },
  };
}

/**
 * A block worker as the pool sees it: blocks posted with the File (a handle, not a copy), results matched
 * to them by id. One that fails fails its blocks (a clear error, not a hang) and takes no more.
 */
function webWorkerThread(worker: Worker): BlockThread<Blob> {
  const replies = new Map<number, { resolve: (r: SegmentResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failed: Error | null = null;
  worker.onmessage = (e: MessageEvent<BlockReply>) => {
    const msg = e.data;
    const reply = replies.get(msg.id);
    replies.delete(msg.id);
    if ('result' in msg) reply?.resolve(msg.result);
    else reply?.reject(new Error(msg.error));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    failed = new Error(`a block worker failed: ${e.message}`);
    worker.terminate();
    for (const r of replies.values()) r.reject(failed);
    replies.clear();
  };
  return {
    parse(file, job) {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        replies.set(id, { resolve, reject });
        worker.postMessage({ id, file, job });
      });
    },
    reuse(spare) {
      if (!failed) worker.postMessage({ spare }, spareTransferList(spare));
    },
  };
}

/**
 * One thread per core but one, as the browser reports them: the browser process reads the File for the
 * threads (every read is a round trip to it), and that read is what bounds a load here. On this 2-core
 * machine two threads loaded a 96 MB log slower than one (BENCHMARKS.md, "In the app"): the reads and a
 * second parser fought over the same two cores. So 2 cores parse in one pass, 4 on three threads.
 */
function defaultThreads(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.min(MAX_THREADS, cores - 1);
}
