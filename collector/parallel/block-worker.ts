/**
 * A worker thread that parses blocks of a big strace log (parsers/input/parse-blocks.ts): it reads each
 * block from the file itself, parses it, and hands the result back without a copy (its buffers are
 * transferred). Started by block-workers.ts.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { readBlock, type BlockJob, type BlockSpare } from '../../parsers/input/index.js';
import { segmentTransferList } from '../../parsers/strace/segment-result.js';
import { readRange } from './read-range.js';

export interface BlockRequest {
  id: number;
  path: string;
  job: BlockJob;
}

const port = parentPort;
if (!port) throw new Error('block-worker.ts runs as a worker thread');

/** One open file at a time: a worker reads the blocks of one log. */
let open: { path: string; fd: number } | null = null;

function fdOf(path: string): number {
  if (open?.path === path) return open.fd;
  if (open) closeSync(open.fd);
  open = { path, fd: openSync(path, 'r') };
  return open.fd;
}

/** Arrays of blocks already stitched, handed back to be filled again. */
const spares: BlockSpare[] = [];

port.on('message', (msg: BlockRequest | { spare: BlockSpare }) => {
  if ('spare' in msg) {
    if (spares.length < 3) spares.push(msg.spare);
    return;
  }
  const fd = fdOf(msg.path);
  const read = (start: number, end: number): Promise<Uint8Array> =>
    Promise.resolve(readRange(fd, start, end));
  readBlock(read, msg.job, spares.pop()).then(
    (result) => port.postMessage({ id: msg.id, result }, segmentTransferList(result)),
    (error: unknown) => port.postMessage({ id: msg.id, error: String(error) }),
  );
});
