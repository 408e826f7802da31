import { spareOf, type SegmentResult } from '../strace/segment-result.js';
import type { BlockJob, BlockRunner, BlockSpare } from './parse-blocks.js';

/**
 * The schedule of the threads that parse a big log's blocks, the same in the CLI (worker threads,
 * collector/parallel/) and the app (nested Web Workers, app/src/worker/): the caller's own thread and
 * others it starts on first use. A thread with room takes the next block first, so that the caller's
 * thread stays free to stitch; the caller's thread takes one when it is free too. A stitched block's
 * arrays go back to the thread that made them, to be filled again. Pure: the caller says how a thread
 * starts, how a block travels to it, and how one is parsed here.
 */

/** A thread that parses blocks of a source S elsewhere (a worker); several blocks may be queued on it. */
export interface BlockThread<S> {
  parse(source: S, job: BlockJob): Promise<SegmentResult>;
  /** Takes back the arrays of a block it made (see BlockRunner.recycle). */
  reuse(spare: BlockSpare): void;
  /** Ends the thread, which holds no block (the pool was retired, see BlockPool.retire). */
  end?(): void;
}

export interface BlockPoolOptions<S> {
  /** Threads in all, the caller's included. */
  threads: number;
  /** Blocks another thread holds at a time: the one it parses and those queued behind it. */
  depth: number;
  /** Starts another thread, or null when none can start (the caller's thread then parses alone). */
  start(): BlockThread<S> | null;
  /** Parses a block on the caller's thread, into `spare`'s arrays when given. */
  parseHere(source: S, job: BlockJob, spare: BlockSpare | undefined): Promise<SegmentResult>;
  /** Lets the other threads' blocks be handed out before the caller's thread parses one of its own. */
  yieldTurn(): Promise<void>;
}

/** A runner over one source that also says how many threads parsed its blocks. */
export interface PoolRunner extends BlockRunner {
  threadsUsed(): number;
}

export interface BlockPool<S> {
  /** A runner reading the blocks of `source`; `sizes` overrides the block size (tests). */
  runner(source: S, sizes?: { blockBytes?: number; minBytes?: number }): PoolRunner;
  /** The threads started so far, to end them. */
  readonly started: readonly BlockThread<S>[];
  /**
   * From now on the caller's thread parses alone: each other thread ends (BlockThread.end) as soon as
   * it is done with the blocks it holds, and the arrays of its blocks are filled again here.
   */
  retire(): void;
}

/** Spare arrays kept for the caller's thread: one being filled, one waiting, one in flight. */
const SPARES = 3;

interface Slot<S> {
  /** null: the caller's thread. */
  thread: BlockThread<S> | null;
  /** Blocks given and not yet returned. */
  jobs: number;
}

export function createBlockPool<S>(o: BlockPoolOptions<S>): BlockPool<S> {
  const here: Slot<S> = { thread: null, jobs: 0 };
  const slots: Slot<S>[] = [];
  const started: BlockThread<S>[] = [];
  const spares: BlockSpare[] = [];
  const waiting: ((slot: Slot<S>) => void)[] = [];
  let cannotStart = false;
  let retired = false;

  /** A thread of a retired pool, once done with its blocks: no more are given to it. */
  function endIfIdle(slot: Slot<S>): void {
    if (!retired || !slot.thread || slot.jobs > 0) return;
    const k = slots.indexOf(slot);
    if (k < 0) return;
    slots.splice(k, 1);
    slot.thread.end?.();
  }

  function startSlot(): Slot<S> | null {
    const thread = cannotStart ? null : o.start();
    if (!thread) {
      cannotStart = true;
      return null;
    }
    const slot: Slot<S> = { thread, jobs: 0 };
    slots.push(slot);
    started.push(thread);
    return slot;
  }

  function release(slot: Slot<S>): void {
    // once retired, the blocks waiting for a thread wait for the caller's
    const next = retired && slot !== here ? undefined : waiting.shift();
    if (next) next(slot);
    else slot.jobs--;
    endIfIdle(slot);
  }

  function acquire(): Promise<Slot<S>> {
    const free = retired
      ? here.jobs === 0
        ? here
        : null
      : (slots.find((s) => s.jobs < o.depth) ??
        (slots.length < o.threads - 1 ? startSlot() : null) ??
        (here.jobs === 0 ? here : null));
    if (free) {
      free.jobs++;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  return {
    started,
    retire() {
      retired = true;
      for (const slot of [...slots]) endIfIdle(slot);
    },
    runner(source, sizes = {}) {
      const madeBy = new WeakMap<SegmentResult, Slot<S>>();
      const used = new Set<Slot<S>>();
      return {
        concurrency: 1 + (o.threads - 1) * o.depth,
        ...sizes,
        threadsUsed: () => used.size,
        async run(job) {
          const slot = await acquire();
          let result: SegmentResult;
          try {
            if (slot.thread) result = await slot.thread.parse(source, job);
            else {
              // after the other blocks have been handed out: this parse is synchronous once its bytes are in
              await o.yieldTurn();
              result = await o.parseHere(source, job, spares.pop());
            }
          } catch (e) {
            // a thread that failed takes no more blocks: a later one starts afresh
            const k = slots.indexOf(slot);
            if (k >= 0) slots.splice(k, 1);
            throw e;
          } finally {
            release(slot);
          }
          madeBy.set(result, slot);
          used.add(slot);
          return result;
        },
        recycle(result) {
          const slot = madeBy.get(result);
          const spare = spareOf(result);
          if (slot?.thread && slots.includes(slot)) slot.thread.reuse(spare);
          // this thread's, or an ended thread's (its arrays came here with its block)
          else if (slot && spares.length < SPARES) spares.push(spare);
        },
      };
    },
  };
}
