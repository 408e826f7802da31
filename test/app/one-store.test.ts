import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openFromUrl } from '../../app/src/load/open-from-url.js';
import { parseServedList } from '../../app/src/load/served-traces.js';
import { createAppStore } from '../../app/src/store/create-app-store.js';
import { selectViewport } from '../../app/src/store/selectors.js';
import { formatStoreHash } from '../../app/src/store/url-sync.js';
import { TraceClient } from '../../app/src/trace/trace-client.js';
import type { WorkerRequest } from '../../app/src/worker/worker-protocol.js';
import { createInProcessClient, fetchRepositoryFile } from './in-process-worker.js';

const INDEX = readFileSync(new URL('../../samples/index.json', import.meta.url), 'utf8');

function storeWithSamples() {
  const store = createAppStore();
  store.getState().setServed(parseServedList(JSON.parse(INDEX), 'samples/'));
  return store;
}

describe('one store per app instance', () => {
  beforeEach(() => vi.stubGlobal('fetch', fetchRepositoryFile));
  afterEach(() => vi.unstubAllGlobals());

  it('holds the comparison and the lesson as slices, and two instances share nothing', () => {
    const one = createAppStore();
    const two = createAppStore();
    one.getState().setCompare({ diffsOnly: true });
    one.getState().setLesson({ menuOpen: true });
    expect(one.getState().compare.diffsOnly).toBe(true);
    expect(one.getState().lesson.menuOpen).toBe(true);
    expect(two.getState().compare.diffsOnly).toBe(false);
    expect(two.getState().lesson.menuOpen).toBe(false);
  });

  it('opens the default comparison at start, then whatever the hash names when it changes', async () => {
    const store = storeWithSamples();
    const { client } = createInProcessClient();
    await openFromUrl(store, client, '', '', true);
    let s = store.getState();
    expect(s.compare).toMatchObject({ active: true, status: 'ready' });
    expect(s.compare.sides?.map((x) => x.id)).toEqual(['hello-bare-chroot/host', 'hello-bare-chroot/chroot']);
    // The comparison opens on the diagnosis: findings[0]'s lines selected in both runs.
    const f0 = s.compare.diff!.findings[0]!;
    expect(s.compare.finding).toBe(0);
    expect([s.compare.selA, s.compare.selB]).toEqual([f0.indexA, f0.indexB]);
    expect(formatStoreHash(store)).toMatch(
      /^compare=hello-bare-chroot%2Fhost%2Chello-bare-chroot%2Fchroot&view=/,
    );

    // The hash changed by hand (or by Back): the trace it names replaces the comparison.
    await openFromUrl(store, client, '#trace=hello-world/chroot&failed=1', '', false);
    s = store.getState();
    expect(s.compare.active).toBe(false);
    expect(s.traces.a?.id).toBe('hello-world/chroot');
    expect(s.traces.b).toBeUndefined();
    expect(s.filters.failedOnly).toBe(true);

    // A comparison with its zoom and selection, then only its zoom moving (nothing is parsed again).
    const hash = '#compare=hello-world/host,hello-world/chroot&view=0.0001,0.0002';
    await openFromUrl(store, client, hash, '', false);
    s = store.getState();
    expect([s.traces.a?.id, s.traces.b?.id]).toEqual(['hello-world/host', 'hello-world/chroot']);
    expect(s.viewports.a).toMatchObject({ x0: 0.0001, x1: 0.0002 });
    const traceA = s.traces.a;
    await openFromUrl(store, client, hash.replace('0.0002', '0.0003') + '&sel=3', '', false);
    expect(store.getState().traces.a).toBe(traceA);
    expect(store.getState().compare.selA).toBe(3);
    const vp = store.getState().viewports.a!;
    expect(vp.x1 - vp.x0).toBeCloseTo(0.0002, 12); // the URL's zoom, moved only to show the selection
    // B's window is A's plus the offset: derived, never stored.
    const b = selectViewport(store.getState(), 'b')!;
    expect(b.x1 - b.x0).toBeCloseTo(0.0003 - 0.0001, 12);
  });

  it("passes each served run's context (session.json, through api/traces.json) to the diff in the worker", async () => {
    const sent: WorkerRequest[] = [];
    const { client } = createInProcessClient();
    const inner = client as unknown as { worker: { postMessage(r: WorkerRequest): void } };
    const post = inner.worker.postMessage.bind(inner.worker);
    inner.worker.postMessage = (r) => {
      sent.push(r);
      post(r);
    };
    const store = createAppStore();
    // What `spelunk serve SESSION` lists: each run with its urls and what the collector recorded.
    store.getState().setServed(
      parseServedList(
        {
          traces: [
            {
              id: 'demo',
              title: 'demo',
              runs: [
                {
                  label: 'host',
                  urls: ['samples/hello-bare-chroot/host.strace.log'],
                  context: { exitCode: 0 },
                },
                {
                  label: 'chroot',
                  urls: ['samples/hello-bare-chroot/chroot.strace.log'],
                  context: { exitCode: 127, stderrText: 'chroot: failed to run command' },
                },
              ],
            },
          ],
        },
        '',
      ),
    );
    await openFromUrl(store, client, '', '', true);
    expect(store.getState().compare.status).toBe('ready');
    const diff = sent.find((r) => r.method === 'diff');
    expect(diff?.params).toMatchObject({
      labels: { a: 'host', b: 'chroot' },
      context: { a: { exitCode: 0 }, b: { exitCode: 127, stderrText: 'chroot: failed to run command' } },
    });
  });

  it('numbers every worker request from one counter, whatever its method', async () => {
    const sent: WorkerRequest[] = [];
    const { client } = createInProcessClient();
    const inner = client as unknown as { worker: { postMessage(r: WorkerRequest): void } };
    const post = inner.worker.postMessage.bind(inner.worker);
    inner.worker.postMessage = (r) => {
      sent.push(r);
      post(r);
    };
    const store = storeWithSamples();
    await openFromUrl(store, client as TraceClient, '', '', true);
    await client.eventDetail('a', 0);
    const ids = sent.map((r) => r.id);
    expect(new Set(sent.map((r) => r.method))).toEqual(new Set(['load', 'diff', 'event']));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
