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

/** Bytes [start, end) of a File or Blob (fewer at its end), fresh: the caller may keep or transfer them. */
export async function readFileRange(file: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}
