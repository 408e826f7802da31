import {
  accessSync,
  constants,
  copyFileSync,
  chmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  readlinkSync,
  symlinkSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { runCapture } from '../process-runner.js';
import { CollectError, EXIT } from '../faults.js';
import { joinRoot } from '../run-chain.js';
import type { FsEntry, PlanEntry, RootfsPlan } from './rootfs-plan.js';
import { buildRootfsPlan } from './rootfs-plan.js';
import type { LddResult } from './ldd-output.js';
import { parseLddOutput } from './ldd-output.js';

/** The host side of rootfs building: reads the disk, runs ldd, copies files. The decisions are in rootfs-plan.ts. */

function lookupHost(path: string): FsEntry {
  return lookupIn('', path);
}

/** Looks a path up as seen from inside `root` (no symlink followed; the plan walker follows them). */
function lookupIn(root: string, path: string): FsEntry {
  const full = root === '' ? path : joinRoot(root, path);
  try {
    const st = lstatSync(full);
    if (st.isSymbolicLink()) return { type: 'symlink', target: readlinkSync(full) };
    if (st.isDirectory()) return { type: 'dir', mode: st.mode & 0o7777 };
    return { type: 'file', size: st.size, mode: st.mode & 0o7777 };
  } catch {
    return { type: 'missing' };
  }
}

async function runLdd(program: string): Promise<LddResult> {
  const r = await runCapture(['ldd', program]);
  if (r.spawnError) {
    throw new CollectError(
      'ldd is not installed, so the libraries of the program cannot be found',
      'Install it (apt-get install libc-bin) or use --rootfs bare / --rootfs DIR.',
      EXIT.environment,
    );
  }
  return parseLddOutput(`${r.stdout}\n${r.stderr}`);
}

/** The interpreter of a `#!` script (e.g. /bin/sh), which the rootfs needs too. */
function readShebang(path: string): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(256);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n).toString('latin1');
    if (!head.startsWith('#!')) return null;
    const interpreter = head.slice(2).split('\n')[0]?.trim().split(/\s+/)[0];
    return interpreter && interpreter.startsWith('/') ? interpreter : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Plans the rootfs for `program`: `auto` adds the ldd closure (and a script's interpreter), `bare` nothing. */
export async function planRootfs(program: string, mode: 'auto' | 'bare'): Promise<RootfsPlan> {
  const programs = [program];
  const interpreter = mode === 'auto' ? readShebang(program) : null;
  if (interpreter) programs.push(interpreter);
  const ldd: Array<LddResult | null> = [];
  for (const p of programs) ldd.push(mode === 'auto' ? await runLdd(p) : null);
  return buildRootfsPlan({ programs, ldd, lookup: lookupHost });
}

/** Creates the plan's entries under `root`; existing entries are left alone. */
export function applyRootfsPlan(plan: RootfsPlan, root: string): void {
  for (const entry of plan.entries) applyEntry(entry, root);
}

function applyEntry(entry: PlanEntry, root: string): void {
  const dest = joinRoot(root, entry.path);
  if (lookupIn('', dest).type !== 'missing') return;
  mkdirSync(dirname(dest), { recursive: true });
  switch (entry.kind) {
    case 'dir':
      mkdirSync(dest, { recursive: true });
      break;
    case 'symlink':
      symlinkSync(entry.target, dest);
      break;
    case 'file':
      copyFileSync(entry.source, dest);
      chmodSync(dest, entry.mode);
      break;
  }
}

/** Makes sure a bind-mount target exists inside a rootfs we own (a directory, or a file for a file source). */
export function ensureMountPoint(root: string, inside: string, source: string): void {
  const dest = joinRoot(root, inside);
  if (lookupIn('', dest).type !== 'missing') return;
  const sourceIsDir = statSync(source).isDirectory();
  mkdirSync(sourceIsDir ? dest : dirname(dest), { recursive: true });
  if (!sourceIsDir) closeSync(openSync(dest, 'w'));
}

/** Resolves a program name the way a shell would on the host: a path as is, a bare name through PATH. */
export function resolveHostProgram(name: string, pathVar = process.env.PATH ?? ''): string {
  if (name.includes('/')) {
    const full = name.startsWith('/') ? name : `${process.cwd()}/${name}`;
    checkExecutable(full, name);
    return full;
  }
  for (const dir of pathVar.split(':').filter((d) => d !== '')) {
    const candidate = `${dir}/${name}`;
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new CollectError(
    `program not found: "${name}" is not in PATH`,
    'Give its full path (e.g. ./a.out or /usr/bin/true), or install it.',
    EXIT.program,
  );
}

function checkExecutable(full: string, shown: string): void {
  let st;
  try {
    st = statSync(full);
  } catch {
    throw new CollectError(
      `program not found: ${shown} does not exist`,
      'Check the path (it is resolved from the current directory).',
      EXIT.program,
    );
  }
  if (st.isDirectory())
    throw new CollectError(
      `${shown} is a directory, not a program`,
      'Name the executable file inside it.',
      EXIT.program,
    );
  try {
    accessSync(full, constants.X_OK);
  } catch {
    throw new CollectError(
      `${shown} is not executable`,
      `Make it executable: chmod +x ${shown}`,
      EXIT.program,
    );
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const ROOTFS_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * Finds the program inside an existing rootfs, following its symlinks as the chroot will (an absolute
 * link points inside the rootfs). Returns the path inside the rootfs.
 */
export function resolveRootfsProgram(root: string, name: string): string {
  const candidates = name.startsWith('/')
    ? [name]
    : name.includes('/')
      ? [`/${name}`]
      : ROOTFS_PATH.map((d) => `${d}/${name}`);
  for (const c of candidates) {
    const plan = buildRootfsPlan({ programs: [c], ldd: [null], lookup: (p) => lookupIn(root, p) });
    if (plan.warnings.length === 0) return c;
  }
  throw new CollectError(
    `program not found inside the rootfs: ${name} (looked in ${candidates.join(', ')} under ${root})`,
    'Give its path inside the rootfs, e.g. /bin/sh, or use --rootfs auto to copy it in.',
    EXIT.program,
  );
}
