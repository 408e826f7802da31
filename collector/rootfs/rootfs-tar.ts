import { lstatSync, readdirSync, statSync } from 'node:fs';
import { CollectError, EXIT } from '../faults.js';
import { runCapture } from '../process-runner.js';

/**
 * A root filesystem given as a tar file, the format `docker export CONTAINER > rootfs.tar` writes: the
 * container's whole tree with paths relative to its root (`bin/`, `etc/os-release`, `.dockerenv`, ...),
 * owners kept as numbers, already flattened (no layers, no whiteouts). `--rootfs FILE.tar` (plain, or
 * compressed: GNU tar recognises gzip, xz, zstd and bzip2 by their magic bytes) extracts it into a fresh
 * directory the run owns, so it may add mount points (/proc for a pid namespace, bind targets) and
 * removes it afterwards. The container run extracts its rootfs with the same function.
 */

/** True when `spec` names an existing regular file: `--rootfs` then reads it as a tar archive. */
export function isRootfsArchive(spec: string): boolean {
  try {
    return statSync(spec).isFile();
  } catch {
    return false;
  }
}

export interface ExtractedRootfs {
  /** The directory it was extracted into. */
  dir: string;
  /** Files, directories, symlinks and nodes extracted. */
  entries: number;
  /** Bytes of the regular files. */
  totalBytes: number;
}

/**
 * Extracts `archive` into `dir` (an empty directory the caller made and will remove) in one GNU tar run,
 * as root keeping owners, modes and device nodes. One run matters: GNU tar then refuses a member that
 * would be written through a symlink the same archive made (`link -> /etc`, then `link/passwd`: "Not a
 * directory"), strips a leading `/` and skips members containing `..`; any such refusal is reported as
 * a fault rather than a half-made root.
 */
export async function extractRootfsArchive(archive: string, dir: string): Promise<ExtractedRootfs> {
  if (readdirSync(dir).length > 0) throw new Error(`extractRootfsArchive: ${dir} is not empty`); // a caller bug, not a user fault
  const r = await runCapture(
    ['tar', '--extract', '--file', archive, '--directory', dir, '--numeric-owner', '--same-owner'],
    10 * 60_000,
  );
  if (r.spawnError)
    throw new CollectError(
      'tar is not installed, so --rootfs FILE.tar cannot be unpacked',
      'Install it: apt-get install tar',
      EXIT.environment,
    );
  if (r.exitCode !== 0) {
    const why = r.stderr.split('\n').find((l) => l.trim() !== '') ?? `tar exited with ${r.exitCode}`;
    throw new CollectError(
      `--rootfs ${archive}: not a usable tar archive (${why.replace(/^tar: /, '')})`,
      'Give a tar file such as `docker export CONTAINER > rootfs.tar` writes, or a directory.',
      EXIT.program,
    );
  }
  return { dir, ...measureTree(dir) };
}

/** Counts entries and file bytes under `root` without following symlinks; iterative, so depth is free. */
function measureTree(root: string): { entries: number; totalBytes: number } {
  let entries = 0;
  let totalBytes = 0;
  const pending = [root];
  for (let d = pending.pop(); d !== undefined; d = pending.pop()) {
    for (const name of readdirSync(d)) {
      const path = `${d}/${name}`;
      const st = lstatSync(path);
      entries++;
      if (st.isDirectory()) pending.push(path);
      else if (st.isFile()) totalBytes += st.size;
    }
  }
  return { entries, totalBytes };
}
