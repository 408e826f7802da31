import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../parsers/lessons/index.js';
import { LESSONS, findLesson, focusEvent, resolveStep } from '../../parsers/lessons/index.js';
import { loadSampleRun, readSampleIndex } from '../lessons/sample-traces.js';
import type { RunningServer, WatchedPage } from './harness.js';
import {
  ROOT,
  buildApp,
  hasChromium,
  launchChromium,
  openPage,
  outputPath,
  readStore,
  startServe,
} from './harness.js';

const HAS_SAMPLES = existsSync(join(ROOT, 'samples', 'index.json'));

/** The first sentence of a step's text, as the page shows it (backticks become <code>). */
const firstSentence = (text: string): string => (text.split(/(?<=[.:])\s/)[0] ?? text).replace(/`/g, '');

/** What the page must show for a step: computed here, in Node, from the same samples and selectors. */
function expected(lesson: Lesson, k: number, view: 'step' | 'compare' = 'step') {
  const step = lesson.steps[k]!;
  const r = resolveStep(step, (run) => loadSampleRun(lesson.sample, run));
  const part = view === 'compare' ? r.compare! : r.main;
  const trace = loadSampleRun(lesson.sample, part.run)!;
  const focus = focusEvent(part)!;
  return {
    step,
    run: part.run,
    focus,
    line: trace.line(focus),
    name: trace.name(focus),
    count: part.events.length,
  };
}

/**
 * A whole lesson walked in headless Chromium as a student would: open the lessons menu, pick one, press
 * Next through every step, and check each time that the page shows the step's text and has selected the
 * event the step's selectors pick (the same event resolved here in Node), with the phase bands drawn and
 * the step's events ringed; then leave the lesson for free exploration.
 */
describe.skipIf(!hasChromium() || !HAS_SAMPLES)('lessons in the browser', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let server: RunningServer;

  beforeAll(async () => {
    await buildApp();
    [server, browser] = await Promise.all([startServe([]), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openLesson(title: string): Promise<WatchedPage> {
    const page = await openPage(browser, server.url);
    // The samples open on a comparison (two timelines); a lesson then opens its own run alone.
    await expect.poll(() => readStore<string>(page, 'compare.status'), { timeout: 60_000 }).toBe('ready');
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: title }).click();
    return page;
  }

  async function checkStep(
    page: Page,
    lesson: Lesson,
    k: number,
    view: 'step' | 'compare' = 'step',
  ): Promise<void> {
    const want = expected(lesson, k);
    await expect
      .poll(() => page.getByTestId('lesson-progress').textContent(), { timeout: 60_000 })
      .toBe(`Step ${k + 1} of ${lesson.steps.length}`);
    expect(await page.getByTestId('lesson-step-title').textContent()).toBe(want.step.title);
    expect(await page.getByTestId('lesson-step-text').textContent()).toContain(firstSentence(want.step.text));
    const slot = view === 'compare' ? 'b' : 'a';
    // The page selected the very event the selectors pick here, in the step's own run.
    await expect
      .poll(() => page.getByTestId('lesson-focus').getAttribute('data-index'), { timeout: 60_000 })
      .toBe(String(want.focus));
    expect(await page.getByTestId('lesson-focus').getAttribute('data-slot')).toBe(slot);
    const focusText = (await page.getByTestId('lesson-focus').textContent()) ?? '';
    expect(focusText).toContain(`${want.name} at line ${want.line}`);
    // "(and N more highlighted: lines ...)" counts the others and lists as many lines as it counts.
    const more = /and (\d+) more highlighted: lines? ([\d, …]+)\)/.exec(focusText);
    if (want.count > 1) {
      expect(Number(more?.[1])).toBe(want.count - 1);
      if (want.count - 1 <= 8) expect(more![2]!.split(', ').length).toBe(want.count - 1);
    } else expect(more).toBeNull();
    const runs = readSampleIndex().find((e) => e.id === lesson.sample)?.runs.length ?? 0;
    const layer = page.getByTestId(`phase-bands-${slot}`);
    if (view === 'compare') {
      // Side by side: the run it compares with as A, the step's run as B, both timelines on screen.
      const other = expected(lesson, k, 'compare');
      await expect.poll(() => page.getByRole('img', { name: /^Timeline of / }).count()).toBe(2);
      expect(await page.getByTestId('lesson-run').textContent()).toBe(
        `${other.run} and ${want.run}, side by side`,
      );
      await expect
        .poll(() => page.getByTestId('diff-marks-b').getAttribute('data-selected'))
        .toBe(String(want.focus));
      await expect
        .poll(async () => Number(await page.getByTestId('phase-bands-a').getAttribute('data-ring-count')))
        .toBeGreaterThan(0);
    } else {
      await expect.poll(() => page.getByTestId('lesson-run').textContent()).toBe(want.run);
      if (runs > 1) expect(await page.getByTestId('trace-title').textContent()).toContain(`: ${want.run}`);
      const details = page.getByRole('region', { name: 'Event details' });
      await expect.poll(() => details.getByTestId('details-name').textContent()).toBe(want.name);
      expect(await details.getByTestId('details-line').textContent()).toBe(`line ${want.line}`);
    }
    // Bands for the phases, and a ring on each of the step's events that is in view (at least the focus).
    await expect
      .poll(async () => Number(await layer.getAttribute('data-band-count')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect.poll(async () => Number(await layer.getAttribute('data-ring-count'))).toBeGreaterThan(0);
    expect(Number(await layer.getAttribute('data-ring-count'))).toBeLessThanOrEqual(want.count);
  }

  it('walks "How a program becomes a process" step by step with Next, then leaves it', async () => {
    const lesson = findLesson('hello-process')!;
    const page = await openLesson(lesson.title);
    for (let k = 0; k < lesson.steps.length; k++) {
      await checkStep(page, lesson, k);
      if (k === 3) await page.screenshot({ path: outputPath('lesson-hello-process-step4.png') });
      if (k + 1 < lesson.steps.length) await page.getByRole('button', { name: 'Next →' }).click();
    }
    expect(await page.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '← Previous' }).click();
    await checkStep(page, lesson, lesson.steps.length - 2);
    await page.screenshot({ path: outputPath('lesson-hello-process.png') });

    // The way out: the walker goes, and the page is back where the lesson was started from: the comparison.
    await page.getByRole('button', { name: 'Exit lesson' }).click();
    await expect.poll(() => page.getByTestId('lesson-walker').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lessons', exact: true }).count()).toBe(1);
    await expect.poll(() => readStore<string>(page, 'compare.status'), { timeout: 60_000 }).toBe('ready');
    expect(await page.getByRole('img', { name: /^Timeline of / }).count()).toBe(2);
    expect(await page.getByTestId('trace-title').textContent()).toContain('bare chroot');
    expect(await page.getByTestId('phase-bands-a').getAttribute('data-ring-count')).toBe('0');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('walks the failing chroot, switching to the host run to compare', async () => {
    const lesson = findLesson('bare-chroot-enoent')!;
    const page = await openLesson(lesson.title);
    for (let k = 0; k < lesson.steps.length; k++) {
      await checkStep(page, lesson, k);
      if (lesson.steps[k]!.compare) {
        await page.screenshot({ path: outputPath('lesson-bare-chroot-enoent.png') });
        await page.getByRole('button', { name: 'Show the host run beside it' }).click();
        await checkStep(page, lesson, k, 'compare');
        await page.screenshot({ path: outputPath('lesson-side-by-side.png') });
        await page.getByRole('button', { name: 'Back to the chroot run alone' }).click();
        await checkStep(page, lesson, k);
      }
      if (k + 1 < lesson.steps.length) await page.getByRole('button', { name: 'Next →' }).click();
    }
    // Back to the comparison the lesson started from; its phase list names the chroot phase with its
    // failing execve.
    expect(await page.getByTestId('lesson-walker').count()).toBe(1);
    await page.getByRole('button', { name: 'Exit lesson' }).click();
    await expect.poll(() => readStore<string>(page, 'compare.status'), { timeout: 60_000 }).toBe('ready');
    await page.getByText(/^\d+ phases$/).click();
    expect(await page.getByTestId('phase-list').textContent()).toContain(
      'chroot() + chdir() + execve() ENOENT',
    );
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('opens a step from a link, and keeps the link in step with the walk', async () => {
    const lesson = findLesson('cap-drop-eperm')!;
    const page = await openPage(browser, `${server.url}?lesson=cap-drop-eperm&step=4`);
    await checkStep(page, lesson, 3);
    expect(await page.getByTestId('lesson-focus').textContent()).toContain('chroot at line');
    await page.getByRole('button', { name: 'Next →' }).click();
    await checkStep(page, lesson, 4);
    expect(new URL(page.url()).search).toBe('?lesson=cap-drop-eperm&step=5');
    await page.getByRole('button', { name: 'Exit lesson' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('walks every step of every lesson on the current samples', { timeout: 400_000 }, async () => {
    // Opened by its link, the first lesson starts from nothing: leaving it keeps its trace (no comparison
    // to reopen between lessons).
    const page = await openPage(browser, `${server.url}?lesson=${LESSONS[0]!.id}&step=1`);
    for (const lesson of LESSONS) {
      if (lesson !== LESSONS[0]) {
        await page.getByRole('button', { name: 'Exit lesson' }).click();
        await page.getByRole('button', { name: 'Lessons', exact: true }).click();
        await page
          .getByRole('navigation', { name: 'Lessons' })
          .getByRole('button', { name: lesson.title })
          .click();
      }
      for (let k = 0; k < lesson.steps.length; k++) {
        await checkStep(page, lesson, k);
        if (k + 1 < lesson.steps.length) await page.getByRole('button', { name: 'Next →' }).click();
      }
      await page.screenshot({ path: outputPath(`lesson-${lesson.id}-last-step.png`) });
    }
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
