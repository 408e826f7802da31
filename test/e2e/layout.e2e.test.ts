import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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
import { GUTTER_CSS_PX } from '../../app/src/timeline/draw-timeline.js';
import type { DrawnLabel } from '../../app/src/timeline/lane-labels.js';

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

/** The labels the comparison drew over one timeline (its diff canvas says which boxes it filled). */
async function readLabels(page: Page, slot: 'a' | 'b'): Promise<DrawnLabel[]> {
  return JSON.parse((await page.getByTestId(`diff-marks-${slot}`).getAttribute('data-labels')) ?? '[]');
}

/** Pairs of labels whose boxes overlap, as "text over text". */
function listOverlaps(labels: readonly DrawnLabel[]): string[] {
  const out: string[] = [];
  for (let p = 0; p < labels.length; p++)
    for (let q = p + 1; q < labels.length; q++) {
      const [l, m] = [labels[p]!, labels[q]!];
      if (l.x < m.x + m.width && m.x < l.x + l.width && l.y < m.y + m.height && m.y < l.y + l.height)
        out.push(`${l.text} over ${m.text}`);
    }
  return out;
}

/**
 * Every label over both timelines, drawn once and none over another: the phases' labels are drawn by
 * the diff layer (the SVG under it draws only the bands), laid out with the failure's and the `≠` ones.
 */
async function expectLabelsApart(page: Page): Promise<DrawnLabel[]> {
  await settle(page);
  expect(await page.locator('[data-testid^="compare-timeline-"] [data-phase-label]').count()).toBe(0);
  const all: DrawnLabel[] = [];
  for (const slot of ['a', 'b'] as const) {
    const labels = await readLabels(page, slot);
    expect(listOverlaps(labels)).toEqual([]);
    all.push(...labels);
  }
  return all;
}

/** The labels the single view drew inside its lanes (phase labels, call names), from its label canvas. */
async function readSingleLabels(page: Page): Promise<DrawnLabel[]> {
  return JSON.parse((await page.getByTestId('lane-labels-a').getAttribute('data-labels')) ?? '[]');
}

type PictureLabel = DrawnLabel & { side?: 'a' | 'b' };

/**
 * Exports the comparison as PNG from the menu, as a reader does, and returns the labels drawn in it (the
 * menu lists their boxes, CSS px in the picture). The file must be a PNG twice the timelines' width.
 */
async function exportPicture(page: Page, name: string): Promise<PictureLabel[]> {
  await page.getByTestId('export-menu').locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Export PNG (both runs)' }).click(),
  ]);
  await download.saveAs(outputPath(name));
  const file = readFileSync(outputPath(name));
  expect(file.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = (await box(page, 'timeline-a')).width;
  expect(file.readUInt32BE(16)).toBe(Math.round(width) * 2);
  return JSON.parse((await page.getByTestId('export-menu').getAttribute('data-picture-labels')) ?? '[]');
}

/** A text of an SVG picture, and its box as this page's canvas measures it in the text's font. */
interface SvgText {
  text: string;
  x: number;
  y: number;
  width: number;
  top: number;
  bottom: number;
}

/** Exports the comparison as SVG from the menu and reads its texts back, measured in the page. */
async function exportSvgTexts(page: Page, name: string): Promise<SvgText[]> {
  await page.getByTestId('export-menu').locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Export SVG (both runs)' }).click(),
  ]);
  await download.saveAs(outputPath(name));
  const svg = readFileSync(outputPath(name), 'utf8');
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const ctx = document.createElement('canvas').getContext('2d')!;
    return [...doc.querySelectorAll('text')].map((t) => {
      const font = (t.getAttribute('style') ?? '').replace(/^font:/, '');
      ctx.font = font;
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
      const [x, y] = [Number(t.getAttribute('x')), Number(t.getAttribute('y'))];
      const middle = t.getAttribute('dominant-baseline') === 'middle';
      return {
        text: t.textContent ?? '',
        x,
        y,
        width: ctx.measureText(t.textContent ?? '').width,
        top: middle ? y - size / 2 : y - size * 0.8,
        bottom: middle ? y + size / 2 : y + size * 0.2,
      };
    });
  }, svg);
}

/**
 * The PNG and SVG pictures of the comparison lay their labels out as the screen does: none over another,
 * and every `≠` label on screen (the lanes in view) is in them, where the screen has it (x as drawn).
 */
async function expectPictureLikeScreen(page: Page, name: string): Promise<void> {
  await settle(page);
  const picture = await exportPicture(page, name);
  expect(listOverlaps(picture)).toEqual([]);
  expect(picture.filter((l) => l.kind === 'failure').length).toBeGreaterThan(0);
  // The SVG too, its texts measured as this page measures them: none over another, the same `≠` labels.
  const svg = await exportSvgTexts(page, name.replace(/\.png$/, '.svg'));
  const svgOverlaps = svg.flatMap((l, p) =>
    svg
      .slice(p + 1)
      .filter((m) => l.x < m.x + m.width && m.x < l.x + l.width && l.top < m.bottom && m.top < l.bottom)
      .map((m) => `${l.text} over ${m.text}`),
  );
  expect(svgOverlaps).toEqual([]);
  for (const side of ['a', 'b'] as const) {
    const changes = (await readLabels(page, side)).filter(
      (l) => l.kind === 'change' || l.kind === 'focus-change',
    );
    for (const l of changes) {
      expect(
        picture.some(
          (p) => p.side === side && p.lane === l.lane && p.text === l.text && Math.abs(p.x - l.x) < 0.2,
        ),
        `${side}: ${l.text} at ${l.x} in lane ${l.lane}`,
      ).toBe(true);
      expect(
        svg.some((t) => t.text === l.text && Math.abs(t.x - (l.x + 3)) < 0.2),
        `SVG, ${side}: ${l.text} at ${l.x}`,
      ).toBe(true);
    }
  }
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
      // The phases' labels are drawn with the call names on the timeline's label canvas, laid out so that
      // none covers another (the band SVG draws none of its own), at the whole run and zoomed in.
      await expect
        .poll(async () => (await readSingleLabels(page)).filter((l) => l.kind === 'phase').length)
        .toBeGreaterThan(0);
      expect(await page.locator('[data-phase-label]').count()).toBe(0);
      for (const key of ['', 'w', 'w', 'w', 'w', 'w', '0']) {
        if (key) await page.locator('body').press(key);
        await settle(page);
        const labels = await readSingleLabels(page);
        expect(listOverlaps(labels)).toEqual([]);
        for (const l of labels) expect(l.x).toBeGreaterThanOrEqual(GUTTER_CSS_PX);
      }
      // Its PNG picture lays them out the same way: the phase labels the screen shows, none over another.
      const onScreen = (await readSingleLabels(page)).filter((l) => l.kind === 'phase');
      await page.getByTestId('export-menu').locator('summary').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: 'Export PNG', exact: true }).click(),
      ]);
      await download.saveAs(outputPath(`single-export-${size.name}.png`));
      const picture: DrawnLabel[] = JSON.parse(
        (await page.getByTestId('export-menu').getAttribute('data-picture-labels')) ?? '[]',
      );
      expect(listOverlaps(picture)).toEqual([]);
      for (const l of onScreen)
        expect(
          picture.some((p) => p.kind === 'phase' && p.text === l.text && Math.abs(p.x - l.x) < 0.2),
          `${l.text} at ${l.x}`,
        ).toBe(true);
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
        // Phase labels: 11 px, on a background of their own, in both runs; the execve that fails in the
        // chroot named in full; and no label drawn over another (they used to be drawn by two layers,
        // each unaware of the other: "chr ✕ execve ENOENT hroot").
        for (const slot of ['a', 'b'] as const)
          await expect
            .poll(async () => (await readLabels(page, slot)).filter((l) => l.kind === 'phase').length)
            .toBeGreaterThan(0);
        const labels = await expectLabelsApart(page);
        expect(labels.find((l) => l.kind === 'phase')?.font).toMatch(/\b11px\b/);
        expect(labels.filter((l) => l.kind === 'failure').map((l) => l.text)).toContain('✕ execve ENOENT');
        await shoot(page, size.width === 1440 ? 'compare.png' : `compare-${size.name}.png`);
        // The picture exported from here shows the same labels, and none over another either.
        await expectPictureLikeScreen(page, `compare-export-${size.name}.png`);
        // Close up on the execve that fails in the chroot (a window 1/20 as wide, linked): the failure
        // label whole, the phase labels moved clear of it. The execve is where B's failure label starts
        // (6 px right of its mark), and both runs have it at the same place.
        const failure = (await readLabels(page, 'b')).find((l) => l.kind === 'failure')!;
        const plotWidth = (await box(page, 'diff-marks-b')).width - GUTTER_CSS_PX;
        await page.evaluate(
          ([px, plotW, gutter]) => {
            const s = (
              window as unknown as {
                __spelunk: {
                  store: {
                    getState(): {
                      viewports: { a: { x0: number; x1: number; laneTop: number } };
                      setViewport(slot: 'a', v: { x0: number; x1: number; laneTop: number }): void;
                    };
                  };
                };
              }
            ).__spelunk.store.getState();
            const v = s.viewports.a;
            const at = v.x0 + ((px! - gutter!) / plotW!) * (v.x1 - v.x0);
            const w = (v.x1 - v.x0) / 20;
            s.setViewport('a', { ...v, x0: at - w * 0.1, x1: at + w * 0.9 });
          },
          [failure.x - 6, plotWidth, GUTTER_CSS_PX],
        );
        const close = await expectLabelsApart(page);
        expect(close.filter((l) => l.kind === 'failure').map((l) => l.text)).toContain('✕ execve ENOENT');
        expect(close.filter((l) => l.kind === 'phase').length).toBeGreaterThan(0);
        await expectPictureLikeScreen(page, `compare-export-close-${size.name}.png`);
        // Zoomed out and in (linked), the labels still keep apart.
        for (const key of ['s', 's', 'w', 'w', 'w', 'w']) {
          await page.locator('body').press(key);
          await expectLabelsApart(page);
        }
        await page.locator('body').press('0');
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

  // The interactions the other browser tests drive at 1440 px, driven again at 1024 px (one page each, to
  // stay quick): each control still answers, and what it shows stays on screen.
  const SMALL = SIZES[1];
  const inView = async (page: Page, testIdOrSelector: string): Promise<void> => {
    const b = await box(page, testIdOrSelector);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(SMALL.width + 1);
  };
  const exportMenuOpen = (page: Page): Promise<boolean> =>
    page.getByTestId('export-menu').evaluate((d) => (d as HTMLDetailsElement).open);

  it('single view at 1024 px: hover, range, folding, filters, sorting, statistics, keys, the export menu', async () => {
    const page = await openPage(browser, served.url, SMALL);
    await expect
      .poll(() => page.getByTestId('trace-title').textContent(), { timeout: 60_000 })
      .toContain('pipe-f-yy.log');
    expect(await page.getByTestId('trace-title').textContent()).toMatch(/329 events · 4 tasks/);
    await settle(page);
    const plot = page.getByTestId('timeline-plot-a');
    const canvas = page.getByRole('img', { name: /^Timeline of pipe-f-yy/ });
    // A tooltip on the first call (sh's execve, at the left edge of the first lane), inside the page.
    const tip = page.getByTestId('timeline-tooltip-a');
    await plot.hover({ position: { x: 3, y: 11 } });
    await expect.poll(() => tip.textContent()).toMatch(/^execve\("\/usr\/bin\/sh".*line 1 · pid 7683/);
    await inView(page, 'timeline-tooltip-a');
    // Shift-drag from there: the tooltip goes, the range and its summary come, inside the page.
    const p = (await plot.boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(p.x + 3, p.y + 11);
    await page.mouse.down();
    await page.mouse.move(p.x + p.width * 0.6, p.y + 11, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => tip.isHidden()).toBe(true);
    const summary = page.getByTestId('range-summary-a');
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.textContent()).toMatch(/\d+ calls?.* in \d lanes?/);
    await inView(page, 'range-summary-a');
    await page.locator('body').press('Escape');
    await expect.poll(() => summary.count()).toBe(0);
    // Arrows between the four processes; the root's label folds them into one lane and back.
    await expect.poll(async () => Number(await canvas.getAttribute('data-arrows'))).toBeGreaterThan(2);
    await page.getByTestId('timeline-a').click({ position: { x: 20, y: 11 } });
    await expect.poll(() => canvas.getAttribute('data-lanes')).toBe('1');
    await page.getByTestId('timeline-a').click({ position: { x: 20, y: 11 } });
    await expect.poll(() => canvas.getAttribute('data-lanes')).toBe('4');
    // W zooms, D pans: the keys move the view.
    const before = await readStore<{ x0: number; x1: number }>(page, 'viewports.a');
    await page.locator('body').press('w');
    await page.locator('body').press('d');
    const after = await readStore<{ x0: number; x1: number }>(page, 'viewports.a');
    expect(after.x1 - after.x0).toBeLessThan(before.x1 - before.x0);
    await page.locator('body').press('0');
    // The syscall filter keeps its commas and filters the timeline too.
    const names = page.getByLabel('Filter by syscall names');
    await names.pressSequentially('openat,read');
    expect(await names.inputValue()).toBe('openat,read');
    const rows = page.getByTestId('row-count');
    await expect.poll(() => rows.textContent()).toMatch(/^\d+ of 329 events$/);
    expect(await rows.textContent()).not.toBe('329 of 329 events');
    await expect.poll(() => canvas.getAttribute('data-filtered')).toBe('true');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.textContent()).toBe('329 of 329 events');
    // A sortable column, and a statistics row that filters.
    await page.getByRole('button', { name: 'Sort by pid' }).click();
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').textContent()).toContain('pid');
    await page.getByRole('tab', { name: 'Statistics' }).click();
    await page
      .getByRole('table', { name: 'Syscall statistics' })
      .locator('tbody tr', { hasText: 'openat' })
      .first()
      .click();
    await expect.poll(() => names.inputValue()).toBe('openat');
    await expect.poll(() => canvas.getAttribute('data-filtered')).toBe('true');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // The export menu fits the page, and closes on Esc (the selection stays) or a click elsewhere.
    await page
      .getByRole('table', { name: /^Events of/ })
      .locator('tbody tr[data-index]')
      .first()
      .click();
    await expect.poll(() => readStore<number>(page, 'selection.index')).toBeGreaterThanOrEqual(0);
    await page.getByTestId('export-menu').locator('summary').click();
    expect(await exportMenuOpen(page)).toBe(true);
    await inView(page, '[role="menu"][aria-label="Export"]');
    await page.locator('body').press('Escape');
    await expect.poll(() => exportMenuOpen(page)).toBe(false);
    expect(await readStore<number>(page, 'selection.index')).toBeGreaterThanOrEqual(0);
    await page.getByTestId('export-menu').locator('summary').click();
    await expect.poll(() => exportMenuOpen(page)).toBe(true);
    await page.mouse.click(SMALL.width / 2, SMALL.height - 40);
    await expect.poll(() => exportMenuOpen(page)).toBe(false);
    await done(page);
  });

  it.skipIf(!HAS_SAMPLE)(
    'comparison at 1024 px: zoom past the end cleanly, exports of both runs, the compare panel, a lesson and back',
    async () => {
      const page = await openPage(browser, samples.url, SMALL);
      await expect.poll(() => readStore<string>(page, 'compare.status'), { timeout: 60_000 }).toBe('ready');
      await settle(page);
      expect(await page.getByTestId('trace-title').textContent()).toMatch(/^Ahost.*⇄.*Bchroot/);
      await inView(page, '[role="group"][aria-label="Runs compared"]');
      // Linked zoom out past the end of the shorter run and beyond: both brushes drawn, no console error.
      for (let k = 0; k < 8; k++) await page.locator('body').press('s');
      for (let k = 0; k < 6; k++) await page.locator('body').press('d');
      await settle(page);
      for (const slot of ['a', 'b'])
        expect(
          Number(
            await page
              .getByTestId(`compare-timeline-${slot}`)
              .locator('.brush .selection')
              .getAttribute('width'),
          ),
        ).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Align on execve' }).click();
      // The pictures and the Perfetto trace hold both runs.
      await page.getByTestId('export-menu').locator('summary').click();
      const items = await page.getByRole('menuitem').allTextContents();
      expect(items).toEqual(
        expect.arrayContaining([
          'Export PNG (both runs)',
          'Export SVG (both runs)',
          'Export trace JSON (Perfetto), both runs',
        ]),
      );
      await inView(page, '[role="menu"][aria-label="Export"]');
      await page.locator('body').press('Escape');
      await expect.poll(() => exportMenuOpen(page)).toBe(false);
      // Compare… opens in view, Esc closes it.
      await page.getByRole('button', { name: 'Compare…' }).click();
      const panel = page.getByRole('region', { name: 'Compare two runs' });
      const b = (await panel.boundingBox())!;
      expect(b.y + 60).toBeLessThan(SMALL.height);
      expect(b.x + b.width).toBeLessThanOrEqual(SMALL.width + 1);
      await page.locator('body').press('Escape');
      await expect.poll(() => page.getByTestId('compare-view').count()).toBe(1);
      // A lesson from here: its step beside the host run, and Exit returns to this comparison.
      await page.getByRole('button', { name: 'Lessons', exact: true }).click();
      await page
        .getByRole('navigation', { name: 'Lessons' })
        .getByRole('button', { name: /^3\. A chroot that fails/ })
        .click();
      await expect.poll(() => page.getByTestId('lesson-walker').count()).toBe(1);
      await inView(page, 'lesson-walker');
      while (!(await page.getByRole('button', { name: 'Show the host run beside it' }).count()))
        await page.getByRole('button', { name: 'Next →' }).click();
      await page.getByRole('button', { name: 'Show the host run beside it' }).click();
      await expect.poll(() => page.getByRole('img', { name: /^Timeline of / }).count()).toBe(2);
      await expect.poll(() => page.getByTestId('lesson-run').textContent()).toMatch(/side by side$/);
      await page.getByRole('button', { name: 'Exit lesson' }).click();
      await expect.poll(() => page.getByTestId('lesson-walker').count()).toBe(0);
      await expect.poll(() => readStore<string>(page, 'compare.status'), { timeout: 60_000 }).toBe('ready');
      expect(await page.getByTestId('trace-title').textContent()).toMatch(/^Ahost.*⇄.*Bchroot/);
      await done(page);
    },
  );
});
