import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORPUS as CORPUS_DIR } from '../corpus-path.js';

/** The shared corpus of real strace logs, and this repo's samples. */
export const CORPUS = CORPUS_DIR + '/';
export const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

function walk(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names.sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else out.push(p);
  }
  return out;
}

/** Every single-file strace log: corpus *.log and samples' strace logs (not -ff parts, not bpftrace). */
export function straceLogs(): { path: string; name: string }[] {
  const corpus = walk(CORPUS)
    .filter((p) => p.endsWith('.log') && !p.includes('/bpf/'))
    .map((path) => ({ path, name: relative(CORPUS, path) }));
  const samples = walk(SAMPLES)
    .filter((p) => /\.strace(\.log)?$/.test(p) || (p.endsWith('.log') && !p.includes('bpftrace')))
    .map((path) => ({ path, name: 'samples/' + relative(SAMPLES, path) }));
  return [...corpus, ...samples];
}

/** -ff sets: directories whose files are all NAME.PID. */
export function ffSets(): { dir: string; name: string; files: string[] }[] {
  const dirs = [join(CORPUS, 'ff'), join(CORPUS, 'format/ff'), join(CORPUS, 'format/ff2')];
  return dirs.map((dir) => ({
    dir,
    name: relative(CORPUS, dir),
    files: walk(dir).filter((p) => /\.\d+$/.test(p)),
  }));
}
