import type { ServedTrace } from '../load/served-traces.js';
import type { TableSort } from '../logic/compute-rows.js';
import type { AppStoreOptions, GetAppState, SetAppState } from './create-app-store.js';

/** The single view's panels under the timeline. */
export type MainTab = 'events' | 'stats' | 'processes' | 'unknown';

/** What covers the view: nothing, the open panel (traces, samples, paste), or its "compare two runs" part. */
export type OpenPanel = 'none' | 'open' | 'compare';

/** The page around the traces: theme, dialogs, panels, table order, timeline size, the served list. */
export interface ViewSlice {
  theme: 'light' | 'dark';
  helpOpen: boolean;
  panel: OpenPanel;
  tab: MainTab;
  /** The table's sort column, or null for trace order. */
  tableSort: TableSort | null;
  /** The timeline area's height chosen with the splitter (CSS px), or null for "fit the lanes". */
  timelineHeightCssPx: number | null;
  /** Traces the page can open without an upload (api/traces.json or the bundled samples); null until read. */
  served: ServedTrace[] | null;
  uploadCount: number;

  setTheme(theme: 'light' | 'dark'): void;
  setHelpOpen(open: boolean): void;
  setPanel(panel: OpenPanel): void;
  setTab(tab: MainTab): void;
  setTableSort(sort: TableSort | null): void;
  setTimelineHeight(heightCssPx: number | null): void;
  setServed(served: ServedTrace[]): void;
  /** A fresh id for an upload or a paste (never reopened from a URL: uploads stay in the browser). */
  nextUploadId(kind: 'upload' | 'paste'): string;
}

export function createViewSlice(set: SetAppState, get: GetAppState, options: AppStoreOptions): ViewSlice {
  return {
    theme: options.theme ?? 'light',
    helpOpen: false,
    panel: 'none',
    tab: 'events',
    tableSort: null,
    timelineHeightCssPx: null,
    served: null,
    uploadCount: 0,

    setTheme: (theme) => set({ theme }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setPanel: (panel) => set({ panel }),
    setTab: (tab) => set({ tab }),
    setTableSort: (tableSort) => set({ tableSort }),
    setTimelineHeight: (h) => set({ timelineHeightCssPx: h === null ? null : Math.max(80, Math.round(h)) }),
    setServed: (served) => set({ served }),
    nextUploadId(kind) {
      const n = get().uploadCount + 1;
      set({ uploadCount: n });
      return `${kind}:${n}`;
    },
  };
}
