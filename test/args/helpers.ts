/**
 * Tiny helpers for the argument parser tests: pull the argument text out of a real strace line, dump
 * nodes compactly for one-line expectations, and check that node texts cover their source.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgNode } from '../../parsers/model/args.js';
import { scanArgs } from '../../parsers/strace/scan-args.js';
import { CORPUS } from '../corpus-path.js';

export const CORPUS_DIR = CORPUS;

/** Matches the start of a call body: `<... name resumed>` or `name(`. */
const CALL_START = /<\.\.\. [A-Za-z_][A-Za-z0-9_]* resumed>|(?<![A-Za-z0-9_<])[A-Za-z_][A-Za-z0-9_]*\(/;
/** Text that marks a line as something other than a call, if it appears before the call start. */
const NOT_A_CALL = /---|\+\+\+|strace: |\[ Process|^ [>|] |^%|[{"]/;

/** The argument text of a syscall or resumed line, or null for other lines. */
export function argsOfLine(line: string): string | null {
  const m = CALL_START.exec(line);
  if (m === null) return null;
  if (NOT_A_CALL.test(line.slice(0, m.index))) return null;
  const from = m.index + m[0].length;
  const { end } = scanArgs(line, from);
  return line.slice(from, end);
}

/** One call's argument text, stitched from its unfinished and resumed halves where it was split. */
export interface CallArgs {
  /** 1-based number of the line that completed (or last touched) the call. */
  line: number;
  args: string;
}

const PID_PREFIX = /^(?:\[pid\s+(\d+)|(\d+)[<\s])/;

/**
 * Argument texts of every call in a log, in order of completion. A `<unfinished ...>` half is held
 * per pid (the first number on the line, '' without one) and joined to the next `<... resumed>` of
 * that pid, as the trace parser does; halves never resumed are reported alone at the end.
 */
export function callArgsOfLog(text: string): CallArgs[] {
  const out: CallArgs[] = [];
  const pending = new Map<string, CallArgs>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = CALL_START.exec(line);
    if (m === null || NOT_A_CALL.test(line.slice(0, m.index))) continue;
    const from = m.index + m[0].length;
    const { end, how: kind } = scanArgs(line, from);
    const pidMatch = PID_PREFIX.exec(line);
    const pid = pidMatch === null ? '' : (pidMatch[1] ?? pidMatch[2] ?? '');
    let args = line.slice(from, end);
    if (m[0].startsWith('<...')) {
      const first = pending.get(pid);
      if (first !== undefined) {
        args = first.args + args;
        pending.delete(pid);
      }
    }
    if (kind === 'unfinished') pending.set(pid, { line: i + 1, args });
    else out.push({ line: i + 1, args });
  }
  return [...out, ...pending.values()];
}

/**
 * Every strace log of the shared corpus, as paths under CORPUS_DIR: format/*.log, format/flags/*.log,
 * the -ff sets format/ff/ and format/ff2/, and the top-level *.log and ff/ files.
 */
export function corpusLogFiles(): string[] {
  const logs = (dir: string) =>
    readdirSync(join(CORPUS_DIR, dir))
      .filter((f) => f.endsWith('.log'))
      .map((f) => (dir === '.' ? f : `${dir}/${f}`));
  const all = (dir: string) => readdirSync(join(CORPUS_DIR, dir)).map((f) => `${dir}/${f}`);
  return [
    ...logs('format'),
    ...logs('format/flags'),
    ...all('format/ff'),
    ...all('format/ff2'),
    ...logs('.'),
    ...all('ff'),
  ].sort();
}

/** A corpus file by its path under CORPUS_DIR. */
export function readCorpus(file: string): string {
  return readFileSync(join(CORPUS_DIR, file), 'utf8');
}

/** The labelled lines of tricky.txt: `## NN label [file]` followed by one line. */
export function trickyLines(): Map<number, string> {
  const lines = readCorpus('format/tricky.txt').split('\n');
  const out = new Map<number, string>();
  for (let i = 0; i < lines.length; i++) {
    const m = /^## (\d+) /.exec(lines[i] ?? '');
    if (m !== null) out.set(Number(m[1]), lines[i + 1] ?? '');
  }
  return out;
}

/** A compact one-line dump: `str("x")`, `num(420/8)`, `fd(3 "/p")`, `flags(const(A) num(256/16))` ... */
export function dumpArg(node: ArgNode): string {
  switch (node.type) {
    case 'string':
      return `${node.abstract === true ? '@' : ''}str(${JSON.stringify(node.value)}${node.truncated ? '...' : ''}${node.latin1 === true ? ' latin1' : ''})`;
    case 'number':
      return `num(${node.value}${node.base === 10 ? '' : `/${node.base}`})`;
    case 'null':
      return 'NULL';
    case 'const':
      return `const(${node.name})`;
    case 'fd': {
      const extra = [
        node.name === undefined ? '' : ` name=${node.name}`,
        node.comment === undefined ? '' : ` comment=${node.comment}`,
        node.device === undefined ? '' : ` device=${JSON.stringify(node.device)}`,
        node.deleted === true ? ' deleted' : '',
      ].join('');
      return `fd(${node.value} ${JSON.stringify(node.path)}${extra})`;
    }
    case 'flags':
      return `flags(${node.items.map(dumpArg).join(' ')})`;
    case 'expr':
      return `expr(${node.op} ${node.items.map(dumpArg).join(' ')})`;
    case 'struct':
      return `{${node.fields.map((f) => (f.name === null ? dumpArg(f.value) : `${f.name}=${dumpArg(f.value)}`)).join(' ')}}`;
    case 'array':
      return `${node.complement === true ? '~' : ''}${node.bitset === true ? 'bits' : ''}[${node.items.map(dumpArg).join(' ')}]`;
    case 'call':
      return `call(${node.name} ${node.args.map(dumpArg).join(' ')})`;
    case 'commented':
      return `${dumpArg(node.value)}/*${node.comment}*/`;
    case 'inout':
      return `(${dumpArg(node.in)} => ${dumpArg(node.out)})`;
    case 'named':
      return `${node.name}=${dumpArg(node.value)}`;
    case 'ellipsis':
      return '...';
    case 'other':
      return `other(${node.text})`;
  }
}

export function dumpArgs(nodes: readonly ArgNode[]): string {
  return nodes.map(dumpArg).join(', ');
}

/** Children of a node, in source order. */
export function childrenOf(node: ArgNode): ArgNode[] {
  switch (node.type) {
    case 'flags':
    case 'expr':
    case 'array':
      return node.items;
    case 'struct':
      return node.fields.map((f) => f.value);
    case 'call':
      return node.args;
    case 'commented':
    case 'named':
      return [node.value];
    case 'inout':
      return [node.in, node.out];
    default:
      return [];
  }
}

/** All nodes of a tree, depth first. */
export function walkArgs(nodes: readonly ArgNode[], visit: (node: ArgNode) => void): void {
  for (const node of nodes) {
    visit(node);
    walkArgs(childrenOf(node), visit);
  }
}

/**
 * Null if the top-level texts, joined by `,` plus spaces, rebuild `input` (leading commas, leading/trailing
 * spaces and one trailing comma aside) and every child's text appears, in order, inside its parent's;
 * otherwise a description of the first gap.
 */
export function findCoverageGap(input: string, nodes: readonly ArgNode[]): string | null {
  let pos = 0;
  while (input.charCodeAt(pos) === 32 || input.charCodeAt(pos) === 44) pos++;
  for (const [k, node] of nodes.entries()) {
    if (!input.startsWith(node.text, pos)) return `node ${k} ${JSON.stringify(node.text)} not at ${pos}`;
    pos += node.text.length;
    const afterSpaces = skipSpaces(input, pos);
    if (afterSpaces < input.length && input.charCodeAt(afterSpaces) !== 44)
      return `junk after node ${k} at ${pos}`;
    pos = skipSpaces(input, afterSpaces < input.length ? afterSpaces + 1 : afterSpaces);
    const nested = nestedGap(node);
    if (nested !== null) return nested;
  }
  return pos >= input.length ? null : `text left at ${pos}: ${JSON.stringify(input.slice(pos, pos + 40))}`;
}

function nestedGap(node: ArgNode): string | null {
  let cursor = 0;
  for (const child of childrenOf(node)) {
    const at = node.text.indexOf(child.text, cursor);
    if (at === -1)
      return `child ${JSON.stringify(child.text)} not inside ${JSON.stringify(node.text.slice(0, 80))}`;
    cursor = at + child.text.length;
    const nested = nestedGap(child);
    if (nested !== null) return nested;
  }
  return null;
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32) i++;
  return i;
}
