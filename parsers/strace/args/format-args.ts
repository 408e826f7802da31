/**
 * Prints argument nodes back as strace text; parseArgs(formatArgs(nodes)) gives the nodes back
 * (test/args/properties.test.ts). A value with several spellings (zero-padded `0000000000000000`,
 * `-x` hex strings `"\x2f\x74"`, hex-escaped `-xx` paths) keeps the spelling in its `text` when that
 * text still reads as the same value, so trees parsed from real logs print back as they were written.
 */

import type { ArgNode, FdArg, NumberArg, StringArg } from '../../model/args.js';
import { looksTyped } from './decoration.js';
import { findStringEnd } from './string-scan.js';
import { SPACED_OPERATORS } from './operators.js';
import { parseNumberToken } from './number-token.js';
import { parseValue } from './parse-args.js';
import { decodeStraceText, encodeStraceString } from './strace-string.js';

/** Top-level arguments joined by `, `. */
export function formatArgs(nodes: readonly ArgNode[]): string {
  return nodes.map(formatArg).join(', ');
}

/** One node as strace prints it. */
export function formatArg(node: ArgNode): string {
  switch (node.type) {
    case 'string': {
      if (node.text !== '' && sameStringText(node)) return node.text;
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
  if (node.text !== '') {
    const token = parseNumberToken(node.text, 0);
    if (
      token !== null &&
      token.end === node.text.length &&
      token.base === node.base &&
      Object.is(token.value, node.value)
    ) {
      return node.text;
    }
  }
  const sign = node.value < 0 ? '-' : '';
  const magnitude = Math.abs(node.value);
  if (node.base === 16) return `${sign}0x${magnitude.toString(16)}`;
  if (node.base === 8) return `${sign}0${magnitude.toString(8)}`;
  return String(node.value);
}

function formatFd(node: FdArg): string {
  if (node.text !== '' && sameFdText(node)) return node.text;
  let head: string;
  if (node.comment !== undefined) head = `${node.value} /* ${node.comment} */`;
  else if (node.name !== undefined) head = node.name;
  else head = String(node.value);
  const path = looksTyped(node.path) ? node.path : encodeStraceString(node.path, { escape: '<>' });
  const device = node.device === undefined ? '' : `<${node.device}>`;
  return `${head}<${path}${device}>${node.deleted === true ? '(deleted)' : ''}`;
}

/** The node's own text is a string literal with the same value and flags. */
function sameStringText(node: StringArg): boolean {
  const t = node.text;
  const open = node.abstract === true ? 1 : 0;
  const close = t.length - (node.truncated ? 4 : 1);
  if (t.charCodeAt(open) !== 34 || t.charCodeAt(close) !== 34 || close <= open) return false;
  if (node.abstract === true && t.charCodeAt(0) !== 64) return false;
  if (node.truncated && !t.endsWith('"...')) return false;
  if (findStringEnd(t, open) !== close + 1) return false;
  const decoded = decodeStraceText(t.slice(open + 1, close));
  return decoded.value === node.value && decoded.latin1 === (node.latin1 === true);
}

/** The node's own text reads back as the same decoration. */
function sameFdText(node: FdArg): boolean {
  const back = parseValue(node.text);
  return (
    back.type === 'fd' &&
    Object.is(back.value, node.value) &&
    back.path === node.path &&
    back.name === node.name &&
    back.comment === node.comment &&
    back.device === node.device &&
    back.deleted === node.deleted
  );
}
