import type { Category } from '../logic/categories.js';
import { CATEGORIES } from '../logic/categories.js';

/** Colours for canvas drawing; the DOM chrome takes the same values from CSS variables. */
export interface TimelineTheme {
  background: string;
  laneAlt: string;
  laneSeparator: string;
  text: string;
  textMuted: string;
  failed: string;
  selection: string;
  signal: string;
  exit: string;
  killed: string;
  /** The whole trace, faded, under the marks a filter keeps. */
  ghost: string;
  /** Call names written inside wide marks. */
  markText: string;
  /** A range selected with shift-drag: its fill and its edges. */
  range: string;
  rangeEdge: string;
  /** Arrows between lanes: fork/clone to the child, child to the wait that reaped it, a thread's execve. */
  linkFork: string;
  linkWait: string;
  linkExec: string;
  categories: readonly string[];
}

const CATEGORY_LIGHT: Record<Category, string> = {
  process: '#7c3aed',
  memory: '#0891b2',
  file: '#2563eb',
  network: '#059669',
  ipc: '#d97706',
  signal: '#db2777',
  containment: '#dc2626',
  time: '#65a30d',
  system: '#64748b',
  other: '#94a3b8',
};
const CATEGORY_DARK: Record<Category, string> = {
  process: '#a78bfa',
  memory: '#22d3ee',
  file: '#60a5fa',
  network: '#34d399',
  ipc: '#fbbf24',
  signal: '#f472b6',
  containment: '#f87171',
  time: '#a3e635',
  system: '#94a3b8',
  other: '#64748b',
};

export const LIGHT_THEME: TimelineTheme = {
  background: '#ffffff',
  laneAlt: '#f8fafc',
  laneSeparator: '#e2e8f0',
  text: '#0f172a',
  textMuted: '#64748b',
  failed: '#dc2626',
  selection: '#f59e0b',
  signal: '#c026d3',
  exit: '#0f172a',
  killed: '#b91c1c',
  ghost: '#e2e8f0',
  markText: '#ffffff',
  range: 'rgba(14,165,233,0.12)',
  rangeEdge: '#0284c7',
  linkFork: 'rgba(124,58,237,0.75)',
  linkWait: 'rgba(71,85,105,0.7)',
  linkExec: 'rgba(202,138,4,0.85)',
  categories: CATEGORIES.map((c) => CATEGORY_LIGHT[c]),
};

export const DARK_THEME: TimelineTheme = {
  background: '#0b1120',
  laneAlt: '#111827',
  laneSeparator: '#1f2937',
  text: '#e2e8f0',
  textMuted: '#94a3b8',
  failed: '#f87171',
  selection: '#fbbf24',
  signal: '#e879f9',
  exit: '#e2e8f0',
  killed: '#f87171',
  ghost: '#1e293b',
  markText: '#0b1120',
  range: 'rgba(56,189,248,0.14)',
  rangeEdge: '#38bdf8',
  linkFork: 'rgba(196,181,253,0.8)',
  linkWait: 'rgba(148,163,184,0.75)',
  linkExec: 'rgba(250,204,21,0.85)',
  categories: CATEGORIES.map((c) => CATEGORY_DARK[c]),
};

export function categoryColor(theme: 'light' | 'dark', category: Category): string {
  return (theme === 'dark' ? CATEGORY_DARK : CATEGORY_LIGHT)[category];
}

/** Highlight colours: the four fixed ones first, then a palette for the user's additions. */
const FIXED_HIGHLIGHTS: Record<string, string> = {
  execve: '#eab308',
  brk: '#14b8a6',
  mmap: '#3b82f6',
  chroot: '#ef4444',
};
const PALETTE = ['#f97316', '#8b5cf6', '#10b981', '#ec4899', '#06b6d4', '#84cc16', '#a855f7', '#f43f5e'];

export function highlightColor(name: string, userIndex: number): string {
  return FIXED_HIGHLIGHTS[name] ?? (PALETTE[userIndex % PALETTE.length] as string);
}
