import type { Category } from '../logic/categories.js';

/** What the event table shows. Empty lists mean "no restriction". */
export interface Filters {
  names: string[];
  categories: Category[];
  pids: number[];
  /** Only calls that failed with this errno ("ENOENT"); '' for no restriction. */
  errno: string;
  failedOnly: boolean;
  /** Case-insensitive substring of the raw line (paths, argument text); '' for none. */
  text: string;
}

export const EMPTY_FILTERS: Filters = {
  names: [],
  categories: [],
  pids: [],
  errno: '',
  failedOnly: false,
  text: '',
};

export function isFilterActive(f: Filters): boolean {
  return Boolean(f.names.length || f.categories.length || f.pids.length || f.errno || f.failedOnly || f.text);
}
