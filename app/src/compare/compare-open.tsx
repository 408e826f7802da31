import { useState } from 'react';
import type { ServedTrace } from '../load/served-traces.js';
import { useAppContext } from '../store/store-context.js';
import { compareStoreFor } from './compare-store.js';
import { openServedCompare } from './compare-url.js';
import { openCompare } from './open-compare.js';

let uploads = 0;

/**
 * The open panel's comparison part: a served trace with two runs (a sample, a session) opens as a
 * comparison in one click; or choose files for A and for B (a log each, or an -ff set each).
 */
export function CompareOpen({ served }: { served: ServedTrace[] }) {
  const { store, client } = useAppContext();
  const [filesA, setFilesA] = useState<File[]>([]);
  const [filesB, setFilesB] = useState<File[]>([]);
  const pairs = served.filter((t) => t.runs.length >= 2);
  const side = (files: File[], label: string) => ({
    id: `upload:compare-${++uploads}`,
    title: files.length === 1 ? files[0]!.name : `${files.length} files (${files[0]?.name ?? ''}, …)`,
    label,
    inputs: files.map((file) => ({ type: 'file' as const, file })),
  });
  const compare = (): void => {
    if (!filesA.length || !filesB.length) return;
    void openCompare(store, compareStoreFor(store), client, side(filesA, 'A'), side(filesB, 'B'));
  };
  return (
    <section aria-label="Compare two runs" className="mx-auto max-w-3xl px-6 pb-8">
      <h2 className="mb-2 text-base font-semibold">Compare two runs</h2>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Trace A files (e.g. the host run)
          <input
            type="file"
            multiple
            aria-label="Trace A files"
            onChange={(e) => setFilesA([...(e.currentTarget.files ?? [])])}
          />
        </label>
        <label className="flex flex-col gap-1">
          Trace B files (e.g. the chroot run)
          <input
            type="file"
            multiple
            aria-label="Trace B files"
            onChange={(e) => setFilesB([...(e.currentTarget.files ?? [])])}
          />
        </label>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!filesA.length || !filesB.length}
          onClick={compare}
        >
          Compare A and B
        </button>
      </div>
      {pairs.length > 0 && (
        <ul aria-label="Runs to compare" className="mt-3 space-y-1 text-sm">
          {pairs.map((t) => {
            const host = t.runs.find((r) => r.label === 'host') ?? t.runs[0]!;
            const other =
              t.runs.find((r) => r !== host && r.label === 'chroot') ?? t.runs.find((r) => r !== host)!;
            return (
              <li key={t.id}>
                <button
                  type="button"
                  className="btn"
                  onClick={() => openServedCompare(store, client, { t, r: host }, { t, r: other })}
                >
                  Compare {host.label} ⇄ {other.label}: {t.title}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
