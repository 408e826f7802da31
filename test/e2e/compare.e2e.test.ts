import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
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
import { CORPUS } from '../corpus-path.js';
import { makeTempDir } from '../temp-dir.js';

const HOST = `${CORPUS}/foo-host.log`;
const CHROOT_FAILS = `${CORPUS}/foo-chroot-fails.log`;
const SAMPLE = join(ROOT, 'samples', 'hello-bare-chroot');
const HAS_SAMPLE = existsSync(SAMPLE);

/**
 * The comparison view in headless Chromium, as a user drives it: the default view of `npm start`, two
 * uploaded logs, `spelunk serve <a> <b>`, a session, the diagnosis and a finding clicked, linked zoom
 * (past the end of the shorter run), the run picker, and the exports (the HTML one opened from file://
 * with the network cut off). No test may see a console error.
 */
describe.skipIf(!hasChromium())('comparing two runs in a browser', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let samples: RunningServer;
  let pair: RunningServer;
  let empty: RunningServer;

  beforeAll(async () => {
    await buildApp();
    [samples, pair, browser] = await Promise.all([
      startServe([]),
      startServe([HOST, CHROOT_FAILS]),
      launchChromium(),
    ]);
    empty = await startServe([], { SPELUNK_SAMPLES_DIR: makeTempDir('spelunk-nosamples') });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await samples?.stop();
    await pair?.stop();
    await empty?.stop();
  });

  const findings = (page: Page) => page.getByRole('region', { name: 'Diff findings' });
  const ready = async (page: Page): Promise<void> => {
    await expect
      .poll(() => findings(page).getByRole('listitem').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await settle(page);
  };
  const done = async (page: WatchedPage): Promise<void> => {
    expect(page.errors).toEqual([]);
    await page.close();
  };
  const exportItem = async (page: Page, name: RegExp) => {
    await page.getByTestId('export-menu').locator('summary').click();
    return page.getByRole('menuitem', { name });
  };

  /** Clicks the finding about the failing execve and checks that both runs selected their execve. */
  async function clickExecFinding(page: Page): Promise<void> {
    await findings(page)
      .getByRole('button')
      .filter({ hasText: /execve.*ENOENT/ })
      .first()
      .click();
    const sel = page.getByTestId('compare-selection');
    await expect.poll(async () => Number(await sel.getAttribute('data-a'))).toBeGreaterThanOrEqual(0);
    await expect.poll(async () => Number(await sel.getAttribute('data-b'))).toBeGreaterThanOrEqual(0);
    // Both timelines draw the selection ring on those very events.
    await expect
      .poll(() => page.getByTestId('diff-marks-a').getAttribute('data-selected'))
      .toBe(await sel.getAttribute('data-a'));
    await expect
      .poll(() => page.getByTestId('diff-marks-b').getAttribute('data-selected'))
      .toBe(await sel.getAttribute('data-b'));
    const details = page.getByRole('region', { name: 'Compared call' });
    await expect.poll(() => details.getByTestId('compare-name-a').textContent()).toBe('execve');
    expect(await details.getByTestId('compare-name-b').textContent()).toBe('execve');
    // The table scrolled to and marked the same pair.
    await expect.poll(() => page.locator('[role="row"][aria-selected="true"]').count()).toBe(1);
    expect(await page.locator('[role="row"][aria-selected="true"]').textContent()).toContain('execve');
  }

  it.skipIf(!HAS_SAMPLE)(
    'opens on the diagnosis of hello-bare-chroot, its evidence selected in both runs (npm start)',
    async () => {
      const page = await openPage(browser, samples.url);
      await ready(page);
      expect(await page.getByRole('img', { name: /^Timeline of / }).count()).toBe(2);
      // The diagnosis banner says findings[0] in a sentence, above the timelines; its lines are selected.
      const banner = page.getByRole('region', { name: 'Diagnosis' });
      const first = (await findings(page).getByRole('listitem').first().textContent()) ?? '';
      const message = (await banner.getByTestId('diagnosis-message').textContent()) ?? '';
      expect(message.length).toBeGreaterThan(20);
      expect(first).toContain(message.slice(0, 40));
      const f0 = await readStore<{ indexA: number; indexB: number }>(page, 'compare.diff.findings.0');
      expect(await readStore<number>(page, 'compare.finding')).toBe(0);
      await expect
        .poll(() => page.getByTestId('diff-marks-a').getAttribute('data-selected'))
        .toBe(String(f0.indexA));
      await expect
        .poll(() => page.getByTestId('diff-marks-b').getAttribute('data-selected'))
        .toBe(String(f0.indexB));
      expect(
        await banner.getByRole('button', { name: 'Show in both runs' }).getAttribute('aria-pressed'),
      ).toBe('true');
      const text = (await findings(page).textContent()) ?? '';
      expect(text).toContain('execve');
      expect(text).toContain('ENOENT');
      expect(await page.getByTestId('compare-counts').textContent()).toMatch(/only in chroot/);
      // The header names both runs; each pane says its label once.
      const title = (await page.getByTestId('trace-title').textContent()) ?? '';
      expect(title).toMatch(/^Ahost.*⇄.*Bchroot/);
      expect(await page.getByTestId('pane-title-a').textContent()).toMatch(/^Ahost hello/);
      expect(await page.getByTestId('pane-title-b').textContent()).toMatch(
        /^Bchroot hello.*start-up: \d+ calls, one block/,
      );
      // A legend for the comparison's marks, and the timeline legend.
      expect(await page.getByTestId('compare-legend').textContent()).toContain('fails in this run only');
      // Addresses as strace prints them.
      await expect
        .poll(() => page.locator('[role="row"]', { hasText: 'brk(NULL)' }).first().textContent())
        .toMatch(/= 0x[0-9a-f]+/);
      // A's run fills its lane from the left (not squeezed right of B's launcher stage).
      const vpA = await readStore<{ x0: number; x1: number }>(page, 'viewports.a');
      expect((0 - vpA.x0) / (vpA.x1 - vpA.x0)).toBeLessThan(0.05);
      // The alignment strip and the marks are drawn (canvas; the counts are on data attributes).
      await expect
        .poll(async () => Number(await page.getByTestId('alignment-strip').getAttribute('data-lines')))
        .toBeGreaterThan(0);
      await expect
        .poll(async () => Number(await page.getByTestId('diff-marks-b').getAttribute('data-marks')))
        .toBeGreaterThan(0);
      // One cursor: the pointer over A's plot shows at the same place over B's (the views are linked).
      await page.getByTestId('timeline-plot-a').hover({ position: { x: 300, y: 5 } });
      await expect.poll(() => page.getByTestId('diff-marks-a').getAttribute('data-cursor-px')).toBe('300');
      await expect.poll(() => page.getByTestId('diff-marks-b').getAttribute('data-cursor-px')).toBe('300');
      await clickExecFinding(page);
      await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('compare=');
      await page.screenshot({ path: outputPath('compare-default.png') });
      await done(page);
    },
  );

  it.skipIf(!HAS_SAMPLE)(
    'links zoom (past the end of the shorter run, cleanly), keeps it in the URL, names every control, and closes back to one trace',
    async () => {
      const page = await openPage(browser, samples.url);
      await ready(page);
      type Vp = { x0: number; x1: number; laneTop: number };
      const views = () =>
        page.evaluate(() => {
          const h = (
            window as unknown as {
              __spelunk: {
                store: {
                  getState(): { viewports: Record<string, Vp>; compare: { offset: number; linked: boolean } };
                };
              };
            }
          ).__spelunk;
          const s = h.store.getState();
          const a = s.viewports.a!;
          const b = s.compare.linked
            ? { x0: a.x0 + s.compare.offset, x1: a.x1 + s.compare.offset, laneTop: 0 }
            : s.viewports.b!;
          return [a, b] as const;
        });
      const [a0, b0] = await views();
      // Zoom with the keys: B follows A, one offset between them.
      await page.locator('body').press('w');
      await page.locator('body').press('w');
      const [a1, b1] = await views();
      expect(a1.x1 - a1.x0).toBeLessThan((a0.x1 - a0.x0) / 2);
      expect(b1.x1 - b1.x0).toBeCloseTo(a1.x1 - a1.x0, 9);
      expect(b1.x0 - a1.x0).toBeCloseTo(b0.x0 - a0.x0, 9);
      // The zoom goes into the URL, and a reload comes back to it.
      const viewInUrl = (url: string): number =>
        Number(new URLSearchParams(new URL(url).hash.slice(1)).get('view')?.split(',')[0]);
      await expect.poll(() => viewInUrl(page.url())).toBeCloseTo(a1.x0, 9);
      const reloaded = await openPage(browser, page.url());
      await ready(reloaded);
      await expect.poll(async () => (await readStore<Vp>(reloaded, 'viewports.a')).x0).toBeCloseTo(a1.x0, 9);
      await done(reloaded);
      // Zoom out past the end of B (the shorter run) and far beyond: no console error, both brushes drawn.
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
      await page.getByRole('button', { name: 'Link zoom' }).click();
      expect(await page.getByRole('button', { name: 'Link zoom' }).getAttribute('aria-pressed')).toBe(
        'false',
      );
      const [, b2] = await views();
      await page.locator('body').press('w');
      const [, b3] = await views();
      expect(b3).toEqual(b2);
      for (const tab of ['Aligned calls', 'Statistics', 'Processes']) {
        await page.getByRole('tab', { name: tab }).click();
        expect(await listUnnamedControls(page, '[data-testid="compare-view"]'), tab).toEqual([]);
      }
      // ] steps to the next difference: first the failing execve (in both runs), then what only the host does.
      await page.getByRole('button', { name: 'Align on execve' }).click();
      await page.getByRole('tab', { name: 'Aligned calls' }).click();
      const details = page.getByRole('region', { name: 'Compared call' });
      await page.locator('body').press('Escape'); // clears the selection: ] starts from the first difference
      await expect.poll(() => readStore<number>(page, 'compare.pair')).toBe(-1);
      await page.locator('body').press(']');
      await expect.poll(() => details.getByTestId('compare-name-a').textContent()).toBe('execve');
      expect(await details.getByTestId('compare-name-b').textContent()).toBe('execve');
      await page.locator('body').press(']');
      await expect.poll(() => details.getByTestId('compare-name-a').textContent()).toBe('brk');
      expect(await page.getByTestId('compare-selection').getAttribute('data-b')).toBe('-1');
      // A statistics row shows that call's pairs in the aligned table.
      await page.getByRole('tab', { name: 'Statistics' }).click();
      await page
        .getByRole('table', { name: 'Statistics side by side' })
        .locator('tbody tr', { hasText: 'execve' })
        .first()
        .click();
      await expect
        .poll(() => page.getByRole('tab', { name: 'Aligned calls' }).getAttribute('aria-selected'))
        .toBe('true');
      const rows = await page.locator('[role="grid"] [role="row"]').allTextContents();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.includes('execve'))).toBe(true);
      await page.getByRole('button', { name: 'Close comparison' }).click();
      await expect.poll(() => page.getByTestId('compare-view').count()).toBe(0);
      expect(await page.getByRole('img', { name: /^Timeline of / }).count()).toBe(1);
      await done(page);
    },
  );

  it.skipIf(!HAS_SAMPLE)(
    'picks any two served runs as A and B, from the compare panel (Esc closes it) and the bar',
    async () => {
      const page = await openPage(browser, samples.url);
      await ready(page);
      await page.getByRole('button', { name: 'Compare…' }).click();
      const panel = page.getByRole('region', { name: 'Compare two runs' });
      const box = (await panel.boundingBox())!;
      expect(box.y + 60).toBeLessThan(900); // in view, not below twenty sample cards
      await page.locator('body').press('Escape');
      await expect.poll(() => page.getByTestId('compare-view').count()).toBe(1);
      await page.getByRole('button', { name: 'Compare…' }).click();
      await panel.getByLabel('Served run A').selectOption('hello-world/chroot');
      await panel.getByLabel('Served run B').selectOption('hello-bare-chroot/chroot');
      await panel.getByRole('button', { name: 'Compare these runs' }).click();
      await expect
        .poll(() =>
          readStore<string[]>(page, 'compare.sides').then((s) =>
            s?.map((x) => (x as unknown as { id: string }).id),
          ),
        )
        .toEqual(['hello-world/chroot', 'hello-bare-chroot/chroot']);
      await ready(page);
      // The bar's pickers: B becomes the host run of the same sample, then the two swap.
      await page.getByLabel('Run B').selectOption('hello-world/host');
      await expect
        .poll(() => readStore<{ id: string }[]>(page, 'compare.sides').then((s) => s.map((x) => x.id)))
        .toEqual(['hello-world/chroot', 'hello-world/host']);
      await page.getByRole('button', { name: 'Swap A and B' }).click();
      await expect
        .poll(() => readStore<{ id: string }[]>(page, 'compare.sides').then((s) => s.map((x) => x.id)))
        .toEqual(['hello-world/host', 'hello-world/chroot']);
      // a closed picker shows what fits; its tooltip names the whole run
      await expect.poll(() => page.getByLabel('Run A').getAttribute('title')).toBe('host (hello-world)');
      await ready(page);
      await done(page);
    },
  );

  it('compares an uploaded host log with an uploaded chroot log', async () => {
    const page = await openPage(browser, empty.url);
    await page.getByLabel('Trace A files').setInputFiles(HOST);
    await page.getByLabel('Trace B files').setInputFiles(CHROOT_FAILS);
    expect(await page.getByTestId('compare-files-a-chosen').textContent()).toBe('foo-host.log');
    await page.getByRole('button', { name: 'Compare A and B' }).click();
    await ready(page);
    const text = (await findings(page).textContent()) ?? '';
    expect(text).toContain('execve');
    expect(text).toContain('ENOENT');
    await clickExecFinding(page);
    // Pane titles say each run once ("A foo-host.log", not "A · A foo-host.log").
    expect(await page.getByTestId('pane-title-a').textContent()).toBe('A foo-host.log');
    // Statistics side by side with deltas, process trees side by side with pairing.
    await page.getByRole('tab', { name: 'Statistics' }).click();
    expect(await page.getByRole('table', { name: 'Statistics side by side' }).textContent()).toContain(
      'execve',
    );
    await page.getByRole('tab', { name: 'Processes' }).click();
    expect(await page.getByRole('list', { name: 'Processes in A' }).textContent()).toContain('⇄ B');
    await done(page);
  });

  it.skipIf(!HAS_SAMPLE)(
    'opens a session directory as host against chroot, and an -ff set against a -f log',
    async () => {
      const session = await startServe([SAMPLE]);
      try {
        const page = await openPage(browser, session.url);
        await ready(page);
        expect(await page.getByTestId('compare-counts').textContent()).toMatch(
          /only in host.*only in chroot/,
        );
        expect(await findings(page).textContent()).toMatch(/execve.*fails with ENOENT in chroot/);
        await done(page);
      } finally {
        await session.stop();
      }
      const page = await openPage(browser, empty.url);
      const ff = ['pipe.7721', 'pipe.7722', 'pipe.7723'].map((f) => join(`${CORPUS}/ff`, f));
      await page.getByLabel('Trace A files').setInputFiles(ff);
      await page.getByLabel('Trace B files').setInputFiles(`${CORPUS}/pipe-f-yy.log`);
      await page.getByRole('button', { name: 'Compare A and B' }).click();
      await expect.poll(() => page.getByTestId('compare-counts').count(), { timeout: 60_000 }).toBe(1);
      // The -ff set is one trace of three processes; as `spelunk diff` says, only the first pairs with
      // the -f log's (they are two different runs of the pipeline: other pids, other children).
      await page.getByRole('tab', { name: 'Processes' }).click();
      const listA = page.getByRole('list', { name: 'Processes in A' });
      expect(await listA.getByRole('listitem').count()).toBe(3);
      expect(await listA.getByText(/⇄ B 7683/).count()).toBe(1);
      expect(await listA.getByText('only in A').count()).toBe(2);
      await done(page);
    },
  );

  it('opens `spelunk serve <a> <b>` straight into the comparison, and exports it: reports, both runs as a picture and for Perfetto', async () => {
    const page = await openPage(browser, pair.url);
    await ready(page);
    expect(await page.getByRole('img', { name: /^Timeline of / }).count()).toBe(2);
    // JSON: the same shape and numbers as `spelunk diff --json`.
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      (await exportItem(page, /^Export diff JSON/)).click(),
    ]);
    const json = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as Record<string, unknown>;
    const cli = JSON.parse(
      (
        await execa('node', [join(ROOT, 'bin', 'spelunk.js'), 'diff', '--json', HOST, CHROOT_FAILS], {
          cwd: ROOT,
        })
      ).stdout,
    ) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(Object.keys(cli).sort());
    for (const k of ['equal', 'changed', 'onlyA', 'onlyB', 'firstDivergence', 'findings', 'labels'])
      expect(json[k]).toEqual(cli[k]);
    expect((json.pairs as unknown[]).length).toBe((cli.pairs as unknown[]).length);
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      (await exportItem(page, /^Export Markdown/)).click(),
    ]);
    const report = readFileSync((await md.path())!, 'utf8');
    expect(report).toMatch(/^# spelunk comparison/);
    expect(report).toContain('ENOENT');
    // The comparison as one picture: both timelines and the strip.
    const [svgDl] = await Promise.all([
      page.waitForEvent('download'),
      (await exportItem(page, /^Export SVG \(both runs\)/)).click(),
    ]);
    const svg = readFileSync((await svgDl.path())!, 'utf8');
    expect(svg).toContain('<title>spelunk comparison: A against B</title>');
    expect(svg).toContain('>A · A — foo-host.log<');
    expect(svg).toContain('>B · B — foo-chroot-fails.log<');
    expect(svg).toMatch(/>✕ execve ENOENT</);
    const [pngDl] = await Promise.all([
      page.waitForEvent('download'),
      (await exportItem(page, /^Export PNG \(both runs\)/)).click(),
    ]);
    const png = readFileSync((await pngDl.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(20)).toBeGreaterThan(2 * 2 * (26 + 22 + 22)); // height: two timelines, two titles, the strip
    const [perfetto] = await Promise.all([
      page.waitForEvent('download'),
      (await exportItem(page, /^Export trace JSON/)).click(),
    ]);
    const trace = JSON.parse(readFileSync((await perfetto.path())!, 'utf8')) as {
      traceEvents: { name: string; args: { name?: string } }[];
    };
    const processes = trace.traceEvents
      .filter((e) => e.name === 'process_name')
      .map((e) => e.args.name ?? '');
    expect(processes.some((n) => n.startsWith('A: '))).toBe(true);
    expect(processes.some((n) => n.startsWith('B: '))).toBe(true);
    // One HTML file, opened from file:// with no network: it shows the findings.
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      (await exportItem(page, /^Export HTML/)).click(),
    ]);
    const file = outputPath('compare-export.html');
    await html.saveAs(file);
    await done(page);
    const offline = (await browser.newPage()) as WatchedPage;
    offline.errors = [];
    offline.on('pageerror', (e) => offline.errors.push(e.message));
    offline.on('console', (m) => m.type() === 'error' && offline.errors.push(m.text()));
    const requests: string[] = [];
    await offline.route(/^(?!file:|data:|blob:)/, (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await offline.goto(`file://${file}`);
    await ready(offline);
    const text = (await findings(offline).textContent()) ?? '';
    expect(text).toContain('execve');
    expect(text).toContain('ENOENT');
    await clickExecFinding(offline);
    // The exported page exports itself again, with both logs inside.
    const [again] = await Promise.all([
      offline.waitForEvent('download'),
      (await exportItem(offline, /^Export HTML/)).click(),
    ]);
    const reexport = readFileSync((await again.path())!, 'utf8');
    expect(reexport.match(/id="spelunk-embedded"/g)).toHaveLength(1);
    expect(reexport).toContain('foo-chroot-fails.log');
    expect(requests).toEqual([]);
    await done(offline);
  });
});
