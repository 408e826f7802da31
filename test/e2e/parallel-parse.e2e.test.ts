import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer, WatchedPage } from './harness.js';
import { buildApp, builtAppDir, hasChromium, launchChromium, openPage, startServe } from './harness.js';
import { CORPUS } from '../corpus-path.js';
import { makeTempDir } from '../temp-dir.js';

/**
 * A big upload is parsed on a second worker too (app/src/worker/block-threads.ts): the file cut in blocks
 * at line boundaries, each parsed by the parse worker or by a block worker it started, and stitched into
 * the trace one pass gives. `?blockBytes=4096` sends these small real logs down that path with a seam
 * every 4 KB (calls left unfinished by one process and resumed after another's lines, -k stacks, -yy
 * decorations), `?threads=2` uses two threads on any machine and `?threads=1` one pass. Both ways must
 * give the same events, the same summary and the same details, served over http and opened from disk.
 */

/** pipe-f-yy: -f with unfinished/resumed pairs across processes; stack-k: each call followed by its stack. */
const LOGS = ['pipe-f-yy.log', 'stack-k.log'];
const BLOCK = 4096;

interface Snapshot {
  threads: string | null;
  summary: string;
  trace: unknown;
  details: string[];
}

/** Uploads `log` and reads what the app shows of it: the columns, the summary, a few events' details. */
async function openAndRead(page: WatchedPage, log: string): Promise<Snapshot> {
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByLabel('Choose trace files').setInputFiles(join(CORPUS, log));
  const title = page.getByTestId('trace-title');
  await expect.poll(() => title.textContent(), { timeout: 60_000 }).toContain(log);
  const trace = await page.evaluate(() => {
    const t = (
      window as unknown as {
        __spelunk: {
          store: { getState(): { traces: { a: Record<string, unknown> & { columns: object } } } };
        };
      }
    ).__spelunk.store.getState().traces.a;
    const columns = Object.fromEntries(
      Object.entries(t.columns).map(([k, v]) => [
        k,
        typeof v === 'number' ? v : Array.from(v as ArrayLike<number>),
      ]),
    );
    const keep = ['names', 'errnos', 'sourceNames', 'format', 'summaries', 'diagnostics', 'diagnosticCount'];
    return {
      columns,
      processes: t.processes,
      unknownCount: t.unknownCount,
      ...Object.fromEntries(keep.map((k) => [k, t[k]])),
    };
  });
  const count = (trace.columns as { count: number }).count;
  // the first calls resumed after other lines (stitched, maybe across a seam), and three spread out
  const endLine = (trace.columns as { endLine: number[] }).endLine;
  const stitched = endLine.flatMap((e, i) => (e ? [i] : [])).slice(0, 3);
  const picks = [...new Set([...stitched, Math.floor(count / 3), Math.floor((2 * count) / 3), count - 1])];
  const details: string[] = [];
  for (const index of picks) {
    await page.evaluate(
      (i) =>
        (
          window as unknown as { __spelunk: { store: { getState(): { select(s: object): void } } } }
        ).__spelunk.store
          .getState()
          .select({ slot: 'a', index: i }),
      index,
    );
    const region = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => region.getByTestId('details-line').textContent()).toMatch(/^line \d+/);
    details.push(`${index}: ${await region.textContent()}`);
  }
  const text = (await title.textContent()) ?? '';
  return {
    threads: await title.getAttribute('data-parse-threads'),
    // "… · 51 kB parsed in 80 ms on 2 threads · …": the time is the one thing allowed to differ
    summary: text.replace(/parsed in \d+ ms/, 'parsed'),
    trace,
    details,
  };
}

describe.skipIf(!hasChromium())('a big upload parsed on two workers', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let server: RunningServer;
  let disk: string;

  beforeAll(async () => {
    await buildApp();
    const dir = makeTempDir('spelunk-parallel');
    cpSync(builtAppDir(), dir, { recursive: true });
    disk = `file://${join(dir, 'index.html')}`;
    [server, browser] = await Promise.all([
      startServe([], { SPELUNK_SAMPLES_DIR: makeTempDir('spelunk-nosamples') }),
      launchChromium(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const where of ['http', 'file'] as const) {
    it(`gives the one-pass trace, with the block worker running (${where})`, async () => {
      const base = where === 'http' ? server.url.replace(/[?#].*$/, '') : disk;
      const one = await openPage(browser, `${base}?threads=1`);
      const two = await openPage(browser, `${base}?threads=2&blockBytes=${BLOCK}`);
      for (const log of LOGS) {
        const [single, parallel] = await Promise.all([openAndRead(one, log), openAndRead(two, log)]);
        expect(single.threads).toBe('1');
        // the block worker parsed blocks beside the parse worker
        expect(parallel.threads).toBe('2');
        expect(parallel.summary).toContain('on 2 threads');
        expect(parallel.summary.replace(' on 2 threads', '')).toBe(single.summary);
        expect(parallel.trace).toEqual(single.trace);
        expect(parallel.details).toEqual(single.details);
        expect(single.details.length).toBeGreaterThan(2);
      }
      expect(one.errors).toEqual([]);
      expect(two.errors).toEqual([]);
      await Promise.all([one.close(), two.close()]);
    });
  }
});
