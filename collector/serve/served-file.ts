import { constants, realpathSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';

/**
 * True when `path` exists and resolves, symlinks followed, inside `dir` (resolved too). A session.json
 * whose run says `"log": "../../../../etc/shadow"`, or a log that is a symlink to /etc/shadow, is not.
 */
export function resolvesInside(dir: string, path: string): boolean {
  try {
    return isUnder(realpathSync(dir), realpathSync(path));
  } catch {
    return false;
  }
}

function isUnder(root: string, real: string): boolean {
  return real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** A file ready to send, or the status to answer instead. */
export type OpenedFile =
  { ok: true; handle: FileHandle; size: number } | { ok: false; status: 403 | 404 | 500; reason: string };

/**
 * Opens a served file at request time, when it may have changed since the plan was made: deleted,
 * replaced by a directory or by a symlink out of its folder, made unreadable. Each is a status, never an
 * exception. `root`, when given, is the folder the file must still resolve inside.
 */
export async function openServedFile(path: string, root: string | undefined): Promise<OpenedFile> {
  let handle: FileHandle | undefined;
  try {
    const real = await realpath(path);
    if (root !== undefined && !isUnder(await realpath(root), real))
      return { ok: false, status: 403, reason: 'outside its session directory' };
    // O_NONBLOCK: a FIFO put in the log's place must not hold the request (and a libuv thread) forever;
    // O_NOFOLLOW: the path was resolved, a symlink swapped in since is refused.
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const st = await handle.stat();
    if (!st.isFile()) {
      await handle.close();
      return { ok: false, status: 404, reason: 'not a file any more' };
    }
    return { ok: true, handle, size: st.size };
  } catch (e) {
    await handle?.close().catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ELOOP')
      return { ok: false, status: 404, reason: 'gone' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, status: 403, reason: 'not readable' };
    return { ok: false, status: 500, reason: code ?? 'cannot read' };
  }
}
