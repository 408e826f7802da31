import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './harness.js';
import { ROOT, buildApp, hasChromium, launchChromium, outputPath, startServe } from './harness.js';
import { buildSyntheticLog } from '../../bench/synthetic-strace.js';
import { CORPUS } from '../corpus-path.js';

const CHROOT_FAILS = `${CORPUS}/foo-chroot-fails.log`;
const PIPE = `${CORPUS}/pipe-f-yy.log`;
const HAS_SAMPLES = existsSync(join(ROOT, 'samples', 'index.json'));
// `spelunk serve <a> <b>` opens on their comparison (compare.e2e.test.ts); these tests explore one trace.
const ONE_TRACE = '#trace=foo-chroot-fails.log/log';

/** The real samples when they exist; otherwise a samples folder made here from two corpus logs. */
function samplesEnv(): Record<string, string> {
  if (HAS_SAMPLES) return {};
  const dir = mkdtempSync(join(tmpdir(), 'spelunk-samples-'));
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
 * The built app in headless Chromium, driven as a user would: open, upload, select, filter, read.
 * Screenshots go to test-output/; with SPELUNK_UPDATE_DOCS=1 the main view also becomes docs/screenshot.png.
 */
describe.skipIf(!hasChromium())('the app in a browser', () => {
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
    empty = await startServe([], { SPELUNK_SAMPLES_DIR: mkdtempSync(join(tmpdir(), 'spelunk-nosamples-')) });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await samples?.stop();
    await served?.stop();
    await empty?.stop();
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    (page as Page & { errors?: string[] }).errors = errors;
    await page.goto(url);
    return page;
  }
  const titleOf = (page: Page) => page.getByTestId('trace-title');

  it('prints its URL first and serves on 127.0.0.1 only', () => {
    expect(samples.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('opens the bundled samples by default, and lists every sample run', async () => {
    const page = await open(samples.url);
    await expect
      .poll(() => page.getByRole('img', { name: /^Timeline of / }).count(), { timeout: 30_000 })
      .toBe(2); // the comparison of a sample's host and chroot runs
    await page.screenshot({ path: outputPath('samples-default.png') });
    await page.getByRole('button', { name: 'Open…' }).click();
    const runs = page.getByRole('list', { name: 'Available traces' }).getByRole('button');
    expect(await runs.count()).toBeGreaterThanOrEqual(HAS_SAMPLES ? 1 : 2);
    await runs.last().click();
    await expect
      .poll(() => page.getByTestId('trace-title').textContent(), { timeout: 30_000 })
      .toMatch(HAS_SAMPLES ? /./ : /chroot/);
    await page.close();
  });

  it.skipIf(!HAS_SAMPLES)('opens a bundled bpftrace sample with the bpftrace reader', async () => {
    const index = JSON.parse(readFileSync(join(ROOT, 'samples', 'index.json'), 'utf8')) as
      { samples: { id: string; title: string }[] } | { id: string; title: string }[];
    const list = Array.isArray(index) ? index : index.samples;
    const sample = list.find((x) => x.id.endsWith('-bpftrace'));
    expect(sample).toBeDefined();
    const page = await open(samples.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: `Open ${sample!.title}: host` }).click();
    await expect.poll(() => titleOf(page).textContent(), { timeout: 30_000 }).toContain(sample!.title);
    const label = await page
      .getByRole('img', { name: /^Timeline of / })
      .first()
      .getAttribute('aria-label');
    expect(Number(/: ([\d,]+) events/.exec(label ?? '')?.[1]?.replace(/,/g, ''))).toBeGreaterThan(10);
    await page.close();
  });

  it('without samples, offers upload and paste', async () => {
    const page = await open(empty.url);
    await expect.poll(() => page.getByRole('region', { name: 'Open a trace' }).count()).toBe(1);
    expect(await page.getByLabel('Choose trace files').count()).toBe(1);
    expect(await page.getByLabel('Or paste a log').count()).toBe(1);
    await page.close();
  });

  it('uploads a real log, selects a call, filters, and shows what the call was', async () => {
    const page = await open(samples.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Choose trace files').setInputFiles(CHROOT_FAILS);
    await expect
      .poll(() => titleOf(page).textContent(), { timeout: 30_000 })
      .toContain('foo-chroot-fails.log');
    const timeline = page.getByRole('img', {
      name: /^Timeline of foo-chroot-fails\.log: 125 events in 1 lane/,
    });
    expect(await timeline.count()).toBe(1);
    expect(await page.getByTestId('row-count').textContent()).toBe('125 of 125 events');
    await page.waitForTimeout(300);
    await page.screenshot({ path: outputPath('upload-foo-chroot-fails.png') });

    // Failed calls only: each row shows an error, and the chroot's own execve of /foo is among them.
    await page.getByLabel('failed only').check();
    const failedCount = Number((await page.getByTestId('row-count').textContent())!.split(' ')[0]);
    expect(failedCount).toBeGreaterThan(0);
    expect(failedCount).toBeLessThan(125);
    const table = page.getByRole('table', { name: /^Events of/ });
    const errorCells = await table.locator('tbody tr[data-index] td:nth-child(7)').allTextContents();
    expect(errorCells.length).toBe(failedCount);
    expect(errorCells.every((e) => /^E[A-Z]+$/.test(e))).toBe(true);
    const execveRow = table.locator('tbody tr[data-index]', { hasText: 'execve' });
    await execveRow.first().click();

    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.getByTestId('details-name').textContent()).toBe('execve');
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('ENOENT');
    expect(text).toContain('No such file or directory');
    expect(await details.getByTestId('details-raw').textContent()).toMatch(/execve\("\/foo"/);
    expect(text).toMatch(/Raw line \d+/);
    expect(await details.getByLabel('Note').textContent()).toContain('execve(2)');
    await page.screenshot({ path: outputPath('selected-failed-execve.png') });

    // Text search runs in the worker; the table shows only matching lines.
    await page.getByLabel('failed only').uncheck();
    await page.getByLabel('Search text or path').fill('ld.so.cache');
    await expect
      .poll(() => page.getByTestId('row-count').textContent(), { timeout: 10_000 })
      .toMatch(/^[1-9] of 125 events$/);
    const args = await table.locator('tbody tr[data-index] td:nth-child(5)').allTextContents();
    expect(args.length).toBeGreaterThan(0);
    await expect
      .poll(async () =>
        (await table.locator('tbody tr[data-index] td:nth-child(5)').allTextContents()).every((a) =>
          a.includes('ld.so.cache'),
        ),
      )
      .toBe(true);

    // Next call of the same name, from the details panel.
    await page.getByLabel('Search text or path').fill('');
    await table.locator('tbody tr[data-index]', { hasText: 'mmap' }).first().click();
    await expect.poll(() => details.getByTestId('details-name').textContent()).toBe('mmap');
    const firstLine = await details.getByTestId('details-raw').textContent();
    await page.getByRole('button', { name: 'same name →' }).click();
    await expect.poll(() => details.getByTestId('details-raw').textContent()).not.toBe(firstLine);
    expect(await details.getByTestId('details-name').textContent()).toBe('mmap');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('selects a call by clicking the timeline, zooms with the keyboard, and shows help', async () => {
    const page = await open(served.url + ONE_TRACE);
    await expect
      .poll(() => titleOf(page).textContent(), { timeout: 30_000 })
      .toContain('foo-chroot-fails.log');
    const plot = page.getByTestId('timeline-plot-a');
    const box = (await plot.boundingBox())!;
    await plot.click({ position: { x: 3, y: 11 } });
    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.getByTestId('details-name').textContent()).toBe('execve');
    expect(box.width).toBeGreaterThan(500);
    const before = await page.evaluate(
      () =>
        (
          window as unknown as {
            __spelunk: { store: { getState(): { viewports: { a?: { x0: number; x1: number } } } } };
          }
        ).__spelunk.store.getState().viewports.a,
    );
    await page.locator('body').press('+');
    await page.locator('body').press('+');
    const after = await page.evaluate(
      () =>
        (
          window as unknown as {
            __spelunk: { store: { getState(): { viewports: { a?: { x0: number; x1: number } } } } };
          }
        ).__spelunk.store.getState().viewports.a,
    );
    expect(after!.x1 - after!.x0).toBeLessThan((before!.x1 - before!.x0) / 2);
    // Selecting a call outside the zoomed window (here the last row of the table) brings it into view.
    const table = page.getByRole('table', { name: /^Events of/ });
    await table.evaluate((t) => t.parentElement!.scrollTo(0, t.parentElement!.scrollHeight));
    await table.locator('tbody tr[data-index]').last().click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          type S = {
            selection: { index: number } | null;
            viewports: { a?: { x0: number; x1: number } };
            traces: { a?: { columns: { ts: Float64Array } } };
          };
          const s = (
            window as unknown as { __spelunk: { store: { getState(): S } } }
          ).__spelunk.store.getState();
          const ts = s.traces.a!.columns.ts;
          const t0 = Math.min(...Array.from(ts).filter((t) => !Number.isNaN(t)));
          const x = ts[s.selection!.index]! - t0;
          return x >= s.viewports.a!.x0 && x <= s.viewports.a!.x1;
        }),
      )
      .toBe(true);
    await page.locator('body').press('?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1);
    await page.screenshot({ path: outputPath('help-overlay.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });

  it('keeps the view in the URL: reopening it restores trace, filters, selection and zoom', async () => {
    const page = await open(served.url + ONE_TRACE);
    await expect
      .poll(() => titleOf(page).textContent(), { timeout: 30_000 })
      .toContain('foo-chroot-fails.log');
    await page.getByLabel('Filter by error').selectOption('ENOENT');
    const table = page.getByRole('table', { name: /^Events of/ });
    await table.locator('tbody tr[data-index]').nth(1).click();
    const raw = await page.getByTestId('details-raw').textContent();
    await page.locator('body').press('+');
    await page.locator('body').press('+');
    type Vp = { x0: number; x1: number };
    const viewport = (p: Page) =>
      p.evaluate(
        () =>
          (
            window as unknown as { __spelunk: { store: { getState(): { viewports: { a?: Vp } } } } }
          ).__spelunk.store.getState().viewports.a,
      );
    const zoomed = (await viewport(page))!;
    await expect.poll(() => page.url(), { timeout: 5000 }).toMatch(/errno=ENOENT.*|sel=\d+.*errno=ENOENT/);
    await expect.poll(() => page.url()).toContain('sel=');
    await expect.poll(() => page.url()).toContain('view=');
    const again = await open(page.url());
    await expect.poll(() => again.getByTestId('details-raw').textContent(), { timeout: 30_000 }).toBe(raw);
    expect(await again.getByLabel('Filter by error').inputValue()).toBe('ENOENT');
    const restored = (await viewport(again))!;
    expect(restored.x0).toBeCloseTo(zoomed.x0, 9);
    expect(restored.x1).toBeCloseTo(zoomed.x1, 9);
    await page.close();
    await again.close();
  });

  it('opens a multi-process log in lanes per process, in dark theme too, and exports Chrome trace JSON', async () => {
    const page = await open(served.url + ONE_TRACE);
    await expect.poll(() => titleOf(page).textContent(), { timeout: 30_000 }).toContain('foo-chroot-fails');
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: /^Open pipe-f-yy\.log/ }).click();
    await expect.poll(() => titleOf(page).textContent(), { timeout: 30_000 }).toContain('pipe-f-yy.log');
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
    await page.waitForTimeout(200);
    await page.screenshot({ path: outputPath('dark-stats.png') });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export trace JSON' }).click();
    const file = await (await download).path();
    const json = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: { ph: string }[] };
    expect(json.traceEvents.filter((e) => e.ph === 'X').length).toBeGreaterThan(100);
    const pngDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PNG' }).click();
    const png = readFileSync(await (await pngDownload).path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(2000);
    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export SVG' }).click();
    const svg = readFileSync(await (await svgDownload).path(), 'utf8');
    expect(svg).toMatch(/^<svg xmlns/);
    await page.getByRole('button', { name: 'Switch to light theme' }).click(); // the theme is remembered
    await page.close();
  });

  it('says so when a file is not a trace, and never renders trace text as HTML', async () => {
    const page = await open(samples.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Choose trace files').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello\nthis is not strace\n'),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 })
      .toContain('does not look like an strace log');
    const hostile =
      '4242  12:00:00.000001 openat(AT_FDCWD, "<img src=x onerror=alert(1)>", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000010>\n4242  12:00:00.000100 exit_group(0) = ?\n4242  12:00:00.000200 +++ exited with 0 +++\n';
    await page.getByLabel('Or paste a log').fill(hostile);
    await page.getByRole('button', { name: 'Parse pasted text' }).click();
    await expect.poll(() => titleOf(page).textContent(), { timeout: 20_000 }).toContain('Pasted log');
    await page
      .getByRole('table', { name: /^Events of/ })
      .locator('tbody tr[data-index]')
      .first()
      .click();
    await expect.poll(() => page.getByTestId('details-raw').textContent()).toContain('<img src=x');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.close();
  });

  it('shows parsing progress for a big log, can cancel it, and then loads it without freezing', async () => {
    const big = outputPath('e2e-600k.log');
    if (!existsSync(big)) writeFileSync(big, buildSyntheticLog(600_000), 'latin1');
    const server = await startServe([big]);
    try {
      // The served trace starts loading as soon as the page opens.
      const page = await open(server.url);
      const progress = page.getByRole('progressbar', { name: 'Parsing progress' });
      await expect.poll(() => progress.count(), { timeout: 10_000, interval: 20 }).toBe(1);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => page.getByText('Loading cancelled.').count()).toBe(1);
      expect(await titleOf(page).count()).toBe(0);

      await page.getByRole('button', { name: /^Open e2e-600k\.log/ }).click();
      await expect.poll(() => progress.count(), { timeout: 10_000, interval: 20 }).toBe(1);
      // While the worker parses, the page still answers (the main thread is free).
      const during = await page.evaluate(async () => {
        const t = performance.now();
        await new Promise((r) => setTimeout(r, 20));
        return performance.now() - t;
      });
      expect(during).toBeLessThan(200);
      await expect.poll(() => titleOf(page).textContent(), { timeout: 120_000 }).toContain('e2e-600k.log');
      expect(await page.getByTestId('row-count').textContent()).toBe('600,000 of 600,000 events');
      await page.waitForTimeout(300);
      await page.screenshot({ path: outputPath('big-600k.png') });
      await page.close();
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('opens several files picked at once as one -ff set', async () => {
    const page = await open(empty.url);
    await page
      .getByLabel('Choose trace files')
      .setInputFiles(['pipe.7721', 'pipe.7722', 'pipe.7723'].map((f) => `${CORPUS}/ff/${f}`));
    await expect.poll(() => titleOf(page).textContent(), { timeout: 20_000 }).toContain('3 files');
    const label = await page.getByRole('img', { name: /^Timeline of 3 files/ }).getAttribute('aria-label');
    expect(label).toMatch(/in 3 lanes/);
    await page.getByRole('tab', { name: 'Processes' }).click();
    expect(await page.getByRole('tree', { name: 'Process tree' }).getByRole('treeitem').count()).toBe(3);
    await page.close();
  });

  it('counts and lists the lines it could not read', async () => {
    const page = await open(empty.url);
    await page.getByLabel('Choose trace files').setInputFiles(`${CORPUS}/format/shared-stderr.log`);
    await expect.poll(() => titleOf(page).textContent(), { timeout: 20_000 }).toContain('2 unknown lines');
    await page.getByRole('tab', { name: 'Unknown lines (2)' }).click();
    const rows = page.getByRole('table', { name: 'Unknown lines' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await page.close();
  });

  it('shows the -k stack of a call', async () => {
    const page = await open(empty.url);
    await page.getByLabel('Choose trace files').setInputFiles(`${CORPUS}/stack-k.log`);
    await expect.poll(() => titleOf(page).textContent(), { timeout: 20_000 }).toContain('stack-k.log');
    await page
      .getByRole('table', { name: /^Events of/ })
      .locator('tbody tr[data-index]')
      .first()
      .click();
    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.textContent()).toContain('Stack (-k)');
    expect(await details.textContent()).toContain('ld-linux-x86-64.so.2');
    await page.close();
  });

  it('gives every control an accessible name', async () => {
    const page = await open(served.url + ONE_TRACE);
    await expect
      .poll(() => titleOf(page).textContent(), { timeout: 30_000 })
      .toContain('foo-chroot-fails.log');
    for (const tab of ['Events', 'Statistics', 'Processes', 'Unknown lines']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      const unnamed = await page.evaluate(() =>
        [
          ...document.querySelectorAll(
            'button, input, select, textarea, [role=tab], [role=img], canvas, table',
          ),
        ]
          .filter((el) => {
            const e = el as HTMLElement;
            if (e.getAttribute('aria-hidden') === 'true' || (e as HTMLInputElement).type === 'hidden')
              return false;
            const labelled =
              e.getAttribute('aria-label') ||
              e.getAttribute('aria-labelledby') ||
              (e.id && document.querySelector(`label[for="${e.id}"]`)) ||
              e.closest('label');
            return !labelled && !(e.textContent ?? '').trim();
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(unnamed, tab).toEqual([]);
    }
    await page.close();
  });

  it('takes the README screenshot', async () => {
    const page = await open(served.url + ONE_TRACE);
    await expect
      .poll(() => titleOf(page).textContent(), { timeout: 30_000 })
      .toContain('foo-chroot-fails.log');
    await page.getByLabel('failed only').check();
    await page
      .getByRole('table', { name: /^Events of/ })
      .locator('tbody tr[data-index]', { hasText: 'execve' })
      .first()
      .click();
    await page.waitForTimeout(300);
    const path = outputPath('readme-screenshot.png');
    await page.screenshot({ path });
    // the README's picture changes only when asked (npm run docs:screenshots), so a test run leaves the tree clean
    if (process.env.SPELUNK_UPDATE_DOCS) {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      copyFileSync(path, join(ROOT, 'docs', 'screenshot.png'));
    }
    writeFileSync(outputPath('readme-screenshot.url.txt'), page.url());
    await page.close();
  });
});
