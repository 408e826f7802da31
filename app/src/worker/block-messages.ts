import type { BlockJob } from '../../../parsers/input/index.js';
import type { SegmentResult } from '../../../parsers/strace/segment-result.js';

/** What the parse worker asks of a block worker: parse the lines of `job` in `file`. */
export interface BlockRequest {
  id: number;
  file: Blob;
  job: BlockJob;
}

/** A block worker's answer: the parsed block (its buffers transferred), or why it failed. */
export type BlockReply = { id: number; result: SegmentResult } | { id: number; error: string };

/** How far past a block's end its read goes: the block's last line ends there (parse-blocks.ts reads it). */
const READ_AHEAD = 64 * 1024;

/**
 * Reads ranges of a File or Blob for one block (readBlock's ReadRange): fresh bytes the caller may keep
 * or transfer. Each read of a File is a round trip to the browser process, ~30 ms on this loaded machine
 * whatever its size (48 MB in 2 MiB slices: 840-960 ms, in 8 MiB slices: 310-330 ms, streamed: 290-620
 * ms), so the block's own read takes READ_AHEAD more bytes and the read of its last line's end, which
 * comes next, is served from them.
 */
export function createRangeReader(file: Blob): (start: number, end: number) => Promise<Uint8Array> {
  let ahead: { start: number; bytes: Uint8Array; atEnd: boolean } | null = null;
  return async (start, end) => {
    const have = ahead;
    if (have && start >= have.start && (end <= have.start + have.bytes.length || have.atEnd))
      return have.bytes.subarray(start - have.start, Math.min(have.bytes.length, end - have.start));
    const want = end + READ_AHEAD - start;
    const bytes = new Uint8Array(await file.slice(start, start + want).arrayBuffer());
    ahead = { start, bytes, atEnd: bytes.length < want };
    return bytes.subarray(0, Math.min(bytes.length, end - start));
  };
}
