import type { RefObject } from 'react';
import { useEffect, useState } from 'react';
import { FilePicker } from '../components/file-picker.js';
import { findServedRun, formatRunId, listServedRuns } from '../load/served-traces.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { pickDefaultCompare, servedSides } from './compare-sides.js';
import type { CompareSide } from './compare-slice.js';
import { openCompare } from './open-compare.js';

/**
 * The open panel's "Compare two runs": any two served runs (a sample's or a session's host, chroot and
 * container runs, in any pair), or files for A and for B (a log each, or an -ff set each).
 */
export function CompareOpen({
  sectionRef,
  highlighted,
}: {
  sectionRef: RefObject<HTMLElement | null>;
  highlighted: boolean;
}) {
  const { store, client } = useAppContext();
  const served = useAppState((s) => s.served) ?? [];
  const runs = listServedRuns(served);
  const first = pickDefaultCompare(served, '', '');
  const [runA, setRunA] = useState(first ? formatRunId(first[0].t, first[0].r) : '');
  const [runB, setRunB] = useState(first ? formatRunId(first[1].t, first[1].r) : '');
  const defaultA = first ? formatRunId(first[0].t, first[0].r) : '';
  const defaultB = first ? formatRunId(first[1].t, first[1].r) : '';
  useEffect(() => {
    // the served list may arrive after the panel opens
    if (!runA && defaultA) setRunA(defaultA);
    if (!runB && defaultB) setRunB(defaultB);
  }, [runA, runB, defaultA, defaultB]);
  const [filesA, setFilesA] = useState<File[]>([]);
  const [filesB, setFilesB] = useState<File[]>([]);
  const st = store.getState;
  const side = (files: File[], label: string): CompareSide => ({
    id: st().nextUploadId('upload'),
    title: files.length === 1 ? files[0]!.name : `${files.length} files (${files[0]?.name ?? ''}, …)`,
    label,
    inputs: files.map((file) => ({ type: 'file' as const, file })),
    served: false,
  });
  const a = findServedRun(served, runA);
  const b = findServedRun(served, runB);
  const runOptions = runs.map((x) => (
    <option key={formatRunId(x.t, x.r)} value={formatRunId(x.t, x.r)}>
      {x.t.title}: {x.r.label}
    </option>
  ));
  return (
    <section
      ref={sectionRef}
      aria-label="Compare two runs"
      className={`space-y-4 rounded-xl p-4 ${highlighted ? 'ring-2 ring-sky-500' : 'border border-slate-200 dark:border-slate-700'}`}
    >
      <h2 className="text-base font-semibold">Compare two runs</h2>
      {runs.length >= 2 && (
        <div className="space-y-2 text-sm">
          <p className="text-slate-600 dark:text-slate-400">
            Two runs of the samples or of what was served, in any pair:
          </p>
          <label className="flex items-center gap-2">
            <span className="w-4 font-semibold">A</span>
            <select
              className="input min-w-0 flex-1"
              aria-label="Served run A"
              value={runA}
              onChange={(e) => setRunA(e.target.value)}
            >
              {runOptions}
            </select>
          </label>
          <label className="flex items-center gap-2">
            <span className="w-4 font-semibold">B</span>
            <select
              className="input min-w-0 flex-1"
              aria-label="Served run B"
              value={runB}
              onChange={(e) => setRunB(e.target.value)}
            >
              {runOptions}
            </select>
          </label>
          <button
            type="button"
            className="btn-primary"
            disabled={!a || !b || runA === runB}
            onClick={() => a && b && void openCompare(store, client, ...servedSides(a, b))}
          >
            Compare these runs
          </button>
        </div>
      )}
      <div className="space-y-2 text-sm">
        <p className="text-slate-600 dark:text-slate-400">
          Or two logs of your own (each a log, or an -ff set):
        </p>
        <div className="grid grid-cols-[1.5rem_1fr] items-center gap-x-2">
          <span className="font-semibold">A</span>
          <FilePicker
            label="Trace A files"
            button="Choose A (e.g. the host run)…"
            onFiles={setFilesA}
            showChosen
            testId="compare-files-a"
          />
          <span className="font-semibold">B</span>
          <FilePicker
            label="Trace B files"
            button="Choose B (e.g. the chroot run)…"
            onFiles={setFilesB}
            showChosen
            testId="compare-files-b"
          />
        </div>
        <button
          type="button"
          className="btn-primary"
          disabled={!filesA.length || !filesB.length}
          onClick={() => void openCompare(store, client, side(filesA, 'A'), side(filesB, 'B'))}
        >
          Compare A and B
        </button>
      </div>
    </section>
  );
}
