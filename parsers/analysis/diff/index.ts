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
export type { TraceDiff, TraceDiffJson } from './trace-diff.js';
export { formatDiffReport } from './format-diff.js';
export type { DiagnosisRuleId, DiffFinding, DiffLabels, DiffLineRef } from './finding.js';
export { DIAGNOSIS_RULES } from './finding.js';
export type { DiffRunContexts, RunContext } from './run-context.js';
export { alignSequences } from './align.js';
