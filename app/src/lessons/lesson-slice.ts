import type { Phase } from '../../../parsers/analysis/phases.js';
import type { CompareSide } from '../compare/compare-slice.js';
import type { GetAppState, SetAppState } from '../store/create-app-store.js';
import type { Selection, TraceSlot } from '../store/trace-slice.js';

/** Where a lesson was started from: "Exit lesson" returns there. */
export type LessonOrigin =
  | { kind: 'compare'; sides: readonly [CompareSide, CompareSide] }
  | { kind: 'trace'; id: string; title: string };

export interface LessonState {
  /** The lesson being walked, or null in free exploration. */
  lessonId: string | null;
  stepIndex: number;
  /** The step's own run alone, or its run and the run it compares with, side by side. */
  view: 'step' | 'compare';
  /** 'loading' while the step's run is parsed or its selectors resolved. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  message: string;
  /** The events the step points at, per slot of the traces on screen (ringed on the timelines). */
  events: Partial<Record<TraceSlot, number[]>>;
  /** The step's main event (selected, explained in the details). */
  focus: Selection | null;
  menuOpen: boolean;
  showPhases: boolean;
  /** Phases of the trace in each slot, by trace id (fetched from the worker). */
  phases: Partial<Record<TraceSlot, { traceId: string; phases: Phase[] }>>;
  origin: LessonOrigin | null;
  /** Each walk request's number: answers for an older one are dropped (fast clicking on Next). */
  sequence: number;
}

export interface LessonSlice {
  lesson: LessonState;
  setLesson(patch: Partial<LessonState>): void;
}

export const INITIAL_LESSON: LessonState = {
  lessonId: null,
  stepIndex: 0,
  view: 'step',
  status: 'idle',
  message: '',
  events: {},
  focus: null,
  menuOpen: false,
  showPhases: true,
  phases: {},
  origin: null,
  sequence: 0,
};

export function createLessonSlice(set: SetAppState, get: GetAppState): LessonSlice {
  return {
    lesson: INITIAL_LESSON,
    setLesson: (patch) => set({ lesson: { ...get().lesson, ...patch } }),
  };
}
