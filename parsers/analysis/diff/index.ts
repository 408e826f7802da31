/**
 * Semantic diff of two syscall traces: normalise, pair processes, align calls, explain.
 *
 *   computeTraceDiff(a, b, { labels: { a: 'host', b: 'chroot' } })  -> TraceDiff (alignment + findings)
 *   formatDiffJson(diff)                                            -> the `spelunk diff --json` shape
 *   formatDiffJsonPieces(diff)                                      -> the same text, piece by piece
 *   formatDiffReport(diff, { paint })                               -> the terminal report
 */
export { computeTraceDiff, formatDiffJson } from './trace-diff.js';
export { formatDiffJsonPieces } from './diff-json-stream.js';
export type { TraceDiff, TraceDiffJson, TraceDiffOptions, DiffPairJson } from './trace-diff.js';
export { formatDiffReport } from './format-diff.js';
export type { Paint, FormatDiffOptions } from './format-diff.js';
export type { DiffBlock, DiffOptions } from './compute-diff.js';
export type {
  DiagnosisConfidence,
  DiagnosisRuleId,
  DiffFinding,
  DiffLabels,
  DiffLineRef,
  FindingKind,
} from './finding.js';
export { DIAGNOSIS_RULES, FINDING_KINDS } from './finding.js';
export type { DiffRunContexts, RunContext } from './run-context.js';
export { PAIR_STATUSES, PairList } from './pair-list.js';
export type { PairStatus } from './pair-list.js';
export { normaliseCallText } from './normalise-call.js';
export { alignSequences } from './align.js';
