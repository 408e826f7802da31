/**
 * Start-up of the CLI against Node's own, side by side in one hyperfine run (`npm run bench:startup`),
 * and what the package holds: the figures of BENCHMARKS.md's "Start-up and package" section.
 * Runs the built CLI (`npm run build` first), the JavaScript the package ships.
 */
import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machineLine } from './machine.js';

const ROOT = resolve(import.meta.dirname, '..');
const LOG = 'test/corpus/date-r.log';

interface HyperfineResult {
  command: string;
  mean: number;
  stddev: number;
  user: number;
  system: number;
}

if (!existsSync(join(ROOT, 'dist', 'cli', 'cli.js'))) {
  console.error('bench:startup: dist/cli is missing: run `npm run build` first');
  process.exit(1);
}

const commands = ['node -e 0', 'node bin/spelunk.js --help', `node bin/spelunk.js stats ${LOG}`];
const out = mkdtempSync(join(tmpdir(), 'spelunk-startup-'));
try {
  const json = join(out, 'hyperfine.json');
  await execa('hyperfine', ['-N', '--warmup', '5', '--runs', '40', '--export-json', json, ...commands], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const { results } = JSON.parse(readFileSync(json, 'utf8')) as { results: HyperfineResult[] };
  const [node] = results as [HyperfineResult];
  const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
  console.log(`\n${machineLine()}, load average ${(loadavg()[0] ?? 0).toFixed(1)}\n`);
  console.log('| command | wall time, mean ± sd | x node -e 0 | CPU (user + system) | x node -e 0 |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) {
    const cpu = r.user + r.system;
    const nodeCpu = node.user + node.system;
    console.log(
      `| \`${r.command.replace('node bin/spelunk.js', 'spelunk')}\` | ${ms(r.mean)} ± ${ms(r.stddev)} | ${(r.mean / node.mean).toFixed(2)} | ${ms(cpu)} | ${(cpu / nodeCpu).toFixed(2)} |`,
    );
  }
  const pack = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], {
    cwd: ROOT,
  });
  const [p] = JSON.parse(pack.stdout) as { entryCount: number; size: number; unpackedSize: number }[];
  if (p)
    console.log(
      `\npackage: ${p.entryCount} files, ${(p.size / 1e6).toFixed(2)} MB packed, ${(p.unpackedSize / 1e6).toFixed(2)} MB unpacked`,
    );
} finally {
  rmSync(out, { recursive: true, force: true });
}
