import type { CatalogEntry, ErrnoInfo, SyscallInfo } from './types.js';

const WIDTH = 100;

/** Greedy word wrap; every line starts with `indent`. */
function wrapText(text: string, indent: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length > indent.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
    }
    line += (line.length > indent.length ? ' ' : '') + word;
  }
  if (line.length > indent.length) lines.push(line);
  return lines;
}

/** "term   meaning", with the meaning wrapped and aligned after the widest term. */
function formatTermList(pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const termWidth = Math.max(...pairs.map(([term]) => term.length)) + 2;
  return pairs.flatMap(([term, meaning]) => {
    const [first = '', ...rest] = wrapText(meaning || '(not explained yet)', ' '.repeat(4 + termWidth));
    return [`    ${term.padEnd(termWidth)}${first.trimStart()}`, ...rest];
  });
}

function formatNumbers(info: SyscallInfo): string {
  const parts = [];
  if (info.number !== null) parts.push(`x86_64 #${info.number}`);
  if (info.aarch64Number !== null) parts.push(`aarch64 #${info.aarch64Number}`);
  if (info.aarch64Number === null) parts.push('not on aarch64');
  return parts.join(', ');
}

function formatSyscallText(info: SyscallInfo): string {
  const lines = [
    `${info.name}  (syscall; ${info.category}; man ${info.manPage})`,
    `  Numbers: ${formatNumbers(info)}.`,
  ];
  lines.push('', ...wrapText(info.summary ?? 'No explanation written yet.', '  '));
  if (info.args.length > 0) {
    lines.push('', '  Arguments:', ...formatTermList(info.args.map((arg) => [arg.name, arg.meaning])));
  } else if (info.implemented) {
    lines.push('', '  Arguments: none.');
  }
  if (info.returns) lines.push('', '  Returns:', ...wrapText(info.returns, '    '));
  if (info.errors.length > 0) {
    lines.push(
      '',
      '  Common errors:',
      ...formatTermList(info.errors.map((error) => [error.errno, error.meaning])),
    );
  }
  if (info.notes) lines.push('', '  Note:', ...wrapText(info.notes, '    '));
  return lines.join('\n');
}

function formatErrnoText(info: ErrnoInfo): string {
  const aliases = info.aliases.length > 0 ? `; also ${info.aliases.join(', ')}` : '';
  const internal = info.kernelInternal ? '; kernel-internal' : '';
  const lines = [`${info.name}  (errno ${info.number}${aliases}${internal}) "${info.message}"`];
  lines.push(...wrapText(info.explanation, '  '));
  return lines.join('\n');
}

/** Readable plain text for one entry (no colour codes), as `spelunk explain` prints it. */
export function formatEntryText(entry: CatalogEntry): string {
  return entry.kind === 'syscall' ? formatSyscallText(entry) : formatErrnoText(entry);
}
