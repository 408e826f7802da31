/** Plain names for the kinds of findings and the causes the diagnosis knows. */
const KIND_LABELS: Record<string, string> = {
  diagnosis: 'diagnosis',
  'first-divergence': 'first divergence',
  'failed-only': 'fails in one run',
  'paths-only': 'paths in one run',
  'process-only': 'process in one run',
  'syscall-delta': 'counts and errors',
  'exit-status': 'exit status',
  'env-size': 'environment',
  scaffolding: 'start-up block',
  expected: 'expected',
  coarse: 'coarse alignment',
};

export function formatFindingKind(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/-/g, ' ');
}

const WORDS: Record<string, string> = { elf: 'ELF', oom: 'OOM', proc: '/proc', dev: '/dev' };

/** "missing-elf-interpreter" -> "missing ELF interpreter". */
export function formatRule(rule: string): string {
  return rule
    .split('-')
    .map((w) => WORDS[w] ?? w)
    .join(' ');
}
