/**
 * Prints argument nodes back as strace text. For trees the parser produced from strace's own output
 * the result equals the source, except strings printed in hex by `-x`/`-xx` (printed back as octal).
 * parseArgs(formatArgs(nodes)) gives the nodes back (test/args/properties.test.ts).
 */

import type { ArgNode, FdArg, NumberArg } from '../../model/args.js';
import { looksTyped } from './decoration.js';
import { SPACED_OPERATORS } from './operators.js';
import { encodeStraceString } from './strace-string.js';

/** Top-level arguments joined by `, `. */
export function formatArgs(nodes: readonly ArgNode[]): string {
  return nodes.map(formatArg).join(', ');
}

/** One node as strace prints it. */
export function formatArg(node: ArgNode): string {
  switch (node.type) {
    case 'string': {
      const body = encodeStraceString(node.value, node.latin1 === true ? { latin1: true } : {});
      return `${node.abstract === true ? '@' : ''}"${body}"${node.truncated ? '...' : ''}`;
    }
    case 'number':
      return formatNumber(node);
    case 'null':
      return 'NULL';
    case 'const':
      return node.name;
    case 'fd':
      return formatFd(node);
    case 'flags':
      return node.items.map(formatArg).join('|');
    case 'expr':
      return node.items.map(formatArg).join(SPACED_OPERATORS.has(node.op) ? ` ${node.op} ` : node.op);
    case 'struct':
      return `{${node.fields.map((f) => (f.name === null ? formatArg(f.value) : `${f.name}=${formatArg(f.value)}`)).join(', ')}}`;
    case 'array':
      return `${node.complement === true ? '~' : ''}[${node.items.map(formatArg).join(node.bitset === true ? ' ' : ', ')}]`;
    case 'call':
      return `${node.name}(${formatArgs(node.args)})`;
    case 'commented':
      return `${formatArg(node.value)} /* ${node.comment} */`;
    case 'inout':
      return `${formatArg(node.in)} => ${formatArg(node.out)}`;
    case 'named':
      return `${node.name}=${formatArg(node.value)}`;
    case 'ellipsis':
      return '...';
    case 'other':
      return node.text;
  }
}

function formatNumber(node: NumberArg): string {
  const sign = node.value < 0 ? '-' : '';
  const magnitude = Math.abs(node.value);
  if (node.base === 16) return `${sign}0x${magnitude.toString(16)}`;
  if (node.base === 8) return `${sign}0${magnitude.toString(8)}`;
  // Past 2^53 the double no longer holds the digits strace printed; the source text does.
  if (!Number.isSafeInteger(node.value) && node.text !== '') return node.text;
  return String(node.value);
}

function formatFd(node: FdArg): string {
  let head: string;
  if (node.comment !== undefined) head = `${node.value} /* ${node.comment} */`;
  else if (node.name !== undefined) head = node.name;
  else head = String(node.value);
  const path = looksTyped(node.path) ? node.path : encodeStraceString(node.path, { escape: '<>' });
  const device = node.device === undefined ? '' : `<${node.device}>`;
  return `${head}<${path}${device}>${node.deleted === true ? '(deleted)' : ''}`;
}
