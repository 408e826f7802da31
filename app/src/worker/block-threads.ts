import { readBlock, type BlockJob, type BlockRunner, type BlockSpare } from '../../../parsers/input/index.js';
import { spareOf, spareTransferList, type SegmentResult } from '../../../parsers/strace/segment-result.js';
import { createRangeReader, type BlockReply } from './block-messages.js';

/**
 * The threads that parse blocks of a big log in the app: the parse worker itself and block workers
 * (block-worker.ts, nested Web Workers it starts on first use), as many threads as defaultThreads says. The same schedule
 * as the CLI's worker threads (collector/parallel/block-workers.ts): a free block worker takes the next
 * block first, so that this worker stays free to stitch; this worker takes one when it is free too. The
 * block workers stay for the next big file (idle, they cost only their heap).
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

/** A runner over one File that says how many threads ended up parsing blocks. */
interface FileBlockRunner extends BlockRunner {
  threadsUsed(): number;
}

export interface BlockThreads {
  /** A runner reading the blocks of `file`, or null when there is one thread to parse on. */
  runnerFor(file: Blob, watch: BlockWatch): FileBlockRunner | null;
}

/**
 * A cap, not a measured optimum (this machine has 2 cores): each block worker costs its heap and spare
 * arrays, and the reads of the File and the stitching on the parse worker stay serial however many parse.
 */
const MAX_THREADS = 8;
/** Spare arrays kept per thread: one being filled, one waiting, one in flight. */
const SPARES = 3;

interface Slot {
  /** null: this worker. */
  worker: Worker | null;
  busy: boolean;
}

export class CancelledBlockError extends Error {}

/** `spawn` starts a block worker; `tuning` is read at each new file. */
export function createBlockThreads(spawn: () => Worker, tuning: () => BlockTuning): BlockThreads {
  const here: Slot = { worker: null, busy: false };
  const spares: BlockSpare[] = [];
  const slots: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  const replies = new Map<number, { resolve: (r: SegmentResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;

  /** Set when a block worker could not start (a browser without nested workers): this worker parses alone. */
  let noWorkers = false;

  function start(): Slot | null {
    let worker: Worker;
    try {
      worker = spawn();
    } catch {
      noWorkers = true;
      return null;
    }
    const slot: Slot = { worker, busy: false };
    worker.onmessage = (e: MessageEvent<BlockReply>) => {
      const msg = e.data;
      const reply = replies.get(msg.id);
      replies.delete(msg.id);
      release(slot);
      if ('result' in msg) reply?.resolve(msg.result);
      else reply?.reject(new Error(msg.error));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      // its block fails the load (a clear error, not a hang); the next file starts a fresh worker
      slots.splice(slots.indexOf(slot), 1);
      worker.terminate();
      for (const r of replies.values()) r.reject(new Error(`a block worker failed: ${e.message}`));
      replies.clear();
    };
    slots.push(slot);
    return slot;
  }

  function release(slot: Slot): void {
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  function acquire(threads: number): Promise<Slot> {
    const free =
      slots.find((s) => !s.busy) ??
      (slots.length < threads - 1 && !noWorkers ? start() : null) ??
      (!here.busy ? here : null);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  return {
    runnerFor(file, watch) {
      const { threads = defaultThreads(), blockBytes } = tuning();
      if (threads < 2) return null;
      const madeBy = new WeakMap<SegmentResult, Slot>();
      const used = new Set<Slot>();
      return {
        concurrency: threads,
        ...(blockBytes ? { blockBytes, minBytes: blockBytes } : {}),
        threadsUsed: () => used.size,
        async run(job: BlockJob) {
          if (watch.isCancelled()) throw new CancelledBlockError('Cancelled');
          const slot = await acquire(threads);
          let result: SegmentResult;
          try {
            result = slot.worker ? await runThere(slot.worker, file, job) : await runHere(file, job);
          } finally {
            if (!slot.worker) release(slot);
          }
          madeBy.set(result, slot);
          used.add(slot);
          watch.onBlock(job.end - job.start);
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
  };

  function runThere(worker: Worker, file: Blob, job: BlockJob): Promise<SegmentResult> {
    const id = nextId++;
    return new Promise<SegmentResult>((resolve, reject) => {
      replies.set(id, { resolve, reject });
      worker.postMessage({ id, file, job });
    });
  }

  async function runHere(file: Blob, job: BlockJob): Promise<SegmentResult> {
    // after the other blocks have been handed out (this parse is synchronous once the bytes are in)
    await new Promise((resolve) => setTimeout(resolve, 0));
    return readBlock(createRangeReader(file), job, spares.pop());
  }
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
