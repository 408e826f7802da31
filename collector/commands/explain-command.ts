import type { Command } from 'commander';
import { stdoutColors as pc } from '../terminal-colors.js';
import {
  closestNames,
  formatEntryText,
  lookupEntry,
  syscallByNumber,
  type CatalogEntry,
} from '../../parsers/catalog/index.js';
import { runAction } from '../run-action.js';
import { writeData } from '../write-out.js';

/** A mistake in what the user typed: runAction prints it as one line and exits 1. */
class UnknownNameError extends Error {
  readonly userFacing = true;
}

/**
 * Resolves each name to a catalogue entry: syscall names (also strace's `syscall_0x1c4`), errno names
 * (any case), or a bare x86_64 syscall number. Throws one error naming every unknown name, with the
 * closest known names for each.
 */
export function resolveExplainNames(names: readonly string[]): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const entry = /^\d+$/.test(name) ? syscallByNumber(Number(name)) : lookupEntry(name);
    if (entry) entries.push(entry);
    else unknown.push(`"${name}" (closest: ${closestNames(name).join(', ')})`);
  }
  if (unknown.length > 0) {
    const noun = unknown.length === 1 ? 'unknown syscall or errno' : 'unknown syscalls or errnos';
    throw new UnknownNameError(`${noun}: ${unknown.join('; ')}`);
  }
  return entries;
}

/** The --json shape: name, kind and the readable text first, then every structured field. */
export function formatExplainJson(entries: readonly CatalogEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => {
      const { name, kind, ...fields } = entry;
      return { name, kind, text: formatEntryText(entry), ...fields };
    }),
    null,
    2,
  );
}

function formatExplainText(entries: readonly CatalogEntry[]): string {
  return entries
    .map((entry) => {
      const [heading = '', ...rest] = formatEntryText(entry).split('\n');
      return [pc.bold(heading), ...rest].join('\n');
    })
    .join('\n\n');
}

/** `spelunk explain <name...>`: what a syscall or errno means, from the built-in catalogue. */
export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .description('explain syscalls and errnos: what they do, their arguments, return value and common errors')
    .argument(
      '<name...>',
      'syscall names (openat, syscall_0x1c4), x86_64 syscall numbers, or errno names (ENOENT)',
    )
    .option('--json', 'an array of {name, kind, text, ...fields}')
    .action((names: string[], opts: { json?: boolean }) =>
      runAction(async () => {
        const entries = resolveExplainNames(names);
        await writeData((opts.json ? formatExplainJson(entries) : formatExplainText(entries)) + '\n');
      }),
    );
}
