/**
 * The comparison half of `npm run bench:ui` (chained after bench/ui-bench.ts): two real traces of ~100k
 * and ~1M syscalls each (bench/diff-bench.ts's churn workload, run A and the ~5%-varied run B) opened
 * with `spelunk serve A B` in headless Chromium. Measures the time from opening the page to a usable diff
 * view (both traces parsed, aligned in the worker, findings listed, both timelines and the diff layers
 * drawn), the longest main-thread task meanwhile (the page never freezes: parsing and alignment run in
 * the worker), and the frame interval while panning both linked timelines. Writes a sub-table
 * "### Comparing two runs" at the end of BENCHMARKS.md's "## UI" section.
 *
 * Options (environment): UI_DIFF_SIZES=100k,1m
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, buildApp, launchChromium, startServe } from '../test/e2e/harness.js';
import { machineLine } from './machine.js';

const SIZES = (process.env.UI_DIFF_SIZES ?? '100k,1m').split(',');
const DIR = process.env.SPELUNK_BENCH_DIR ?? '/tmp/spelunk-bench';
const PAN_FRAMES = 120;

interface Hook {
  store: {
    getState(): {
      traces: {
        a?: { columns: { count: number }; parseMs: number };
        b?: { columns: { count: number }; parseMs: number };
      };
      viewports: { a?: { x0: number; x1: number; laneTop: number } };
      setViewport(slot: 'a', v: { x0: number; x1: number; laneTop: number }): void;
      /** The comparison, a slice of the one store. */
      compare: {
        status: string;
        diff: {
          count: number;
          elapsedMs: number;
          findings: unknown[];
          equal: number;
          changed: number;
          onlyA: number;
          onlyB: number;
        } | null;
      };
    };
  };
  compareLayerTimes?: number[];
  frameCount(): number;
  framesSince(n: number): number[];
}

/** The churn traces of diff-bench.ts, recorded by it when missing (it caches them in DIR). */
function ensureTraces(size: string): [string, string] {
  const a = join(DIR, `churn-${size}-a.log`);
  const b = join(DIR, `churn-${size}-b.log`);
  if (!existsSync(a) || !existsSync(b))
    execFileSync(
      'node',
      [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'bench', 'diff-bench.ts'), '--sizes', size, '--no-md'],
      {
        stdio: 'inherit',
        cwd: ROOT,
      },
    );
  return [a, b];
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

/** Linked pan: A's window slides, B follows through the link; the interval between animation frames. */
async function measureLinkedPan(
  page: Page,
): Promise<{ intervals: number[]; timelines: number[]; layers: number[] }> {
  return page.evaluate(async (frames) => {
    const hook = (window as unknown as { __spelunk: Hook }).__spelunk;
    const since = hook.frameCount();
    const layersBefore = hook.compareLayerTimes!.length;
    hook.compareLayerTimes!.length = 0;
    const full = hook.store.getState().viewports.a!;
    const span = (full.x1 - full.x0) * 0.5;
    const intervals: number[] = [];
    let last = performance.now();
    for (let f = 0; f < frames; f++) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      if (f > 0) intervals.push(now - last);
      last = now;
      const x0 = full.x0 + ((f % 60) / 60) * span;
      hook.store.getState().setViewport('a', { x0, x1: x0 + span, laneTop: 0 });
    }
    await new Promise((r) => requestAnimationFrame(r));
    hook.store.getState().setViewport('a', full);
    void layersBefore;
    return { intervals, timelines: hook.framesSince(since), layers: [...hook.compareLayerTimes!] };
  }, PAN_FRAMES);
}

interface Row {
  size: string;
  callsA: number;
  callsB: number;
  bytes: number;
  usableMs: number;
  parseMs: number;
  alignMs: number;
  pairs: number;
  findings: number;
  longestTaskMs: number;
  frameMedian: number;
  frameP95: number;
  /** Draw time per frame of the two part-1 timelines together, and of the diff layers (marks, strip). */
  timelinesMedian: number;
  timelinesP95: number;
  layersMedian: number;
  layersP95: number;
}

async function main(): Promise<void> {
  await buildApp();
  const browser = await launchChromium({ width: 1440, height: 900 });
  const rows: Row[] = [];
  try {
    for (const size of SIZES) {
      const [a, b] = ensureTraces(size);
      const server = await startServe([a, b]);
      const page = await browser.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __longest: number };
        w.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const started = Date.now();
      await page.goto(server.url);
      // Usable: aligned, findings listed, both timelines and the diff marks drawn.
      await page.waitForFunction(
        () => {
          const hook = (window as unknown as { __spelunk?: Hook }).__spelunk;
          const c = hook?.store.getState().compare;
          const marks = document.querySelector('[data-testid="diff-marks-b"]')?.getAttribute('data-marks');
          return (
            c?.status === 'ready' &&
            document.querySelectorAll('[data-testid="findings-list"] li').length > 0 &&
            marks !== null &&
            marks !== undefined &&
            document.querySelectorAll('[role="img"][aria-label^="Timeline of"]').length === 2
          );
        },
        undefined,
        { timeout: 900_000, polling: 50 },
      );
      const usableMs = Date.now() - started;
      const info = await page.evaluate(() => {
        const hook = (window as unknown as { __spelunk: Hook }).__spelunk;
        const s = hook.store.getState();
        const d = s.compare.diff!;
        return {
          callsA: s.traces.a!.columns.count,
          callsB: s.traces.b!.columns.count,
          parseMs: s.traces.a!.parseMs + s.traces.b!.parseMs,
          alignMs: d.elapsedMs,
          pairs: d.count,
          findings: d.findings.length,
          longest: (window as unknown as { __longest: number }).__longest,
        };
      });
      await measureLinkedPan(page); // warm-up
      const { intervals, timelines, layers } = await measureLinkedPan(page);
      rows.push({
        size,
        callsA: info.callsA,
        callsB: info.callsB,
        bytes: statSync(a).size + statSync(b).size,
        usableMs,
        parseMs: info.parseMs,
        alignMs: info.alignMs,
        pairs: info.pairs,
        findings: info.findings,
        longestTaskMs: info.longest,
        frameMedian: quantile(intervals, 0.5),
        frameP95: quantile(intervals, 0.95),
        // Two timelines draw per frame: pair their draw times up.
        timelinesMedian: 2 * quantile(timelines, 0.5),
        timelinesP95: 2 * quantile(timelines, 0.95),
        layersMedian: quantile(layers, 0.5),
        layersP95: quantile(layers, 0.95),
      });
      console.log(JSON.stringify(rows[rows.length - 1]));
      await page.close();
      await server.stop();
    }
  } finally {
    await browser.close();
  }
  writeSubsection(rows);
}

function writeSubsection(rows: Row[]): void {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    '### Comparing two runs',
    '',
    `Measured by \`npm run bench:ui\` (bench/ui-diff-bench.ts) on ${machineLine()}; same browser and window.`,
    "Input: bench/diff-bench.ts's churn traces (`strace -f -tt -T` of a 4-process C workload; B varies ~5% of the iterations), opened with `spelunk serve A B`.",
    '"Usable diff view": page opened to both traces parsed, aligned in the worker (computeTraceDiff), the findings listed and both timelines with their diff layers drawn. The longest main-thread task over that time says whether the page froze (parsing and alignment run in the worker). Pan: both timelines linked, A\'s window half the trace wide sliding, B following; "draw" is the work per frame (the two part-1 timelines, approximated as twice the median of their draws; the diff layers: marks over both and the strip between), the frame interval adds the browser\'s own work and waits for vsync. The machine is shared: compare draw times, which load inflates less than intervals.',
    '',
    '| traces | events A / B | logs | usable diff view | of which parse A+B (worker) | align (worker) | pairs | findings | longest main-thread task | linked pan: draw, both timelines (median / p95) | linked pan: draw, diff layers | linked pan: frame interval |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| 2 x ${r.size} | ${r.callsA.toLocaleString('en-US')} / ${r.callsB.toLocaleString('en-US')} | ${(r.bytes / 2 ** 20).toFixed(1)} MiB | **${s(r.usableMs)}** | ${s(r.parseMs)} | ${s(r.alignMs)} | ${r.pairs.toLocaleString('en-US')} | ${r.findings} | ${r.longestTaskMs.toFixed(0)} ms | ${r.timelinesMedian.toFixed(1)} / ${r.timelinesP95.toFixed(1)} ms | ${r.layersMedian.toFixed(1)} / ${r.layersP95.toFixed(1)} ms | ${r.frameMedian.toFixed(1)} / ${r.frameP95.toFixed(1)} ms |`,
    ),
    '',
    `Load average at the end of the run: ${loadavg()
      .map((v) => v.toFixed(1))
      .join(
        ', ',
      )} (2 CPUs, shared with other work). Goal: 2 x 100k without freezing (alignment in the worker, with progress): the longest main-thread task stays near 100 ms while both traces are parsed and aligned.`,
    '',
  ].join('\n');
  const path = join(ROOT, 'BENCHMARKS.md');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n## UI\n';
  const ui = /## UI\n[\s\S]*?(?=\n## |$)/.exec(text);
  let next: string;
  if (!ui) next = `${text.trimEnd()}\n\n## UI\n\n${lines}`;
  else {
    const section = ui[0].replace(/\n### Comparing two runs\n[\s\S]*$/, '\n').trimEnd();
    next = text.replace(ui[0], `${section}\n\n${lines}`);
  }
  writeFileSync(path, next.endsWith('\n') ? next : next + '\n');
  console.log(lines);
}

await main();
