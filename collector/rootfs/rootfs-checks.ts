import { statSync } from 'node:fs';
import { CollectError, EXIT } from '../faults.js';
import type { BindSpec } from '../run-chain.js';

// What collect checks before it changes anything: each failure is one line naming the path and the fix.

export function checkRootDir(dir: string): void {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new CollectError(
      `rootfs directory not found: ${dir}`,
      'Give an existing directory (e.g. an exported container or a busybox tree), or use --rootfs auto.',
      EXIT.program,
    );
  }
  if (!isDir)
    throw new CollectError(
      `--rootfs ${dir} is not a directory`,
      'Give a directory holding a root filesystem, or use --rootfs auto.',
      EXIT.program,
    );
}

/** --unshare pid mounts proc at DIR/proc; an existing rootfs is used read-only, so it must have one. */
export function checkProcDir(root: string): void {
  try {
    if (statSync(`${root}/proc`).isDirectory()) return;
  } catch {
    // missing: said below
  }
  throw new CollectError(
    `--unshare pid mounts a fresh /proc at ${root}/proc, which is not a directory`,
    `Create it (mkdir ${root}/proc), or add --no-mount-proc to keep the rootfs without /proc.`,
    EXIT.usage,
  );
}

export function checkBindSource(b: BindSpec): void {
  try {
    statSync(b.source);
  } catch {
    throw new CollectError(
      `--bind source does not exist: ${b.source}`,
      'Bind an existing file or directory (SRC:DST[:ro]).',
      EXIT.usage,
    );
  }
}

export function checkMountPoint(root: string, target: string): void {
  try {
    statSync(`${root}/${target.replace(/^\/+/, '')}`);
  } catch {
    throw new CollectError(
      `--bind target ${target} does not exist inside ${root}`,
      'An existing rootfs is used read-only: create the mount point in it first, or use --rootfs auto.',
      EXIT.usage,
    );
  }
}
