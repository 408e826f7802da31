import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpusTrace } from './load-corpus.js';
import { computePhaseBands } from '../../app/src/lessons/compute-phase-bands.js';
import { computeStepViewport } from '../../app/src/lessons/compute-step-window.js';
import { computeLanes } from '../../app/src/logic/compute-lanes.js';
import { buildTraceData } from '../../app/src/worker/build-trace-data.js';
import { computePhases } from '../../parsers/analysis/phases.js';
import { resolveSelector } from '../../parsers/lessons/index.js';
import { parseStrace } from '../../parsers/strace/index.js';

const LOG = new URL('../../samples/hello-bare-chroot/chroot.strace.log', import.meta.url).pathname;
const trace = parseStrace(readFileSync(LOG, 'latin1'), { fileName: 'chroot.strace.log' });
const data = buildTraceData(trace, 'sample:hello-bare-chroot/chroot', 'bare chroot', 0, 0);

describe('lesson geometry', () => {
  it('frames a single failing execve with context, in time and in call order', () => {
    const [execve] = resolveSelector(trace, { syscall: 'execve', failed: true });
    for (const mode of ['time', 'order'] as const) {
      const model = computeLanes(data, mode);
      const vp = computeStepViewport(model, [execve as number], execve as number, 6);
      const lane = model.lanes[0]!;
      const x = lane.x[model.posOf[execve as number] as number] as number;
      expect(vp).not.toBeNull();
      expect(vp!.x0).toBeLessThan(x);
      expect(vp!.x1).toBeGreaterThan(x);
      // Some context, but far from the whole trace.
      expect(vp!.x1 - vp!.x0).toBeGreaterThanOrEqual(
        mode === 'order' ? 20 : (model.xMax - model.xMin) * 0.04,
      );
      expect(vp!.x1 - vp!.x0).toBeLessThan((model.xMax - model.xMin) * 0.5);
      expect(vp!.laneTop).toBe(0);
    }
  });

  it('keeps every event of a step in the window', () => {
    const events = resolveSelector(trace, { syscall: 'openat', failed: true });
    const model = computeLanes(data, 'time');
    const vp = computeStepViewport(model, events, events[0] as number, 6)!;
    for (const i of events) {
      const x = model.lanes[0]!.x[model.posOf[i] as number] as number;
      expect(x).toBeGreaterThanOrEqual(vp.x0);
      expect(x).toBeLessThanOrEqual(vp.x1);
    }
  });

  it('draws one band per phase across the whole trace, in order, and none outside the window', () => {
    const model = computeLanes(data, 'order');
    const phases = computePhases(trace);
    const all = computePhaseBands(model, phases, model.xMin, model.xMax, 1000);
    expect(all.map((b) => b.kind)).toEqual(phases.map((p) => p.kind));
    for (let k = 1; k < all.length; k++) expect(all[k]!.xCssPx).toBeGreaterThanOrEqual(all[k - 1]!.xCssPx);
    expect(all[0]!.xCssPx).toBeCloseTo(0, 5);
    expect(all.every((b) => b.widthCssPx >= 2 && b.xCssPx + b.widthCssPx <= 1001)).toBe(true);
    // A window on the chroot() call only shows the bands that overlap it.
    const chroot = phases.find((p) => p.kind === 'chroot')!;
    const some = computePhaseBands(model, phases, chroot.firstIndex, chroot.lastIndex + 1, 1000);
    expect(some.map((b) => b.kind)).toContain('chroot');
    expect(some.length).toBeLessThanOrEqual(3);
  });

  // The renderers ask for the lanes in view only, found by binary search in each lane's phases: the same
  // bands as the whole list filtered to those lanes, on a real multi-process trace, at any window.
  it('finds the bands of the lanes in view as the whole list does, at any window', () => {
    const { trace: pipe, data: pipeData } = loadCorpusTrace('pipe-f-yy.log');
    const model = computeLanes(pipeData, 'time');
    const phases = computePhases(pipe);
    const key = (b: { lane: number; xCssPx: number; label: string }) => `${b.lane} ${b.xCssPx} ${b.label}`;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-4, max: 1.2, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        (start, width, from, count) => {
          const span = model.xMax - model.xMin;
          const x0 = model.xMin + start * span;
          const x1 = x0 + width * span;
          const lanes = { from, to: from + count };
          const all = computePhaseBands(model, phases, x0, x1, 1200).filter(
            (b) => b.lane >= lanes.from && b.lane < lanes.to,
          );
          const some = computePhaseBands(model, phases, x0, x1, 1200, lanes);
          expect(some.map(key).sort()).toEqual(all.map(key).sort());
        },
      ),
    );
  });
});
