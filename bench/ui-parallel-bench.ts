/**
 * `npm run bench:ui-parallel`: a big log opened in the app (the static build from disk, headless
 * Chromium) parsed by the parse worker alone (`?threads=1`) and by the parse worker with a block worker
 * (`?threads=2`), in interleaved rounds so that the machine's other load falls on both alike. Prints a
 * Markdown table for BENCHMARKS.md ("Real-world shapes ... (issue 16)").
 *
 * Input: the first UI_PARALLEL_MB (96) MB of bench/out/big-ttt-T-y.log (`npm run bench:parse` makes it:
 * `strace -f -ttt -T -y` of find, ls and dd), cut at a line end; UI_PARALLEL_SOURCE names another log.
 */
import { closeSync, cpSync, existsSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildApp, builtAppDir, launchChromium } from '../test/e2e/harness.js';
import { makeTempDir } from '../test/temp-dir.js';
import { machineLine } from './machine.js';

const OUT = join(ROOT, 'bench', 'out');
const SOURCE = process.env.UI_PARALLEL_SOURCE ?? join(OUT, 'big-ttt-T-y.log');
const MB = Number(process.env.UI_PARALLEL_MB ?? 96);
const ROUNDS = Number(process.env.UI_PARALLEL_ROUNDS ?? 3);
/** Block sizes to try on two threads, in MiB (`?blockBytes=`); empty: the app's own. */
const BLOCKS = (process.env.UI_PARALLEL_BLOCKS ?? '').split(',').filter(Boolean).map(Number);
/** What each run opens: one thread, then two with each block size. */
const VARIANTS = [
  { label: 'parse worker alone (`?threads=1`)', query: '?threads=1' },
  ...(BLOCKS.length ? BLOCKS : [0]).map((mib) => ({
    label: `parse worker + block worker (\`?threads=2${mib ? `&blockBytes=${mib * 2 ** 20}` : ''}\`)`,
    query: `?threads=2${mib ? `&blockBytes=${mib * 2 ** 20}` : ''}`,
  })),
];

interface Spelunk {
  store: {
    getState(): {
      load: { state: string };
      traces: { a?: { title: string; columns: { count: number }; parseMs: number; parseThreads: number } };
    };
  };
  frameCount(): number;
}

interface Run {
  variant: number;
  events: number;
  loadMs: number;
  parseMs: number;
  usedThreads: number;
}

/** The log's first `MB` megabytes, up to the last line end: a smaller cut of the same workload. */
function cutLog(): string {
  if (!existsSync(SOURCE))
    throw new Error(
      `${SOURCE} is missing: run \`npm run bench:parse\` once (it makes it), or set UI_PARALLEL_SOURCE`,
    );
  const size = Math.min(statSync(SOURCE).size, MB * 1e6);
  const path = join(OUT, `ui-parallel-${MB}mb.log`);
  if (existsSync(path) && statSync(path).size <= size && statSync(path).size > size - 1e5) return path;
  const buf = Buffer.alloc(size);
  const fd = openSync(SOURCE, 'r');
  readSync(fd, buf, 0, size, 0);
  closeSync(fd);
  writeFileSync(path, buf.subarray(0, buf.lastIndexOf(10) + 1));
  return path;
}

async function main(): Promise<void> {
  const log = cutLog();
  const name = log.slice(log.lastIndexOf('/') + 1);
  await buildApp();
  const dir = makeTempDir('spelunk-ui-parallel');
  cpSync(builtAppDir(), dir, { recursive: true });
  const index = `file://${join(dir, 'index.html')}`;
  const browser = await launchChromium();
  const runs: Run[] = [];
  const load0 = loadavg()[0]!;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // alternate which goes first, so that neither always meets the same moment of the machine's load
      const order = VARIANTS.map((_, k) => k);
      for (const variant of round % 2 ? order.reverse() : order) {
        const page = await browser.newPage();
        await page.goto(`${index}${VARIANTS[variant]!.query}`);
        await page.getByRole('button', { name: 'Open…' }).click();
        const started = Date.now();
        await page.getByLabel('Choose trace files').setInputFiles(log);
        await page.waitForFunction(
          (file) => {
            const sp = (window as unknown as { __spelunk?: Spelunk }).__spelunk;
            const s = sp?.store.getState();
            return s?.load.state === 'done' && s.traces.a?.title === file && sp!.frameCount() > 0;
          },
          name,
          { timeout: 900_000, polling: 50 },
        );
        const loadMs = Date.now() - started;
        const t = await page.evaluate(
          () => (window as unknown as { __spelunk: Spelunk }).__spelunk.store.getState().traces.a!,
        );
        const run = {
          variant,
          events: t.columns.count,
          loadMs,
          parseMs: t.parseMs,
          usedThreads: t.parseThreads,
        };
        console.log(JSON.stringify(run));
        runs.push(run);
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  const load1 = loadavg()[0]!;
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const s = (ms: number): string => (ms / 1000).toFixed(2);
  const bytes = statSync(log).size;
  const rows = VARIANTS.map(({ label }, variant) => {
    const mine = runs.filter((r) => r.variant === variant);
    const parse = mine.map((r) => r.parseMs);
    const load = mine.map((r) => r.loadMs);
    return `| ${label} | ${mine[0]!.events.toLocaleString('en-US')} | ${s(median(parse))} (${s(Math.min(...parse))}-${s(Math.max(...parse))}) | ${(bytes / 1e6 / (median(parse) / 1000)).toFixed(0)} | ${s(median(load))} (${s(Math.min(...load))}-${s(Math.max(...load))}) | ${mine.map((r) => r.usedThreads).join(', ')} |`;
  });
  console.log(
    [
      '',
      `${machineLine()}; ${(bytes / 1e6).toFixed(0)} MB log (${name}); ${ROUNDS} rounds interleaved; load average ${load0.toFixed(1)} before, ${load1.toFixed(1)} after`,
      '',
      '| app | events | worker parse, s, median (min-max) | MB/s | upload to first frame, s, median (min-max) | threads that parsed |',
      '|---|---:|---:|---:|---:|---|',
      ...rows,
    ].join('\n'),
  );
}

await main();
