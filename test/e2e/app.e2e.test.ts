import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer, WatchedPage } from './harness.js';
import {
  ROOT,
  buildApp,
  hasChromium,
  launchChromium,
  listUnnamedControls,
  openPage,
  outputPath,
  readStore,
  settle,
  startServe,
} from './harness.js';
import { buildSyntheticLog } from '../../bench/synthetic-strace.js';
import { CORPUS } from '../corpus-path.js';
import { makeTempDir } from '../temp-dir.js';

const CHROOT_FAILS = `${CORPUS}/foo-chroot-fails.log`;
const PIPE = `${CORPUS}/pipe-f-yy.log`;
const HAS_SAMPLES = existsSync(join(ROOT, 'samples', 'index.json'));
// `spelunk serve <a> <b>` opens on their comparison (compare.e2e.test.ts); these tests explore one trace.
const ONE_TRACE = '#trace=foo-chroot-fails.log/log';
const PIPE_TRACE = '#trace=pipe-f-yy.log/log';

/** The real samples when they exist; otherwise a samples folder made here from two corpus logs. */
function samplesEnv(): Record<string, string> {
  if (HAS_SAMPLES) return {};
  const dir = makeTempDir('spelunk-samples');
  mkdirSync(join(dir, 'foo'));
  copyFileSync(`${CORPUS}/foo-host.log`, join(dir, 'foo', 'host.log'));
  copyFileSync(CHROOT_FAILS, join(dir, 'foo', 'chroot.log'));
  const index = [
    {
      id: 'foo',
      title: 'foo on the host and in a bare chroot',
      teaches: 'execve fails with ENOENT when the loader is missing',
      runs: [
        { label: 'host', log: 'foo/host.log' },
        { label: 'chroot', log: 'foo/chroot.log' },
      ],
    },
  ];
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  return { SPELUNK_SAMPLES_DIR: dir };
}

/**
 * The built app in headless Chromium, driven as a user would: open, upload, select, filter, sort, hover,
 * select a range, fold processes, read. Screenshots go to test-output/. Every test waits on states (a
 * title, a count, an attribute), never on a fixed delay.
 */
describe.skipIf(!hasChromium())('the app in a browser', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let samples: RunningServer;
  let served: RunningServer;
  let empty: RunningServer;

  beforeAll(async () => {
    await buildApp();
    [samples, served, browser] = await Promise.all([
      startServe([], samplesEnv()),
      startServe([CHROOT_FAILS, PIPE]),
      launchChromium(),
    ]);
    empty = await startServe([], { SPELUNK_SAMPLES_DIR: makeTempDir('spelunk-nosamples') });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await samples?.stop();
    await served?.stop();
    await empty?.stop();
  });

  const titleOf = (page: Page) => page.getByTestId('trace-title');
  const rowCount = (page: Page) => page.getByTestId('row-count');
  const table = (page: Page) => page.getByRole('table', { name: /^Events of/ });
  const cells = (page: Page, col: string) =>
    table(page).locator(`tbody tr[data-index] td[data-col="${col}"]`);
  const opened = async (page: Page, name: string): Promise<void> => {
    await expect.poll(() => titleOf(page).textContent(), { timeout: 60_000 }).toContain(name);
  };
  const exportItem = async (page: Page, name: RegExp) => {
    await page.getByTestId('export-menu').locator('summary').click();
    return page.getByRole('menuitem', { name });
  };
  const done = async (page: WatchedPage): Promise<void> => {
    expect(page.errors).toEqual([]);
    await page.close();
  };

  it('prints its URL first and serves on 127.0.0.1 only', () => {
    expect(samples.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('opens the bundled samples by default, and lists every sample run', async () => {
    const page = await openPage(browser, samples.url);
    await expect
      .poll(() => page.getByRole('img', { name: /^Timeline of / }).count(), { timeout: 60_000 })
      .toBe(2); // the comparison of a sample's host and chroot runs
    await page.getByRole('button', { name: 'Open…' }).click();
    const runs = page.getByRole('list', { name: 'Available traces' }).getByRole('button', { name: /^Open / });
    expect(await runs.count()).toBeGreaterThanOrEqual(HAS_SAMPLES ? 1 : 2);
    await runs.last().click();
    await opened(page, HAS_SAMPLES ? '' : 'chroot');
    await done(page);
  });

  it.skipIf(!HAS_SAMPLES)('opens a bundled bpftrace sample with the bpftrace reader', async () => {
    const index = JSON.parse(readFileSync(join(ROOT, 'samples', 'index.json'), 'utf8')) as
      { samples: { id: string; title: string }[] } | { id: string; title: string }[];
    const list = Array.isArray(index) ? index : index.samples;
    const sample = list.find((x) => x.id.endsWith('-bpftrace'));
    expect(sample).toBeDefined();
    const page = await openPage(browser, samples.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: `Open ${sample!.title}: host` }).click();
    await opened(page, sample!.title);
    const label = await page
      .getByRole('img', { name: /^Timeline of / })
      .first()
      .getAttribute('aria-label');
    expect(Number(/: ([\d,]+) events/.exec(label ?? '')?.[1]?.replace(/,/g, ''))).toBeGreaterThan(10);
    await done(page);
  });

  it('without samples, offers upload, paste and comparing files; Esc closes the panel once a trace is open', async () => {
    const page = await openPage(browser, empty.url);
    await expect.poll(() => page.getByRole('region', { name: 'Open a trace' }).count()).toBe(1);
    expect(await page.getByLabel('Choose trace files').count()).toBe(1);
    expect(await page.getByLabel('Or paste a log').count()).toBe(1);
    // "Compare two runs" is beside the upload, in view, with buttons for its file inputs.
    const compare = page.getByRole('region', { name: 'Compare two runs' });
    const box = (await compare.boundingBox())!;
    expect(box.y).toBeLessThan(400);
    expect(await compare.getByRole('button', { name: /Choose A/ }).isVisible()).toBe(true);
    await page.getByLabel('Choose trace files').setInputFiles(CHROOT_FAILS);
    await opened(page, 'foo-chroot-fails.log');
    await page.getByRole('button', { name: 'Open…' }).click();
    await expect.poll(() => page.getByTestId('open-panel').count()).toBe(1);
    await page.locator('body').press('Escape');
    await expect.poll(() => page.getByTestId('open-panel').count()).toBe(0);
    await done(page);
  });

  it('uploads a real log, selects a call, filters, and shows what the call was (line numbers as in the log)', async () => {
    const page = await openPage(browser, samples.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Choose trace files').setInputFiles(CHROOT_FAILS);
    await opened(page, 'foo-chroot-fails.log');
    // one process: "1 task", not "1 tasks"
    expect(await titleOf(page).textContent()).toMatch(/125 events · 1 task ·/);
    expect(
      await page
        .getByRole('img', { name: /^Timeline of foo-chroot-fails\.log: 125 events in 1 lane/ })
        .count(),
    ).toBe(1);
    expect(await rowCount(page).textContent()).toBe('125 of 125 events');

    // Failed calls only: each row shows an error, and the chroot's own execve of /foo is among them.
    await page.getByLabel('failed only').check();
    await expect.poll(() => rowCount(page).textContent()).not.toBe('125 of 125 events');
    const failedCount = Number((await rowCount(page).textContent())!.split(' ')[0]);
    expect(failedCount).toBeGreaterThan(0);
    const errorCells = await cells(page, 'error').allTextContents();
    expect(errorCells.length).toBe(failedCount);
    expect(errorCells.every((e) => /^E[A-Z]+$/.test(e))).toBe(true);
    // The timeline shows the filter too: the rest of the trace faded, the failed calls in colour.
    await expect
      .poll(() => page.getByRole('img', { name: /^Timeline of/ }).getAttribute('data-filtered'))
      .toBe('true');
    await table(page).locator('tbody tr[data-index]', { hasText: 'execve' }).first().click();

    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.getByTestId('details-name').textContent()).toBe('execve');
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('ENOENT');
    expect(text).toContain('No such file or directory');
    expect(await details.getByTestId('details-raw').textContent()).toMatch(/execve\("\/foo"/);
    // The details name the call by its line in the log, as the table and the raw line do.
    const line = await table(page).locator('tr[aria-selected="true"] td[data-col="line"]').textContent();
    expect(await details.getByTestId('details-line').textContent()).toBe(`line ${line}`);
    expect(text).toContain(`Raw line ${line}`);
    expect(await details.getByLabel('Note').textContent()).toContain('execve(2)');
    await page.screenshot({ path: outputPath('selected-failed-execve.png') });

    // Text search runs in the worker; the table shows only matching lines, the timeline only those marks.
    await page.getByLabel('failed only').uncheck();
    await page.getByLabel('Search text or path').fill('ld.so.cache');
    await expect
      .poll(() => rowCount(page).textContent(), { timeout: 30_000 })
      .toMatch(/^[1-9] of 125 events$/);
    await expect
      .poll(async () => (await cells(page, 'args').allTextContents()).every((a) => a.includes('ld.so.cache')))
      .toBe(true);
    await expect
      .poll(() => page.getByRole('img', { name: /^Timeline of/ }).getAttribute('data-filtered'))
      .toBe('true');

    // The syscall filter keeps what is typed, commas included.
    await page.getByLabel('Search text or path').fill('');
    const names = page.getByLabel('Filter by syscall names');
    await names.pressSequentially('openat,read');
    expect(await names.inputValue()).toBe('openat,read');
    await expect.poll(() => rowCount(page).textContent()).toBe('39 of 125 events');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect
      .poll(() => page.getByRole('img', { name: /^Timeline of/ }).getAttribute('data-filtered'))
      .toBe('false');

    // Next call of the same name, from the details panel.
    await table(page).locator('tbody tr[data-index]', { hasText: 'mmap' }).first().click();
    await expect.poll(() => details.getByTestId('details-name').textContent()).toBe('mmap');
    const firstLine = await details.getByTestId('details-raw').textContent();
    await page.getByRole('button', { name: 'same name →' }).click();
    await expect.poll(() => details.getByTestId('details-raw').textContent()).not.toBe(firstLine);
    expect(await details.getByTestId('details-name').textContent()).toBe('mmap');
    // Addresses read as strace writes them.
    await names.fill('brk');
    await expect.poll(() => cells(page, 'returned').first().textContent()).toMatch(/^0x[0-9a-f]+$/);
    await done(page);
  });

  it('sorts the table by a column, and a statistics row filters the table and the timeline', async () => {
    const page = await openPage(browser, served.url + PIPE_TRACE);
    await opened(page, 'pipe-f-yy.log');
    await page.getByRole('button', { name: 'Sort by pid' }).click();
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').textContent()).toContain('pid');
    const pids = (await cells(page, 'pid').allTextContents()).map(Number);
    expect(pids).toEqual([...pids].sort((a, b) => a - b));
    await page.getByRole('button', { name: /^Sort by pid/ }).click();
    await expect.poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);
    const down = (await cells(page, 'pid').allTextContents()).map(Number);
    expect(down).toEqual([...down].sort((a, b) => b - a));

    await page.getByRole('tab', { name: 'Statistics' }).click();
    const stats = page.getByRole('table', { name: 'Syscall statistics' });
    const row = stats.locator('tbody tr', { hasText: 'openat' }).first();
    const calls = Number((await row.locator('td').nth(3).textContent())!.replace(/,/g, ''));
    await row.click();
    // The click shows the events of that call: the table filtered, the timeline too.
    await expect
      .poll(() => page.getByRole('tab', { name: 'Events' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => rowCount(page).textContent()).toMatch(new RegExp(`^${calls} of `));
    expect(await page.getByLabel('Filter by syscall names').inputValue()).toBe('openat');
    await expect
      .poll(() => page.getByRole('img', { name: /^Timeline of/ }).getAttribute('data-filtered'))
      .toBe('true');
    await done(page);
  });

  it('shows what a mark is on hover, selects by click, zooms with W/S and pans with A/D, and shows help', async () => {
    const page = await openPage(browser, served.url + ONE_TRACE);
    await opened(page, 'foo-chroot-fails.log');
    const plot = page.getByTestId('timeline-plot-a');
    await settle(page);
    await plot.hover({ position: { x: 3, y: 11 } });
    const tip = page.getByTestId('timeline-tooltip-a');
    await expect.poll(() => tip.isVisible()).toBe(true);
    await expect
      .poll(() => tip.textContent())
      .toMatch(/^execve\("\/usr\/sbin\/chroot".*= 0line 1 · pid 7657/);
    await plot.click({ position: { x: 3, y: 11 } });
    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.getByTestId('details-name').textContent()).toBe('execve');
    type Vp = { x0: number; x1: number };
    const before = await readStore<Vp>(page, 'viewports.a');
    await page.locator('body').press('w');
    await page.locator('body').press('w');
    const zoomed = await readStore<Vp>(page, 'viewports.a');
    expect(zoomed.x1 - zoomed.x0).toBeLessThan((before.x1 - before.x0) / 2);
    await page.locator('body').press('d');
    const panned = await readStore<Vp>(page, 'viewports.a');
    expect(panned.x0).toBeGreaterThan(zoomed.x0);
    expect(panned.x1 - panned.x0).toBeCloseTo(zoomed.x1 - zoomed.x0, 12);
    await page.locator('body').press('a');
    expect((await readStore<Vp>(page, 'viewports.a')).x0).toBeCloseTo(zoomed.x0, 12);
    await page.locator('body').press('s');
    expect((await readStore<Vp>(page, 'viewports.a')).x1 - zoomed.x0).toBeGreaterThan(zoomed.x1 - zoomed.x0);
    // Selecting a call outside the zoomed window (here the last row of the table) brings it into view.
    await table(page).evaluate((t) => t.parentElement!.scrollTo(0, t.parentElement!.scrollHeight));
    await table(page).locator('tbody tr[data-index]').last().click();
    const inView = async (): Promise<boolean> => {
      const sel = await readStore<number>(page, 'selection.index');
      const model = await page.evaluate((i) => {
        const s = (
          window as unknown as {
            __spelunk: {
              store: {
                getState(): { traces: { a: { columns: { ts: Float64Array } } }; viewports: { a: Vp } };
              };
            };
          }
        ).__spelunk.store.getState();
        const ts = s.traces.a.columns.ts;
        const t0 = Math.min(...Array.from(ts).filter((t) => !Number.isNaN(t)));
        return { x: (ts[i] as number) - t0, vp: s.viewports.a };
      }, sel);
      return model.x >= model.vp.x0 && model.x <= model.vp.x1;
    };
    await expect.poll(inView).toBe(true);
    await page.locator('body').press('?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1);
    expect(await page.getByRole('dialog').textContent()).toContain('W S');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await done(page);
  });

  it('selects a range with shift-drag: its duration and the calls in it', async () => {
    const page = await openPage(browser, served.url + ONE_TRACE);
    await opened(page, 'foo-chroot-fails.log');
    await settle(page);
    const box = (await page.getByTestId('timeline-plot-a').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + box.width * 0.1, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + 8, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const summary = page.getByTestId('range-summary-a');
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.getByTestId('range-duration').textContent()).toMatch(/^[\d.]+ (µs|ms|s)$/);
    expect(await summary.textContent()).toMatch(/\d+ calls?.* in 1 lane/);
    expect(await summary.getByTestId('range-names').textContent()).toMatch(/[a-z_]+ \d+/);
    const range = await readStore<{ x0: number; x1: number }>(page, 'range');
    await page.getByRole('button', { name: 'Zoom to range' }).click();
    const vp = await readStore<{ x0: number; x1: number }>(page, 'viewports.a');
    expect(vp.x0).toBeCloseTo(range.x0, 12);
    expect(vp.x1).toBeCloseTo(range.x1, 12);
    await page.locator('body').press('Escape');
    await expect.poll(() => summary.count()).toBe(0);
    await done(page);
  });

  it('shows arrows between processes, folds a process group, and resizes the timeline', async () => {
    const page = await openPage(browser, served.url + PIPE_TRACE);
    await opened(page, 'pipe-f-yy.log');
    const canvas = page.getByRole('img', { name: /^Timeline of pipe-f-yy/ });
    await expect.poll(async () => Number(await canvas.getAttribute('data-arrows'))).toBeGreaterThan(2);
    const lanes = Number(await canvas.getAttribute('data-lanes'));
    expect(lanes).toBe(4);
    // A click on the root's label folds its children into its lane (▸), and again unfolds them.
    const root = page.getByTestId('timeline-a');
    await root.click({ position: { x: 20, y: 11 } });
    await expect.poll(() => canvas.getAttribute('data-lanes')).toBe('1');
    expect(await canvas.getAttribute('aria-label')).toMatch(/in 1 lane \(4 tasks\)/);
    await root.click({ position: { x: 20, y: 11 } });
    await expect.poll(() => canvas.getAttribute('data-lanes')).toBe('4');
    // The splitter under the timeline gives it more room.
    const section = page.getByTestId('timeline-section');
    const h0 = (await section.boundingBox())!.height;
    const splitter = (await page.getByTestId('timeline-splitter').boundingBox())!;
    await page.mouse.move(splitter.x + splitter.width / 2, splitter.y + 3);
    await page.mouse.down();
    await page.mouse.move(splitter.x + splitter.width / 2, splitter.y + 150, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await section.boundingBox())!.height).toBeGreaterThan(h0 + 100);
    await expect.poll(async () => (await root.boundingBox())!.height).toBeGreaterThan(4 * 22 + 50);
    await done(page);
  });

  it('follows the URL: reopening it restores the view, and a hash changed after load opens what it names', async () => {
    const page = await openPage(browser, served.url + ONE_TRACE);
    await opened(page, 'foo-chroot-fails.log');
    await page.getByLabel('Filter by error').selectOption('ENOENT');
    await table(page).locator('tbody tr[data-index]').nth(1).click();
    const raw = await page.getByTestId('details-raw').textContent();
    await page.locator('body').press('+');
    await page.locator('body').press('+');
    type Vp = { x0: number; x1: number };
    const zoomed = await readStore<Vp>(page, 'viewports.a');
    // The hash is written once the view stops moving.
    const viewInUrl = (url: string): number =>
      Number(new URLSearchParams(new URL(url).hash.slice(1)).get('view')?.split(',')[0]);
    await expect.poll(() => viewInUrl(page.url())).toBeCloseTo(zoomed.x0, 9);
    expect(page.url()).toMatch(/errno=ENOENT/);
    expect(page.url()).toContain('sel=');
    const again = await openPage(browser, page.url());
    await expect.poll(() => again.getByTestId('details-raw').textContent(), { timeout: 60_000 }).toBe(raw);
    expect(await again.getByLabel('Filter by error').inputValue()).toBe('ENOENT');
    const restored = await readStore<Vp>(again, 'viewports.a');
    expect(restored.x0).toBeCloseTo(zoomed.x0, 9);
    expect(restored.x1).toBeCloseTo(zoomed.x1, 9);
    // Typed into the address bar (or Back): the hash names another trace, and the page opens it.
    await again.evaluate(() => {
      window.location.hash = '#trace=pipe-f-yy.log/log';
    });
    await opened(again, 'pipe-f-yy.log');
    await again.goBack();
    await opened(again, 'foo-chroot-fails.log');
    await done(again);
    await done(page);
  });

  it('opens a multi-process log in lanes per process, in dark theme too, and exports pictures and Perfetto JSON', async () => {
    const page = await openPage(browser, served.url + ONE_TRACE);
    await opened(page, 'foo-chroot-fails');
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: /^Open pipe-f-yy\.log/ }).click();
    await opened(page, 'pipe-f-yy.log');
    const label = await page.getByRole('img', { name: /^Timeline of pipe-f-yy/ }).getAttribute('aria-label');
    expect(Number(/in (\d+) lanes/.exec(label ?? '')?.[1])).toBeGreaterThan(1);
    await page.getByRole('tab', { name: 'Processes' }).click();
    expect(
      await page.getByRole('tree', { name: 'Process tree' }).getByRole('treeitem').count(),
    ).toBeGreaterThan(1);
    await page.getByRole('tab', { name: 'Statistics' }).click();
    expect(
      await page.getByRole('table', { name: 'Syscall statistics' }).locator('tbody tr').count(),
    ).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains('dark')))
      .toBe(true);
    await settle(page);
    await page.screenshot({ path: outputPath('dark-stats.png') });
    const download = page.waitForEvent('download');
    await (await exportItem(page, /^Export trace JSON/)).click();
    const json = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as {
      traceEvents: { ph: string; name: string; args: { args?: string; paths?: string[] } }[];
    };
    const calls = json.traceEvents.filter((e) => e.ph === 'X');
    expect(calls.length).toBeGreaterThan(100);
    // Arguments and paths travel to Perfetto; instants are named for what happened.
    expect(calls.some((e) => e.name === 'openat' && e.args.paths?.includes('/etc/ld.so.cache'))).toBe(true);
    expect(json.traceEvents.some((e) => e.ph === 'i' && /^exit \d+$/.test(e.name))).toBe(true);
    expect(json.traceEvents.some((e) => e.name === 'exit exit')).toBe(false);
    const pngDownload = page.waitForEvent('download');
    await (await exportItem(page, /^Export PNG/)).click();
    const png = readFileSync((await (await pngDownload).path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(2000);
    const svgDownload = page.waitForEvent('download');
    await (await exportItem(page, /^Export SVG/)).click();
    const svg = readFileSync((await (await svgDownload).path())!, 'utf8');
    expect(svg).toMatch(/^<svg xmlns/);
    await page.getByRole('button', { name: 'Switch to light theme' }).click(); // the theme is remembered
    await done(page);
  });

  it('says so when a file is not a trace, and never renders trace text as HTML or reordered', async () => {
    const page = await openPage(browser, samples.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Choose trace files').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello\nthis is not strace\n'),
    });
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 })
      .toContain('does not look like an strace log');
    // An <img> in a path stays text; a RIGHT-TO-LEFT OVERRIDE (strace's \342\200\256) is shown as an escape,
    // so "\u202egpj.exe" never reads as exe.jpg.
    const hostile =
      '4242  12:00:00.000001 openat(AT_FDCWD, "<img src=x onerror=alert(1)>", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000010>\n' +
      '4242  12:00:00.000050 openat(AT_FDCWD, "\\342\\200\\256gpj.exe", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000010>\n' +
      '4242  12:00:00.000100 exit_group(0) = ?\n4242  12:00:00.000200 +++ exited with 0 +++\n';
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Or paste a log').fill(hostile);
    await page.getByRole('button', { name: 'Parse pasted text' }).click();
    await opened(page, 'Pasted log');
    await table(page).locator('tbody tr[data-index]').first().click();
    await expect.poll(() => page.getByTestId('details-raw').textContent()).toContain('<img src=x');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await table(page).locator('tbody tr[data-index]').nth(1).click();
    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.textContent()).toContain('"\\u202egpj.exe"');
    expect(await details.textContent()).not.toContain('\u202e');
    expect(await table(page).textContent()).not.toContain('\u202e');
    await page.close(); // the unreadable upload above logged no error of the app's own; nothing else to check
  });

  it(
    'shows parsing progress for a big log, can cancel it, and then loads it without freezing',
    { timeout: 240_000 },
    async () => {
      const big = outputPath('e2e-600k.log');
      if (!existsSync(big)) writeFileSync(big, buildSyntheticLog(600_000), 'latin1');
      const server = await startServe([big]);
      try {
        // The served trace starts loading as soon as the page opens.
        const page = await openPage(browser, server.url);
        const progress = page.getByRole('progressbar', { name: 'Parsing progress' });
        await expect.poll(() => progress.count(), { timeout: 30_000, interval: 20 }).toBe(1);
        await page.getByRole('button', { name: 'Cancel' }).click();
        await expect.poll(() => page.getByText('Loading cancelled.').count()).toBe(1);
        expect(await titleOf(page).count()).toBe(0);

        await page.getByRole('button', { name: /^Open e2e-600k\.log/ }).click();
        await expect.poll(() => progress.count(), { timeout: 30_000, interval: 20 }).toBe(1);
        // While the worker parses, the page still answers (the main thread is free).
        const during = await page.evaluate(async () => {
          const t = performance.now();
          await new Promise((r) => setTimeout(r, 20));
          return performance.now() - t;
        });
        expect(during).toBeLessThan(500);
        await opened(page, 'e2e-600k.log');
        await expect
          .poll(() => rowCount(page).textContent(), { timeout: 120_000 })
          .toBe('600,000 of 600,000 events');
        await settle(page);
        await page.screenshot({ path: outputPath('big-600k.png') });
        await done(page);
      } finally {
        await server.stop();
      }
    },
  );

  it('opens several files picked at once as one -ff set', async () => {
    const page = await openPage(browser, empty.url);
    await page
      .getByLabel('Choose trace files')
      .setInputFiles(['pipe.7721', 'pipe.7722', 'pipe.7723'].map((f) => `${CORPUS}/ff/${f}`));
    await opened(page, '3 files');
    const label = await page.getByRole('img', { name: /^Timeline of 3 files/ }).getAttribute('aria-label');
    expect(label).toMatch(/in 3 lanes/);
    await page.getByRole('tab', { name: 'Processes' }).click();
    expect(await page.getByRole('tree', { name: 'Process tree' }).getByRole('treeitem').count()).toBe(3);
    await done(page);
  });

  it('counts and lists the lines it could not read', async () => {
    const page = await openPage(browser, empty.url);
    await page.getByLabel('Choose trace files').setInputFiles(`${CORPUS}/format/shared-stderr.log`);
    await opened(page, '2 unknown lines');
    await page.getByRole('tab', { name: 'Unknown lines (2)' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Unknown lines' }).locator('tbody tr').count())
      .toBe(2);
    await done(page);
  });

  it('shows the -k stack of a call', async () => {
    const page = await openPage(browser, empty.url);
    await page.getByLabel('Choose trace files').setInputFiles(`${CORPUS}/stack-k.log`);
    await opened(page, 'stack-k.log');
    await table(page).locator('tbody tr[data-index]').first().click();
    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.textContent()).toContain('Stack (-k)');
    expect(await details.textContent()).toContain('ld-linux-x86-64.so.2');
    await done(page);
  });

  it('gives every control an accessible name', async () => {
    const page = await openPage(browser, served.url + ONE_TRACE);
    await opened(page, 'foo-chroot-fails.log');
    for (const tab of ['Events', 'Statistics', 'Processes', 'Unknown lines']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      expect(await listUnnamedControls(page, 'body'), tab).toEqual([]);
    }
    await done(page);
  });
});
