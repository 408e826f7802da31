/**
 * The diagnosis of a comparison: why run B behaves differently from run A, in one plain sentence with
 * its evidence in both runs and how sure it is, found by small rules (rules/, one cause each) that the
 * engine ranks, with known harmless differences kept apart as expected.
 *
 *   computeDiagnosis(core, labels, { a: contextA, b: contextB }) -> { causes, expected, context }
 */
export { computeDiagnosis } from './engine.js';
export { DIAGNOSIS_RULE_LIST } from './rules/index.js';
export type { DiagnosisContext } from './types.js';
export { computeCallReading } from './call-reading.js';
export type { CallReading } from './call-reading.js';
