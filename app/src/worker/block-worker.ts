/// <reference lib="webworker" />
import { readBlock, type BlockSpare } from '../../../parsers/input/index.js';
import { segmentTransferList } from '../../../parsers/strace/segment-result.js';
import { createRangeReader, type BlockReply, type BlockRequest } from './block-messages.js';

/**
 * A block worker: a Web Worker that the parse worker starts (block-threads.ts) to parse blocks of a big
 * log on another core. It reads each block from the File itself (a File posted to a worker is a handle,
 * not a copy), parses it with the input pipeline's readBlock, and hands the result back with its buffers
 * transferred. The parse worker stitches the blocks in order (parsers/input/parse-blocks.ts).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Arrays of blocks already stitched, handed back to be filled again (see BlockRunner.recycle). */
const spares: BlockSpare[] = [];

scope.onmessage = (e: MessageEvent<BlockRequest | { spare: BlockSpare }>) => {
  const msg = e.data;
  if ('spare' in msg) {
    if (spares.length < 3) spares.push(msg.spare);
    return;
  }
  const post = (reply: BlockReply, transfer: Transferable[] = []): void => scope.postMessage(reply, transfer);
  readBlock(createRangeReader(msg.file), msg.job, spares.pop()).then(
    (result) => post({ id: msg.id, result }, segmentTransferList(result)),
    (error: unknown) => post({ id: msg.id, error: String(error) }),
  );
};
