/**
 * `npm run bench:ui`: the built app in headless Chromium (Debian's, no GPU) at 10k, 100k and 1M events.
 * Records load time (page open to first drawn frame, and the worker's parse time), memory (main-thread JS
 * heap, and the resident memory of the whole browser), and frame times while panning: the timeline's draw
 * time per frame and the interval between animation frames. Writes the figures to BENCHMARKS.md under
 * "## UI" (only that section).
 *
 * Input: a real strace -f -tt -T log (the chroot run of the workshop program), repeated and re-timed so
 * that it reads as the same program run over and over by 48 rotating pids, one after the other.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, buildApp, launchChromium, startServe } from '../test/e2e/harness.js';
import { machineLine } from './machine.js';
import { buildSyntheticLog } from './synthetic-strace.js';

const SIZES = (process.env.UI_BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const OUT = join(ROOT, 'bench', 'out');
const PAN_FRAMES = 120;

interface Spelunk {
  store: {
    getState(): {
      load: { state: string };
      traces: { a?: { columns: { count: number }; parseMs: number } };
      viewports: { a?: { x0: number; x1: number; laneTop: number } };
      setViewport(slot: 'a', v: { x0: number; x1: number; laneTop: number }): void;
    };
  };
  frameCount(): number;
  framesSince(n: number): number[];
}

/**
 * Pan: the window keeps its width and slides (the lane cache serves most frames). Zoom: the width changes
 * every frame, so every frame is drawn from the columns (the level-of-detail walk, no cache).
 */
async function measurePan(page: Page, zoom = false): Promise<{ draws: number[]; intervals: number[] }> {
  return page.evaluate(
    async ([frames, zoom]) => {
      const sp = (window as unknown as { __spelunk: Spelunk }).__spelunk;
      const st = sp.store.getState();
      const full = st.viewports.a!;
      const span = (full.x1 - full.x0) * 0.5;
      const since = sp.frameCount();
      const intervals: number[] = [];
      let last = performance.now();
      for (let f = 0; f < frames; f++) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        if (f > 0) intervals.push(now - last);
        last = now;
        const x0 = full.x0 + ((f % 60) / 60) * span;
        const width = zoom ? span * (0.6 + (0.4 * ((f * 7) % 10)) / 10) : span;
        sp.store.getState().setViewport('a', { x0, x1: x0 + width, laneTop: 0 });
      }
      await new Promise((r) => requestAnimationFrame(r));
      sp.store.getState().setViewport('a', full);
      return { draws: sp.framesSince(since), intervals };
    },
    [PAN_FRAMES, zoom] as const,
  );
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

/** Resident memory of the browser's renderer processes (page main thread and its worker), started with our profile. */
function rendererRssMiB(userDataDir: string): number {
  const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const rows = ps
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);
  const roots = new Set(
    rows.filter((r) => r[4]!.includes(userDataDir) && !r[4]!.includes('--type=')).map((r) => Number(r[1])),
  );
  const inTree = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows)
      if (inTree.has(Number(r[2])) && !inTree.has(Number(r[1]))) (inTree.add(Number(r[1])), (grew = true));
  }
  return (
    rows
      .filter((r) => inTree.has(Number(r[1])) && r[4]!.includes('--type=renderer'))
      .reduce((n, r) => n + Number(r[3]), 0) / 1024
  );
}

interface Row {
  events: number;
  bytes: number;
  loadMs: number;
  parseMs: number;
  longestTaskMs: number;
  heapMiB: number;
  rssMiB: number;
  drawMedian: number;
  drawP95: number;
  frameMedian: number;
  frameP95: number;
  zoomDrawMedian: number;
  zoomDrawP95: number;
}

/**
 * With UI_BENCH_BASELINE=<a built app/dist>, the same measures run on that build too, one size after the
 * other in the same run (a shared machine's load then weighs on both alike), and the section shows both.
 */
const BASELINE = process.env.UI_BENCH_BASELINE;
/** How the section names that build ("main at e37459f"); its folder by default. */
const BASELINE_NAME = process.env.UI_BENCH_BASELINE_NAME ?? BASELINE;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const files = SIZES.map((n) => {
    const path = join(OUT, `ui-${n}.log`);
    if (!existsSync(path)) writeFileSync(path, buildSyntheticLog(n), 'latin1');
    return path;
  });
  await buildApp();
  const rows: Row[] = [];
  const baseline: Row[] = [];
  for (const [k] of SIZES.entries()) {
    rows.push(...(await measureBuild([files[k]!], [SIZES[k]!], {})));
    if (BASELINE)
      baseline.push(...(await measureBuild([files[k]!], [SIZES[k]!], { SPELUNK_APP_DIST: BASELINE })));
  }
  writeSection(rows, baseline);
}

async function measureBuild(files: string[], sizes: number[], env: Record<string, string>): Promise<Row[]> {
  const server = await startServe(files, env);
  const browser = await launchChromium({ width: 1440, height: 900 });
  const rows: Row[] = [];
  try {
    for (const [k, n] of sizes.entries()) {
      const page = await browser.newPage();
      const cdp = await browser.newCDPSession(page);
      await cdp.send('Performance.enable');
      // Long tasks on the main thread while loading: how long the page could not answer.
      await page.addInitScript(() => {
        const w = window as unknown as { __longest: number };
        w.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const started = Date.now();
      await page.goto(`${server.url}#trace=${encodeURIComponent(`ui-${n}.log/log`)}`);
      await page.waitForFunction(
        () => {
          const sp = (window as unknown as { __spelunk?: Spelunk }).__spelunk;
          return (
            sp &&
            sp.store.getState().load.state === 'done' &&
            sp.store.getState().viewports.a &&
            sp.frameCount() > 0
          );
        },
        undefined,
        { timeout: 600_000, polling: 50 },
      );
      const loadMs = Date.now() - started;
      const info = await page.evaluate(() => {
        const t = (window as unknown as { __spelunk: Spelunk }).__spelunk.store.getState().traces.a!;
        return {
          count: t.columns.count,
          parseMs: t.parseMs,
          longestTask: (window as unknown as { __longest: number }).__longest,
        };
      });
      await page.waitForTimeout(500);
      await cdp.send('HeapProfiler.collectGarbage');
      // usedSize is the JS heap; typed arrays live in backing stores outside it, so count those too.
      const usage = (await cdp.send('Runtime.getHeapUsage')) as {
        usedSize: number;
        backingStorageSize?: number;
      };
      const heap = usage.usedSize + (usage.backingStorageSize ?? 0);
      const rssMiB = rendererRssMiB(browser.userDataDir);
      await measurePan(page); // warm-up: caches and JIT
      const { draws, intervals } = await measurePan(page);
      const zoomed = await measurePan(page, true);
      rows.push({
        events: info.count,
        bytes: readFileSync(files[k]!).length,
        loadMs,
        parseMs: info.parseMs,
        longestTaskMs: info.longestTask,
        heapMiB: heap / 2 ** 20,
        rssMiB,
        drawMedian: quantile(draws, 0.5),
        drawP95: quantile(draws, 0.95),
        frameMedian: quantile(intervals, 0.5),
        frameP95: quantile(intervals, 0.95),
        zoomDrawMedian: quantile(zoomed.draws, 0.5),
        zoomDrawP95: quantile(zoomed.draws, 0.95),
      });
      console.log(JSON.stringify({ ...rows[rows.length - 1], drawnFrames: draws.length }));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return rows;
}

function writeSection(rows: Row[], baseline: Row[]): void {
  const f1 = (v: number): string => v.toFixed(1);
  const line = (r: Row, build = ''): string =>
    `| ${build}${r.events.toLocaleString('en-US')} | ${(r.bytes / 2 ** 20).toFixed(1)} MiB | ${(r.loadMs / 1000).toFixed(2)} s | ${(r.parseMs / 1000).toFixed(2)} s | ${r.longestTaskMs.toFixed(0)} ms | ${f1(r.heapMiB)} MiB | ${r.rssMiB.toFixed(0)} MiB | ${f1(r.drawMedian)} / ${f1(r.drawP95)} ms | ${f1(r.frameMedian)} / ${f1(r.frameP95)} ms | ${f1(r.zoomDrawMedian)} / ${f1(r.zoomDrawP95)} ms |`;
  const table = [
    '| events | log size | load to first frame | worker parse | longest main-thread task while loading | main thread JS heap + array buffers | renderer RSS | draw per pan frame (median / p95) | frame interval (median / p95) | draw per zoom frame (median / p95) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.flatMap((r, k) => [line(r), ...(baseline[k] ? [line(baseline[k], 'baseline: ')] : [])]),
  ];
  const small = rows[0];
  const big = rows[rows.length - 1];
  const ratio = small && big ? big.drawMedian / small.drawMedian : NaN;
  const frameRatio = small && big ? big.frameMedian / small.frameMedian : NaN;
  const section = [
    '## UI',
    '',
    `Measured by \`npm run bench:ui\` (bench/ui-bench.ts) on ${machineLine()}; headless Chromium ${chromiumVersion()}, no GPU (software rendering), 1440x900 window; load average ${loadavg()[0]!.toFixed(1)} at the end (the machine is shared: trust ratios more than single times).`,
    `Input: foo-chroot-works.log (a real \`strace -f -tt -T\` log) repeated and re-timed, 48 rotating pids. Pan: the view is half the trace wide and slides across it, ${PAN_FRAMES} frames after a warm-up pass.`,
    '"Draw" is the timeline\'s work per frame (canvas marks, axis, brush); "frame interval" is the time between animation frames (the draw plus the browser\'s own work, at least one 60 Hz vsync). Panning copies lanes from a strip cached per zoom level (p95 is the frames that redraw the strip); zoom frames change the width every frame and are all drawn from the columns by the level-of-detail walk.',
    "Memory: \"JS heap + array buffers\" is the page's main thread (the event columns live here); the worker holds the Trace with the raw text, counted in the renderer process's resident memory (Chromium's own baseline here is ~500 MiB).",
    ...(baseline.length
      ? [`"baseline" rows: ${BASELINE_NAME}, measured in the same run, each size right after this build's.`]
      : []),
    '',
    ...table,
    '',
    `Goal: the frame at ${big?.events.toLocaleString('en-US')} events at most 1.5x the frame at ${small?.events.toLocaleString('en-US')}, and under 50 ms. Measured: draw ratio ${ratio.toFixed(2)}x, frame-interval ratio ${frameRatio.toFixed(2)}x; ${big && big.frameMedian < 50 && frameRatio <= 1.5 ? 'met' : 'NOT met'}.`,
    '',
  ].join('\n');
  const path = join(ROOT, 'BENCHMARKS.md');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const re = /## UI\n[\s\S]*?(?=\n##|$)/;
  const next = re.test(text) ? text.replace(re, section.trimEnd() + '\n') : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(path, next.endsWith('\n') ? next : next + '\n');
  console.log(section);
}

function chromiumVersion(): string {
  try {
    return (
      /Chromium ([\d.]+)/.exec(execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }))?.[1] ??
      ''
    );
  } catch {
    return '';
  }
}

await main();
