import type { EventSelector } from './selector.js';

/** Which run of a sample a step looks at: the labels in samples/index.json ("host", "chroot"). */
export type RunLabel = string;

/** One step of a lesson: the events it points at, and what to say about them. */
export interface LessonStep {
  title: string;
  /** Plain words about the highlighted events; a blank line separates paragraphs. */
  text: string;
  run: RunLabel;
  /** The step's events: everything these select. The first event of the first selector is where the timeline goes. */
  select: readonly EventSelector[];
  /** The same moment in another run, for a side-by-side comparison. */
  compare?: { run: RunLabel; select: readonly EventSelector[]; text: string };
}

/** A guided walk through a real capture (a sample folder made by `npm run samples`). */
export interface Lesson {
  id: string;
  title: string;
  /** The sample's id in samples/index.json. */
  sample: string;
  /** One or two sentences: what the lesson shows. */
  summary: string;
  steps: readonly LessonStep[];
}
