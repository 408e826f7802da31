/**
 * Recursive descent over one argument list (strace-format.md §6.2), one left-to-right pass with
 * `charCodeAt` and no backtracking. Real input, all handled here:
 *
 *   AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC
 *   child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f9965369a10
 *   {flags=CLONE_VM|CLONE_VFORK, ...} => {parent_tid=[6503]}, 88
 *   3<TCP:[127.0.0.1:46133]>, [12 /* USR2 *\/ 35 /* RT_3 *\/], NULL, 8
 *
 * Bad input never throws: a member that does not parse becomes an `other` node spanning to the next
 * separator at its depth, so the rest of the list still parses.
 */

import type { ArgNode, ArrayArg, FdArg, StructField } from '../../model/args.js';
import { DIGIT, HEX, ID_CHAR, ID_START, isClass } from './char-class.js';
import { findStringEnd, scanDecoration, skipQuoted } from './decoration.js';
import { peekOperator } from './operators.js';
import { decodeBody, decodeStraceString, lastDecodeWasLatin1 } from './strace-string.js';
import { parseNumberToken } from './number-token.js';

/** Parses the text between a syscall's parentheses (possibly stitched from unfinished + resumed). */
export function parseArgs(text: string): ArgNode[] {
  return new ArgParser(text).parseTopLevel();
}

/** Parses one value (a siginfo struct, a return decoration); anything left over makes it `other`. */
export function parseValue(text: string): ArgNode {
  const p = new ArgParser(text);
  p.skipSpaces();
  const start = p.pos;
  const node = p.parseValue();
  const end = p.pos;
  p.skipSpaces();
  if (p.pos < text.length || end === start) return { type: 'other', text: text.slice(start).trimEnd() };
  return node;
}

const NO_CLOSER = -1;
/** Deeper than anything strace prints (netlink nests about 6 deep); keeps hostile input off the call stack limit. */
const MAX_NESTING = 200;

class ArgParser {
  pos = 0;
  /** Set by parseMember: the `name` of `name=value` / `[designator]=value`, else null. */
  memberName: string | null = null;
  /** Open containers around pos; past MAX_NESTING the rest of a container is kept as `other`. */
  private nesting = 0;

  constructor(private readonly src: string) {}

  parseTopLevel(): ArgNode[] {
    const src = this.src;
    const out: ArgNode[] = [];
    // A resumed half on its own starts with the separator: `<... clone resumed>, child_tidptr=0x7f…)`.
    while (src.charCodeAt(this.pos) === 32 || src.charCodeAt(this.pos) === 44) this.pos++;
    while (this.pos < src.length) {
      const start = this.pos;
      let node = this.parseNamedOrValue();
      this.skipSpaces();
      if (this.pos < src.length && src.charCodeAt(this.pos) !== 44 /* , */) {
        node = this.otherFrom(start, NO_CLOSER);
      }
      out.push(node);
      if (src.charCodeAt(this.pos) === 44) {
        this.pos++;
        this.skipSpaces();
      }
    }
    return out;
  }

  skipSpaces(): void {
    while (this.src.charCodeAt(this.pos) === 32) this.pos++;
  }

  /** A list member as a node: `name=value` becomes a NamedArg. */
  private parseNamedOrValue(): ArgNode {
    const start = this.pos;
    const value = this.parseMember();
    const name = this.memberName;
    if (name === null) return value;
    return { type: 'named', text: this.src.slice(start, this.pos), name, value };
  }

  /** `MEMBER=value`, `[designator]=value` or a bare value; the name goes to memberName. */
  private parseMember(): ArgNode {
    const src = this.src;
    const start = this.pos;
    const first = this.parseValue();
    if (src.charCodeAt(this.pos) === 61 /* = */ && src.charCodeAt(this.pos + 1) !== 61) {
      let name: string | null = null;
      if (first.type === 'const' && src.charCodeAt(start) !== 38 /* & */) name = first.name;
      else if (first.type === 'array' && src.charCodeAt(start) === 91 /* [ */) name = first.text;
      if (name !== null) {
        this.pos++;
        const value = this.parseValue();
        this.memberName = name;
        return value;
      }
    }
    this.memberName = null;
    return first;
  }

  /** value = alt { " => " alt } */
  parseValue(): ArgNode {
    const src = this.src;
    const start = this.pos;
    let left = this.parseBinary(0);
    while (
      src.charCodeAt(this.pos) === 32 &&
      src.charCodeAt(this.pos + 1) === 61 &&
      src.charCodeAt(this.pos + 2) === 62 &&
      src.charCodeAt(this.pos + 3) === 32
    ) {
      this.pos += 4;
      const right = this.parseBinary(0);
      left = { type: 'inout', text: src.slice(start, this.pos), in: left, out: right };
    }
    return left;
  }

  /** Precedence climbing over the operators; same-operator runs become one n-ary node. */
  private parseBinary(minPrecedence: number): ArgNode {
    const src = this.src;
    const start = this.pos;
    let left = this.parseCommentedTerm();
    for (;;) {
      const op = peekOperator(src, this.pos);
      if (op === null || op.precedence < minPrecedence) return left;
      const items = [left];
      while (peekOperator(src, this.pos) === op) {
        this.pos += op.length;
        items.push(this.parseBinary(op.precedence + 1));
      }
      const text = src.slice(start, this.pos);
      left = op.op === '|' ? { type: 'flags', text, items } : { type: 'expr', text, op: op.op, items };
    }
  }

  /** cterm = term [ " /* comment *\/" [ decoration [ " /* comment *\/" ] ] ] */
  private parseCommentedTerm(): ArgNode {
    const start = this.pos;
    const term = this.parseTerm();
    const comment = this.readComment();
    if (comment === null) return term;
    if (this.atDecoration()) {
      const value = term.type === 'number' ? term.value : Number.NaN;
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(comment) ? comment : undefined;
      const fd = this.parseDecoration(start, value, name, comment);
      if (fd !== null) {
        // A second comment after `-100 /* AT_FDCWD *\/</cwd>` comments the whole decorated value.
        const second = this.readComment();
        if (second === null) return fd;
        return { type: 'commented', text: this.src.slice(start, this.pos), value: fd, comment: second };
      }
    }
    return { type: 'commented', text: this.src.slice(start, this.pos), value: term, comment };
  }

  /** The text of a ` /* comment *\/` at pos (pos moves past it), or null. */
  private readComment(): string | null {
    const src = this.src;
    if (!src.startsWith(' /* ', this.pos)) return null;
    const close = src.indexOf('*/', this.pos + 3);
    if (close === -1) return null;
    const comment = src.slice(this.pos + 4, src.charCodeAt(close - 1) === 32 ? close - 1 : close);
    this.pos = close + 2;
    return comment;
  }

  private parseTerm(): ArgNode {
    const src = this.src;
    const start = this.pos;
    const c = src.charCodeAt(start);
    if (c === 34 /* " */) return this.parseString(start, start, false);
    if (c === 123 /* { */) return this.parseStruct(start);
    if (c === 91 /* [ */) return this.parseArray(start, start, false);
    if (c === 64 /* @ */ && src.charCodeAt(start + 1) === 34) return this.parseString(start, start + 1, true);
    if (c === 126 /* ~ */ && src.charCodeAt(start + 1) === 91) return this.parseArray(start, start + 1, true);
    if (c === 46 /* . */ && src.startsWith('...', start)) {
      this.pos += 3;
      return { type: 'ellipsis', text: '...' };
    }
    if (isClass(c, HEX) && isClass(src.charCodeAt(start + 1), HEX) && src.charCodeAt(start + 2) === 58 /* : */) {
      const hw = this.parseHardwareAddress(start);
      if (hw !== null) return hw;
    }
    if (isClass(c, DIGIT) || c === 45 /* - */) return this.parseNumber(start);
    if (isClass(c, ID_START) || c === 38 /* & */) return this.parseIdentifier(start);
    if (c === 60 /* < */) return this.parseOpaque(start);
    return this.otherToken(start);
  }

  private parseString(start: number, quote: number, abstract: boolean): ArgNode {
    const src = this.src;
    const end = findStringEnd(src, quote);
    if (end === -1) {
      this.pos = src.length;
      return { type: 'other', text: src.slice(start) };
    }
    const value = decodeBody(src.slice(quote + 1, end - 1));
    const latin1 = lastDecodeWasLatin1();
    const truncated = src.startsWith('...', end);
    this.pos = truncated ? end + 3 : end;
    const text = src.slice(start, this.pos);
    if (abstract) {
      return latin1
        ? { type: 'string', text, value, truncated, abstract, latin1 }
        : { type: 'string', text, value, truncated, abstract };
    }
    return latin1 ? { type: 'string', text, value, truncated, latin1 } : { type: 'string', text, value, truncated };
  }

  private parseNumber(start: number): ArgNode {
    const token = parseNumberToken(this.src, start);
    if (token === null) return this.otherToken(start);
    this.pos = token.end;
    if (this.atDecoration()) {
      const fd = this.parseDecoration(start, token.value, undefined, undefined);
      if (fd !== null) return fd;
    }
    return { type: 'number', text: this.src.slice(start, token.end), value: token.value, base: token.base };
  }

  private parseIdentifier(start: number): ArgNode {
    const src = this.src;
    let i = src.charCodeAt(start) === 38 ? start + 1 : start;
    if (!isClass(src.charCodeAt(i), ID_START)) return this.otherToken(start);
    for (;;) {
      i++;
      const c = src.charCodeAt(i);
      if (isClass(c, ID_CHAR)) continue;
      // Dotted member names (strace -N style `msg.field=`) stay one identifier.
      if (c === 46 /* . */ && isClass(src.charCodeAt(i + 1), ID_START)) continue;
      break;
    }
    const name = src.slice(start, i);
    this.pos = i;
    if (src.charCodeAt(i) === 40 /* ( */) return this.parseCall(start, name);
    if (this.atDecoration()) {
      const fd = this.parseDecoration(start, name === 'AT_FDCWD' ? -100 : Number.NaN, name, undefined);
      if (fd !== null) return fd;
    }
    if (name === 'NULL') return { type: 'null', text: name };
    return { type: 'const', text: name, name };
  }

  /** `00:00:00:00:00:00`, `ff:ff:ff:ff:ff:ff` (netlink IFLA_ADDRESS): kept as one constant. */
  private parseHardwareAddress(start: number): ArgNode | null {
    const src = this.src;
    let i = start + 2;
    while (
      src.charCodeAt(i) === 58 &&
      isClass(src.charCodeAt(i + 1), HEX) &&
      isClass(src.charCodeAt(i + 2), HEX)
    ) {
      i += 3;
    }
    if (i === start + 2 || isClass(src.charCodeAt(i), ID_CHAR)) return null;
    this.pos = i;
    const text = src.slice(start, i);
    return { type: 'const', text, name: text };
  }

  private parseCall(start: number, name: string): ArgNode {
    const args: ArgNode[] = [];
    const ok = this.parseList(41 /* ) */, (node) => args.push(node), null);
    if (!ok) return { type: 'other', text: this.src.slice(start, this.pos) };
    return { type: 'call', text: this.src.slice(start, this.pos), name, args };
  }

  private parseStruct(start: number): ArgNode {
    const fields: StructField[] = [];
    this.pos = start;
    const ok = this.parseList(125 /* } */, null, (name, value) => fields.push({ name, value }));
    if (!ok) return { type: 'other', text: this.src.slice(start, this.pos) };
    return { type: 'struct', text: this.src.slice(start, this.pos), fields };
  }

  private parseArray(start: number, open: number, complement: boolean): ArgNode {
    const items: ArgNode[] = [];
    this.pos = open;
    this.spaceSeparated = false;
    const ok = this.parseList(93 /* ] */, (node) => items.push(node), null);
    if (!ok) return { type: 'other', text: this.src.slice(start, this.pos) };
    const node: ArrayArg = { type: 'array', text: this.src.slice(start, this.pos), items };
    if (complement) node.complement = true;
    if (this.spaceSeparated) node.bitset = true;
    return node;
  }

  /** Set by parseList when members were separated by single spaces (a bitset like `[USR2 RT_3]`). */
  private spaceSeparated = false;

  /**
   * Members from the opener at `pos` to `closer`, each given to `onNode` (names as NamedArg) or to
   * `onField`. In arrays a single space also separates members (bitsets: `[USR2 RT_3]`). Returns
   * false if the list never closes (pos at the end of input) or nests too deep (pos past the group).
   */
  private parseList(
    closer: number,
    onNode: ((node: ArgNode) => void) | null,
    onField: ((name: string | null, value: ArgNode) => void) | null,
  ): boolean {
    if (this.nesting >= MAX_NESTING) {
      this.pos = skipBalanced(this.src, this.pos);
      return false;
    }
    this.nesting++;
    const ok = this.parseListBody(closer, onNode, onField);
    this.nesting--;
    return ok;
  }

  private parseListBody(
    closer: number,
    onNode: ((node: ArgNode) => void) | null,
    onField: ((name: string | null, value: ArgNode) => void) | null,
  ): boolean {
    const src = this.src;
    const n = src.length;
    let spaced = false;
    this.pos++;
    this.skipSpaces();
    for (;;) {
      if (src.charCodeAt(this.pos) === closer) {
        this.pos++;
        this.spaceSeparated = spaced;
        return true;
      }
      if (this.pos >= n) return false;
      const start = this.pos;
      let value = this.parseMember();
      let name = this.memberName;
      let c = src.charCodeAt(this.pos);
      const bitsetSpace = c === 32 && closer === 93 && isBitsetSpace(src.charCodeAt(this.pos + 1));
      if (c !== 44 && c !== closer && !bitsetSpace) {
        if (this.pos >= n) return false;
        value = this.otherFrom(start, closer);
        name = null;
        if (this.pos >= n) return false;
        c = src.charCodeAt(this.pos);
      }
      if (onNode !== null) {
        onNode(name === null ? value : { type: 'named', text: src.slice(start, this.pos), name, value });
      } else if (onField !== null) {
        onField(name, value);
      }
      if (bitsetSpace) {
        spaced = true;
        this.pos++;
      } else if (c === 44) {
        this.pos++;
        this.skipSpaces();
      }
    }
  }

  private atDecoration(): boolean {
    return this.src.charCodeAt(this.pos) === 60 /* < */ && this.src.charCodeAt(this.pos + 1) !== 60;
  }

  /** The decoration at pos, as an fd node starting at `start`; null (pos unchanged) if it never closes. */
  private parseDecoration(
    start: number,
    value: number,
    name: string | undefined,
    comment: string | undefined,
  ): FdArg | null {
    const src = this.src;
    const span = scanDecoration(src, this.pos);
    if (span === null) return null;
    const rawPath = src.slice(span.pathStart, span.pathEnd);
    const node: FdArg = {
      type: 'fd',
      text: src.slice(start, span.end),
      value,
      path: span.typed ? rawPath : decodeStraceString(rawPath),
    };
    if (name !== undefined) node.name = name;
    if (comment !== undefined) node.comment = comment;
    if (span.deviceStart !== -1) node.device = src.slice(span.deviceStart, span.deviceEnd);
    if (span.deleted) node.deleted = true;
    this.pos = span.end;
    return node;
  }

  /** `<... resuming interrupted read ...>`: opaque, kept as `other`. */
  private parseOpaque(start: number): ArgNode {
    const close = this.src.indexOf('>', start);
    if (close === -1) return this.otherToken(start);
    this.pos = close + 1;
    return { type: 'other', text: this.src.slice(start, this.pos) };
  }

  /**
   * An `other` node from `start` to the next `,` or `closer` at depth 0 (skipping strings, comments
   * and brackets), scanning on from `pos`, where a partial parse stopped.
   */
  private otherFrom(start: number, closer: number): ArgNode {
    const src = this.src;
    const n = src.length;
    let depth = 0;
    let i = this.pos;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 34) {
        i = skipQuoted(src, i);
        continue;
      }
      if (c === 47 /* / */ && src.charCodeAt(i + 1) === 42) {
        const close = src.indexOf('*/', i + 2);
        i = close === -1 ? n : close + 2;
        continue;
      }
      if (depth === 0 && (c === 44 || c === closer)) break;
      if (c === 40 || c === 91 || c === 123) depth++;
      else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
      i++;
    }
    return this.otherTo(start, i);
  }

  /**
   * An unknown token at `start`: up to a space, `,` or unmatched closer at depth 0, so the enclosing
   * list decides what follows. Empty only when `start` is already at such a boundary.
   */
  private otherToken(start: number): ArgNode {
    const src = this.src;
    const n = src.length;
    let depth = 0;
    let i = start;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 34) {
        i = skipQuoted(src, i);
        continue;
      }
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === 44 || c === 32)) break;
      i++;
    }
    return this.otherTo(start, i);
  }

  private otherTo(start: number, stop: number): ArgNode {
    let end = stop;
    while (end > start && this.src.charCodeAt(end - 1) === 32) end--;
    this.pos = stop;
    return { type: 'other', text: this.src.slice(start, end) };
  }
}

function isBitsetSpace(next: number): boolean {
  return next === next && next !== 32 && next !== 93 && next !== 44;
}

/** Index just past the bracket group opening at `open` (strings and comments skipped), or the end of `src`. */
function skipBalanced(src: string, open: number): number {
  const n = src.length;
  let depth = 0;
  let i = open;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 34) {
      i = skipQuoted(src, i);
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 42) {
      const close = src.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return n;
}
