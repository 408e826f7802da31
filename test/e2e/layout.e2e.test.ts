import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer, WatchedPage } from './harness.js';
import {
  ROOT,
  SIZES,
  buildApp,
  hasChromium,
  launchChromium,
  openPage,
  outputPath,
  readStore,
  settle,
  startServe,
} from './harness.js';
import { CORPUS } from '../corpus-path.js';

const PIPE = `${CORPUS}/pipe-f-yy.log`;
const HAS_SAMPLE = existsSync(join(ROOT, 'samples', 'hello-bare-chroot'));

/** Every element of `selector` whose content is wider than its box (text cut or spilling over its neighbours). */
function listCrowded(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.textContent?.slice(0, 30)}: ${el.scrollWidth} > ${el.clientWidth}`),
    selector,
  );
}

/** The box of a test id ("compare-legend") or of the first element a CSS selector ("header", "[role=grid]") finds. */
async function box(page: Page, testIdOrSelector: string) {
  const loc = /^[a-z]+(-[a-z]+)+$/.test(testIdOrSelector)
    ? page.getByTestId(testIdOrSelector)
    : page.locator(testIdOrSelector).first();
  const b = await loc.boundingBox();
  if (!b) throw new Error(`${testIdOrSelector} is not on screen`);
  return b;
}

/** Saves a screenshot to test-output/, and to docs/ for the README when SPELUNK_UPDATE_DOCS is set. */
async function shoot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: outputPath(name) });
  if (process.env.SPELUNK_UPDATE_DOCS) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs', name) });
  }
}

/**
 * The layout at 1440x900 and 1024x768, the two sizes a laptop and a projector give: the toolbar on one
 * row, the table's columns readable, the comparison's aligned table wide enough to read both calls, the
 * panels inside their boxes, phase labels legible. Takes the README's screenshots (npm run docs:screenshots).
 */
describe.skipIf(!hasChromium())('the layout at 1440 and 1024 px', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let samples: RunningServer;
  let served: RunningServer;

  beforeAll(async () => {
    await buildApp();
    [samples, served, browser] = await Promise.all([startServe([]), startServe([PIPE]), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await samples?.stop();
    await served?.stop();
  });
  const done = async (page: WatchedPage): Promise<void> => {
    expect(page.errors).toEqual([]);
    await page.close();
  };

  for (const size of SIZES) {
    it(`single view at ${size.name} px: one-row toolbar, readable columns and headers`, async () => {
      const page = await openPage(browser, served.url, size);
      await expect
        .poll(() => page.getByTestId('trace-title').textContent(), { timeout: 60_000 })
        .toContain('pipe-f-yy.log');
      await settle(page);
      expect((await box(page, 'header')).height).toBeLessThan(50);
      // The header's controls fit the width (nothing wraps or overflows).
      expect(await listCrowded(page, 'header')).toEqual([]);
      // The table: every header readable, the arguments column wide enough to read.
      expect(await listCrowded(page, '.event-table thead th, .event-table thead th button')).toEqual([]);
      const args = await box(page, '.event-table td[data-col="args"]');
      expect(args.width).toBeGreaterThan(200);
      const details = await box(page, '[aria-label="Event details"]');
      expect(details.x + details.width).toBeLessThanOrEqual(size.width);
      // Select a call so the details show something, then the picture for the README.
      await page.getByLabel('Filter by syscall names').fill('clone');
      await page
        .getByRole('table', { name: /^Events of/ })
        .locator('tbody tr[data-index]')
        .first()
        .click();
      await expect.poll(() => page.getByTestId('details-name').textContent()).toBe('clone');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await shoot(page, size.width === 1440 ? 'screenshot.png' : `screenshot-${size.name}.png`);
      await done(page);
    });

    it.skipIf(!HAS_SAMPLE)(
      `comparison at ${size.name} px: the aligned table, the panels and the legend in their boxes`,
      async () => {
        const page = await openPage(browser, samples.url, size);
        await expect.poll(() => readStore<string>(page, 'compare.status'), { timeout: 60_000 }).toBe('ready');
        await settle(page);
        expect((await box(page, 'header')).height).toBeLessThan(50);
        expect(await listCrowded(page, 'header')).toEqual([]);
        // Both calls of a row are readable: the aligned table keeps most of the width.
        const grid = await box(page, '[role="grid"][aria-label="Aligned calls"]');
        expect(grid.width).toBeGreaterThan(size.width * 0.45);
        // The legends stay inside the timeline area, the diagnosis banner above it.
        const section = await box(page, 'timeline-section');
        for (const id of ['compare-legend', 'call-colours']) {
          const b = await box(page, id);
          expect(b.x + b.width).toBeLessThanOrEqual(size.width + 1);
        }
        expect((await box(page, '[data-testid="diagnosis"]')).y).toBeLessThan(section.y);
        // Phase labels: 11 px, on a background of their own.
        const labels = page.locator('[data-phase-label] text');
        await expect.poll(() => labels.count()).toBeGreaterThan(0);
        expect(await labels.first().getAttribute('font-size')).toBe('11');
        await shoot(page, size.width === 1440 ? 'compare.png' : `compare-${size.name}.png`);
        // The Processes tab stays inside its panel, clear of the compared call.
        await page.getByRole('tab', { name: 'Processes' }).click();
        const lists = page.getByRole('list', { name: /^Processes in / });
        await expect.poll(() => lists.count()).toBe(2);
        const panel = await box(page, '[aria-label="Comparison panels"]');
        const call = await box(page, '[aria-label="Compared call"]');
        for (let k = 0; k < 2; k++) {
          const b = (await lists.nth(k).boundingBox())!;
          expect(b.x + b.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
          const overlaps =
            b.x < call.x + call.width &&
            call.x < b.x + b.width &&
            b.y < call.y + call.height &&
            call.y < b.y + b.height;
          expect(overlaps).toBe(false);
        }
        await done(page);
      },
    );
  }
});
