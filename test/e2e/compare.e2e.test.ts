import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './harness.js';
import { ROOT, buildApp, hasChromium, launchChromium, outputPath, startServe } from './harness.js';
import { CORPUS } from '../corpus-path.js';

const HOST = `${CORPUS}/foo-host.log`;
const CHROOT_FAILS = `${CORPUS}/foo-chroot-fails.log`;
const SAMPLE = join(ROOT, 'samples', 'hello-bare-chroot');

/**
 * The comparison view in headless Chromium, as a user drives it: the default view of `npm start`, two
 * uploaded logs, `spelunk serve <a> <b>`, a finding clicked, and the three exports (the HTML one opened
 * from file:// with the network cut off).
 */
describe.skipIf(!hasChromium())('comparing two runs in a browser', () => {
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
    empty = await startServe([], { SPELUNK_SAMPLES_DIR: mkdtempSync(join(tmpdir(), 'spelunk-nosamples-')) });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await samples?.stop();
    await pair?.stop();
    await empty?.stop();
  });

  async function open(url: string): Promise<Page & { errors: string[] }> {
    const page = (await browser.newPage()) as Page & { errors: string[] };
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(url);
    return page;
  }
  const findings = (page: Page) => page.getByRole('region', { name: 'Diff findings' });
  const ready = async (page: Page): Promise<void> => {
    await expect
      .poll(() => findings(page).getByRole('listitem').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
  };

  /** Clicks the finding about the failing execve and checks that both runs selected their execve. */
  async function clickExecFinding(page: Page): Promise<void> {
    const finding = findings(page)
      .getByRole('button')
      .filter({ hasText: /execve.*ENOENT/ })
      .first();
    await finding.click();
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

  it.skipIf(!existsSync(SAMPLE))(
    'opens on the hello-bare-chroot comparison by default (npm start)',
    async () => {
      const page = await open(samples.url);
      await ready(page);
      expect(await page.getByRole('img', { name: /^Timeline of / }).count()).toBe(2);
      const text = (await findings(page).textContent()) ?? '';
      expect(text).toContain('execve');
      expect(text).toContain('ENOENT');
      expect(text).toMatch(/own start-up/);
      expect(await page.getByTestId('compare-counts').textContent()).toMatch(/only in chroot/);
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
      if (process.env.SPELUNK_UPDATE_DOCS) {
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'docs', 'compare.png') });
      }
      expect(page.errors).toEqual([]);
      await page.close();
    },
  );

  it.skipIf(!existsSync(SAMPLE))(
    'links zoom (and unlinks it), names every control, and closes back to one trace',
    async () => {
      const page = await open(samples.url);
      await ready(page);
      type Vp = { x0: number; x1: number; laneTop: number };
      const views = () =>
        page.evaluate(() => {
          const s = (
            window as unknown as { __spelunk: { store: { getState(): { viewports: Record<string, Vp> } } } }
          ).__spelunk.store.getState();
          return [s.viewports.a!, s.viewports.b!] as const;
        });
      const zoomA = () =>
        page.evaluate(() => {
          const st = (
            window as unknown as {
              __spelunk: {
                store: { getState(): { viewports: Record<string, Vp>; setViewport(s: string, v: Vp): void } };
              };
            }
          ).__spelunk.store.getState();
          const a = st.viewports.a!;
          st.setViewport('a', { x0: a.x0, x1: a.x0 + (a.x1 - a.x0) / 4, laneTop: 0 });
        });
      const [a0, b0] = await views();
      // Aligned on the target's execve: B's window is A's shifted by one offset.
      await zoomA();
      const [a1, b1] = await views();
      expect(b1.x1 - b1.x0).toBeCloseTo(a1.x1 - a1.x0, 9);
      expect(b1.x0 - a1.x0).toBeCloseTo(b0.x0 - a0.x0, 9);
      await page.getByRole('button', { name: 'Link zoom' }).click();
      expect(await page.getByRole('button', { name: 'Link zoom' }).getAttribute('aria-pressed')).toBe(
        'false',
      );
      await zoomA();
      const [, b2] = await views();
      expect(b2).toEqual(b1);
      // Every control of the comparison has an accessible name.
      for (const tab of ['Aligned calls', 'Statistics', 'Processes']) {
        await page.getByRole('tab', { name: tab }).click();
        const unnamed = await page.evaluate(() =>
          [
            ...document.querySelectorAll(
              '[data-testid="compare-view"] :is(button, input, select, [role=tab], [role=img], canvas, table)',
            ),
          ]
            .filter((el) => {
              const e = el as HTMLElement;
              if (e.getAttribute('aria-hidden') === 'true') return false;
              const named =
                e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.closest('label');
              return !named && !(e.textContent ?? '').trim();
            })
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        expect(unnamed, tab).toEqual([]);
      }
      // ] steps to the next difference: first the failing execve (in both runs), then what only the host does.
      const details = page.getByRole('region', { name: 'Compared call' });
      await page.locator('body').press(']');
      await expect.poll(() => details.getByTestId('compare-name-a').textContent()).toBe('execve');
      expect(await details.getByTestId('compare-name-b').textContent()).toBe('execve');
      await page.locator('body').press(']');
      await expect.poll(() => details.getByTestId('compare-name-a').textContent()).toBe('brk');
      expect(await page.getByTestId('compare-selection').getAttribute('data-b')).toBe('-1');
      await page.getByRole('button', { name: 'Close comparison' }).click();
      await expect.poll(() => page.getByTestId('compare-view').count()).toBe(0);
      expect(await page.getByRole('img', { name: /^Timeline of / }).count()).toBe(1);
      expect(page.errors).toEqual([]);
      await page.close();
    },
  );

  it('compares an uploaded host log with an uploaded chroot log', async () => {
    const page = await open(empty.url);
    await page.getByLabel('Trace A files').setInputFiles(HOST);
    await page.getByLabel('Trace B files').setInputFiles(CHROOT_FAILS);
    await page.getByRole('button', { name: 'Compare A and B' }).click();
    await ready(page);
    const text = (await findings(page).textContent()) ?? '';
    expect(text).toContain('execve');
    expect(text).toContain('ENOENT');
    await clickExecFinding(page);
    await page.screenshot({ path: outputPath('compare-upload.png') });
    // Statistics side by side with deltas, process trees side by side with pairing.
    await page.getByRole('tab', { name: 'Statistics' }).click();
    const stats = page.getByRole('table', { name: 'Statistics side by side' });
    expect(await stats.textContent()).toContain('execve');
    await page.getByRole('tab', { name: 'Processes' }).click();
    expect(await page.getByRole('list', { name: 'Processes in A' }).textContent()).toContain('⇄ B');
    await page.screenshot({ path: outputPath('compare-processes.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!existsSync(SAMPLE))(
    'opens a session directory as host against chroot, and an -ff set against a -f log',
    async () => {
      const session = await startServe([SAMPLE]);
      try {
        const page = await open(session.url);
        await ready(page);
        expect(await page.getByTestId('compare-counts').textContent()).toMatch(
          /only in host.*only in chroot/,
        );
        expect(await findings(page).textContent()).toMatch(/execve.*fails with ENOENT in chroot/);
        await page.close();
      } finally {
        await session.stop();
      }
      const page = await open(empty.url);
      const ff = ['pipe.7721', 'pipe.7722', 'pipe.7723'].map((f) => join(`${CORPUS}/ff`, f));
      await page.getByLabel('Trace A files').setInputFiles(ff);
      await page.getByLabel('Trace B files').setInputFiles(`${CORPUS}/pipe-f-yy.log`);
      await page.getByRole('button', { name: 'Compare A and B' }).click();
      await expect.poll(() => page.getByTestId('compare-counts').count(), { timeout: 30_000 }).toBe(1);
      // The -ff set is one trace of three processes; as `spelunk diff` says, only the first pairs with
      // the -f log's (they are two different runs of the pipeline: other pids, other children).
      await page.getByRole('tab', { name: 'Processes' }).click();
      const listA = page.getByRole('list', { name: 'Processes in A' });
      expect(await listA.getByRole('listitem').count()).toBe(3);
      expect(await listA.getByText(/⇄ B 7683/).count()).toBe(1);
      expect(await listA.getByText('only in A').count()).toBe(2);
      expect(page.errors).toEqual([]);
      await page.close();
    },
  );

  it('opens `spelunk serve <a> <b>` straight into the comparison, and exports it', async () => {
    const page = await open(pair.url);
    await ready(page);
    expect(await page.getByRole('img', { name: /^Timeline of / }).count()).toBe(2);
    // JSON: the same shape and numbers as `spelunk diff --json`.
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export diff JSON' }).click(),
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
    // Markdown report.
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const report = readFileSync((await md.path())!, 'utf8');
    expect(report).toMatch(/^# spelunk comparison/);
    expect(report).toContain('ENOENT');
    // One HTML file, opened from file:// with no network: it shows the findings.
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export HTML' }).click(),
    ]);
    const file = outputPath('compare-export.html');
    await html.saveAs(file);
    await page.close();
    const offline = (await browser.newPage()) as Page & { errors: string[] };
    offline.errors = [];
    offline.on('pageerror', (e) => offline.errors.push(e.message));
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
    await offline.screenshot({ path: outputPath('compare-export-offline.png') });
    // The exported page exports itself again, with both logs inside.
    const [again] = await Promise.all([
      offline.waitForEvent('download'),
      offline.getByRole('button', { name: 'Export HTML' }).click(),
    ]);
    const reexport = readFileSync((await again.path())!, 'utf8');
    expect(reexport.match(/id="spelunk-embedded"/g)).toHaveLength(1);
    expect(reexport).toContain('foo-chroot-fails.log');
    expect(requests).toEqual([]);
    expect(offline.errors).toEqual([]);
    await offline.close();
  });
});
