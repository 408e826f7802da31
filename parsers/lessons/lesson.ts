import type { LessonCheck } from './checks.js';
import type { EventSelector } from './selector.js';

/** Which run of a sample a step looks at: the labels in samples/index.json ("host", "chroot"). */
export type RunLabel = string;

/** The sections of the workshop, in its order; `spelunk lessons` groups the lessons by them. */
export const WORKSHOP_SECTIONS = [
  'chroot',
  'loader',
  'strace',
  'env',
  'namespaces',
  'nsenter',
  'mounts',
  'cgroups',
  'capabilities',
  'networking',
  'seccomp',
  'containers',
] as const;
export type WorkshopSection = (typeof WORKSHOP_SECTIONS)[number];

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
  /** What the text claims, as checks on the values of the events (checks.ts): each must hold on the sample. */
  checks?: readonly LessonCheck[];
}

/** A guided walk through a real capture (a sample folder made by `npm run samples`). */
export interface Lesson {
  id: string;
  title: string;
  /** The sample's id in samples/index.json. */
  sample: string;
  /** The part of the workshop it belongs to. */
  section?: WorkshopSection;
  /** One or two sentences: what the lesson shows. */
  summary: string;
  steps: readonly LessonStep[];
}
