import type { LddResult } from './ldd-output.js';

/**
 * What to create inside the rootfs so that a program finds, at the same paths as on the host, itself,
 * its dynamic loader and every library `ldd` listed. Symlinks are recreated as symlinks (Debian's
 * merged /usr makes /lib a link to usr/lib, and /lib64/ld-linux-x86-64.so.2 a link into it), so the
 * chroot resolves paths exactly the way the host does.
 *
 * Pure: the filesystem is read through `lookup`, so tests hand in a table instead of a disk.
 */
export type FsEntry =
  | { type: 'file'; size: number; mode: number }
  | { type: 'dir'; mode: number }
  | { type: 'symlink'; target: string }
  | { type: 'missing' };

export type PlanEntry =
  | { kind: 'dir'; path: string }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'file'; path: string; source: string; size: number; mode: number };

export interface RootfsPlan {
  entries: PlanEntry[];
  /** Things the rootfs will lack: libraries ldd could not find, paths that vanished. */
  warnings: string[];
}

export interface RootfsPlanInput {
  /** Absolute host paths of the programs to copy (the target, and its `#!` interpreter if any). */
  programs: readonly string[];
  /** ldd's verdict for each program, same order; null for `bare` (program only). */
  ldd: ReadonlyArray<LddResult | null>;
  lookup: (path: string) => FsEntry;
}

const MAX_LINKS = 40; // the kernel's own limit (ELOOP)

export function buildRootfsPlan(input: RootfsPlanInput): RootfsPlan {
  const plan: RootfsPlan = { entries: [], warnings: [] };
  const seen = new Set<string>();
  const add = (entry: PlanEntry): void => {
    if (seen.has(entry.path)) return;
    seen.add(entry.path);
    plan.entries.push(entry);
  };
  const wanted: string[] = [];
  input.programs.forEach((program, i) => {
    wanted.push(program);
    const ldd = input.ldd[i];
    if (!ldd) return;
    if (ldd.loader) wanted.push(ldd.loader);
    for (const lib of ldd.libraries) {
      if (lib.path) wanted.push(lib.path);
      else
        plan.warnings.push(
          `${lib.name}: ldd says "not found"; ${program} will fail to load inside the rootfs`,
        );
    }
  });
  for (const path of wanted) {
    const problem = addPath(path, input.lookup, add);
    if (problem) plan.warnings.push(problem);
  }
  return plan;
}

/** Walks `path` one component at a time, adding each directory, each symlink met, and the final file. */
function addPath(
  path: string,
  lookup: RootfsPlanInput['lookup'],
  add: (e: PlanEntry) => void,
): string | null {
  let pending = splitPath(path);
  let current = '';
  let links = 0;
  while (pending.length > 0) {
    const name = pending.shift() as string;
    if (name === '.') continue;
    if (name === '..') {
      current = current.slice(0, Math.max(0, current.lastIndexOf('/')));
      continue;
    }
    const next = `${current}/${name}`;
    const entry = lookup(next);
    switch (entry.type) {
      case 'missing':
        return `${path}: ${next} does not exist on the host`;
      case 'symlink': {
        if (++links > MAX_LINKS) return `${path}: too many levels of symbolic links`;
        add({ kind: 'symlink', path: next, target: entry.target });
        // Continue from where the link points: an absolute target restarts at the root.
        const base = entry.target.startsWith('/') ? [] : splitPath(current);
        pending = [...base, ...splitPath(entry.target), ...pending];
        current = '';
        break;
      }
      case 'dir':
        add({ kind: 'dir', path: next });
        current = next;
        break;
      case 'file':
        if (pending.length > 0) return `${path}: ${next} is a file, not a directory`;
        add({ kind: 'file', path: next, source: next, size: entry.size, mode: entry.mode });
        current = next;
        break;
    }
  }
  return null;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

/** Total bytes the plan copies. */
export function planBytes(plan: RootfsPlan): number {
  let total = 0;
  for (const e of plan.entries) if (e.kind === 'file') total += e.size;
  return total;
}
