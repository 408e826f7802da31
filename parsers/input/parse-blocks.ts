import type { Trace } from '../model/trace.js';
import type { SegmentResult, spareOf } from '../strace/segment-result.js';
import { createSegmentStitcher, parseStraceSegment } from '../strace/segments.js';

/**
 * A big strace log read on several threads: cut into blocks at line boundaries, each block read and
 * parsed where the caller runs it (a worker thread in the CLI, a second worker in the app), then the
 * segments stitched here in order into exactly the Trace one pass gives (parsers/strace/segments.ts).
 * Pure: the caller supplies the threads (BlockRunner) and, inside them, the file's bytes (readBlock).
 */

/** Bytes [start, end) of a file (end at most its size), read fresh: the caller may keep or transfer them. */
export type ReadRange = (start: number, end: number) => Promise<Uint8Array>;

export interface BlockJob {
  /** The block holds the lines that start in [start, end) of the file. */
  start: number;
  end: number;
  /** The file's size in bytes. */
  size: number;
  fileName?: string;
  defaultPid?: number;
}

/** Runs blocks somewhere (worker threads): `readBlock` over the file, there. */
export interface BlockRunner {
  /**
   * How many blocks it takes at a time: those being parsed, and those queued on a thread to be parsed
   * next (a thread that holds its next block never waits for the caller to hand it one).
   */
  readonly concurrency: number;
  run(job: BlockJob): Promise<SegmentResult>;
  /** Takes back a result once stitched: its arrays can be filled again by a later block (spareOf). */
  recycle?(segment: SegmentResult): void;
  /**
   * Told when the blocks left to hand out are the last few (LAST_BLOCKS): the runner may parse them on
   * the caller's thread alone and end its other threads meanwhile, so that their memory (a worker's
   * isolate and heap, 18 MiB) is let go before the process's peak, which is at the end of the parse.
   */
  lastBlocks?(): void;
  /** Overrides BLOCK_BYTES and PARALLEL_MIN_BYTES (tests use tiny blocks to make many seams). */
  readonly blockBytes?: number;
  readonly minBytes?: number;
}

/** Arrays to fill again (see BlockRunner.recycle). */
export type BlockSpare = ReturnType<typeof spareOf>;

/** Below this a file is read in one pass: threads and seams cost more than they give. */
export const PARALLEL_MIN_BYTES = 24 * 2 ** 20;
/** A block's size: big enough that the seams cost nothing, small enough to keep both cores busy. */
const BLOCK_BYTES = 2 * 2 ** 20;
/**
 * The blocks at the end that BlockRunner.lastBlocks may keep on the caller's thread: enough for the
 * other threads to finish the blocks they hold and end (25 ms for a worker thread) while this one parses
 * them, few enough to cost next to nothing (6 of a 300 MB log's 144 blocks).
 */
const LAST_BLOCKS = 6;
/**
 * How far past its end a block reads to finish its last line: 4 KiB (a strace line is shorter), twice
 * as far each time after that, up to 64 KiB. Each read is fresh memory dropped once the line is copied:
 * a small one keeps that churn small in the thread's malloc arena, which keeps what it frees resident.
 */
const TAIL_STEP = 4 * 1024;
const MAX_TAIL_STEP = 64 * 1024;

/** The blocks of a file of `size` bytes. */
function planBlocks(size: number, blockBytes = BLOCK_BYTES): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let start = 0; start < size; start += blockBytes)
    out.push({ start, end: Math.min(size, start + blockBytes) });
  return out;
}

/**
 * Reads and parses one block: the lines that start in [job.start, job.end). The line running into the
 * block from before is skipped (the block before reads it to its end); the block's own last line is
 * read past `end` up to its newline.
 */
export async function readBlock(read: ReadRange, job: BlockJob, spare?: BlockSpare): Promise<SegmentResult> {
  const first = job.start === 0;
  const pieces: Uint8Array[] = [];
  // from one byte before the block: a newline there means a line starts right at `start`
  const head = await read(first ? 0 : job.start - 1, job.end);
  let from = 0;
  if (!first) {
    const nl = head.indexOf(10);
    from = nl < 0 ? head.length : nl + 1;
  }
  if (from < head.length) {
    pieces.push(head.subarray(from));
    // the last line, to its newline (or to the end of the file)
    let at = job.end;
    let lastNl = head.lastIndexOf(10);
    let step = TAIL_STEP;
    while (lastNl !== head.length - 1 && at < job.size) {
      const tail = await read(at, Math.min(job.size, at + step));
      step = Math.min(step * 2, MAX_TAIL_STEP);
      const nl = tail.indexOf(10);
      pieces.push(nl < 0 ? tail : tail.subarray(0, nl + 1));
      if (nl >= 0) break;
      at += tail.length;
      lastNl = -1;
    }
  }
  // no size hint: the block's lines are all pushed at once, so there is no sizing to do on the way; a
  // spare from the thread's blocks before has the room, the first block grows its arrays
  const options = {
    first,
    ...(spare ? { spare } : {}),
    ...(job.fileName === undefined ? {} : { fileName: job.fileName }),
    ...(job.defaultPid === undefined ? {} : { defaultPid: job.defaultPid }),
  };
  return parseStraceSegment(pieces, options);
}

/**
 * Parses a file of `size` bytes in blocks on `runner`, at most `runner.concurrency` at a time, and
 * stitches them in order. `fileName` and `defaultPid` as for createStraceParser.
 */
export async function parseInBlocks(
  runner: BlockRunner,
  job: { size: number; fileName?: string; defaultPid?: number },
  blockBytes = BLOCK_BYTES,
): Promise<Trace> {
  const blocks = planBlocks(job.size, blockBytes);
  const stitcher = createSegmentStitcher({
    sizeHint: job.size,
    ...(job.fileName === undefined ? {} : { fileName: job.fileName }),
    ...(job.defaultPid === undefined ? {} : { defaultPid: job.defaultPid }),
  });
  const concurrency = Math.max(1, runner.concurrency);
  const done = new Map<number, SegmentResult>();
  let failure: { error: unknown } | null = null;
  let inFlight = 0;
  let next = 0;
  let stitched = 0;
  let wake: (() => void) | null = null;
  // a thread takes the next block as soon as it has room; parsed blocks wait (two at most beyond those
  // given out) to be stitched, which bounds the memory held in blocks
  let toldLast = false;
  const launch = (): void => {
    if (!toldLast && blocks.length - next <= LAST_BLOCKS) {
      toldLast = true;
      runner.lastBlocks?.();
    }
    while (next < blocks.length && inFlight < concurrency && next - stitched < concurrency + 2) {
      const k = next++;
      const b = blocks[k] as { start: number; end: number };
      inFlight++;
      runner
        .run({ ...job, start: b.start, end: b.end })
        .then(
          (result) => void done.set(k, result),
          (error: unknown) => void (failure ??= { error }),
        )
        .finally(() => {
          inFlight--;
          launch();
          wake?.();
        });
    }
  };
  launch();
  for (let k = 0; k < blocks.length; k++) {
    while (!done.has(k)) {
      if (failure) throw (failure as { error: unknown }).error;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    const result = done.get(k) as SegmentResult;
    done.delete(k);
    stitched = k + 1;
    launch();
    stitcher.add(result);
    // no block left to fill them: its arrays are let go before the peak at the end
    if (next < blocks.length) runner.recycle?.(result);
  }
  return stitcher.finish();
}
