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
import { DIGIT, ID_CHAR, ID_START, isClass } from './char-class.js';
import { capTreeDepth } from './depth-cap.js';
import { readDecoratedValue } from './decoration.js';
import { peekOperator } from './operators.js';
import { readStringTerm } from './strace-string.js';
import { parseNumberToken, scanHardwareAddress } from './number-token.js';
import { NO_CLOSER, scanToSeparator, scanToken, skipBalanced } from './recovery-scan.js';

/** Parses the text between a syscall's parentheses (possibly stitched from unfinished + resumed). */
export function parseArgs(text: string): ArgNode[] {
  return capTreeDepth(new ArgParser(text).parseTopLevel());
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
  return capTreeDepth([node])[0] as ArgNode;
}

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

  /**
   * value = alt { " => " alt }. The space before `=>` is optional: a stitched clone3 whose resumed half
   * was cut after `resumed> ` (the strace < 5.0 form) reads `{flags=...}=> {parent_tid=[6503]}`.
   */
  parseValue(): ArgNode {
    const src = this.src;
    const start = this.pos;
    let left = this.parseBinary(0);
    for (;;) {
      const at = src.charCodeAt(this.pos) === 32 ? this.pos + 1 : this.pos;
      if (src.charCodeAt(at) !== 61 || src.charCodeAt(at + 1) !== 62 || src.charCodeAt(at + 2) !== 32)
        return left;
      this.pos = at + 3;
      const right = this.parseBinary(0);
      left = { type: 'inout', text: src.slice(start, this.pos), in: left, out: right };
    }
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
    if (src.charCodeAt(start + 2) === 58 /* : */) {
      // `00:00:00:00:00:00`: netlink hardware addresses, kept as one constant.
      const end = scanHardwareAddress(src, start);
      if (end !== -1) {
        this.pos = end;
        const text = src.slice(start, end);
        return { type: 'const', text, name: text };
      }
    }
    if (isClass(c, DIGIT) || c === 45 /* - */) return this.parseNumber(start);
    if (isClass(c, ID_START) || c === 38 /* & */) return this.parseIdentifier(start);
    if (c === 60 /* < */) return this.parseOpaque(start);
    return this.otherToken(start);
  }

  private parseString(start: number, quote: number, abstract: boolean): ArgNode {
    const node = readStringTerm(this.src, start, quote, abstract);
    if (node === null) {
      this.pos = this.src.length;
      return { type: 'other', text: this.src.slice(start) };
    }
    this.pos = start + node.text.length;
    return node;
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

  private parseCall(start: number, name: string): ArgNode {
    const args: ArgNode[] = [];
    const ok = this.parseList(41 /* ) */, args, null);
    if (!ok) return { type: 'other', text: this.src.slice(start, this.pos) };
    return { type: 'call', text: this.src.slice(start, this.pos), name, args };
  }

  private parseStruct(start: number): ArgNode {
    const fields: StructField[] = [];
    this.pos = start;
    const ok = this.parseList(125 /* } */, null, fields);
    if (!ok) return { type: 'other', text: this.src.slice(start, this.pos) };
    return { type: 'struct', text: this.src.slice(start, this.pos), fields };
  }

  private parseArray(start: number, open: number, complement: boolean): ArgNode {
    const items: ArgNode[] = [];
    this.pos = open;
    this.spaceSeparated = false;
    const ok = this.parseList(93 /* ] */, items, null);
    if (!ok) return { type: 'other', text: this.src.slice(start, this.pos) };
    const node: ArrayArg = { type: 'array', text: this.src.slice(start, this.pos), items };
    if (complement) node.complement = true;
    if (this.spaceSeparated) node.bitset = true;
    return node;
  }

  /** Set by parseList when members were separated by single spaces (a bitset like `[USR2 RT_3]`). */
  private spaceSeparated = false;

  /**
   * Members from the opener at `pos` to `closer`, pushed to `items` (names as NamedArg) or to
   * `fields`. In arrays a single space also separates members (bitsets: `[USR2 RT_3]`). Returns
   * false if the list never closes (pos at the end of input) or nests too deep (pos past the group).
   */
  private parseList(closer: number, items: ArgNode[] | null, fields: StructField[] | null): boolean {
    if (this.nesting >= MAX_NESTING) {
      this.pos = skipBalanced(this.src, this.pos);
      return false;
    }
    this.nesting++;
    const ok = this.parseListBody(closer, items, fields);
    this.nesting--;
    return ok;
  }

  private parseListBody(closer: number, items: ArgNode[] | null, fields: StructField[] | null): boolean {
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
      if (items !== null) {
        items.push(name === null ? value : { type: 'named', text: src.slice(start, this.pos), name, value });
      } else if (fields !== null) {
        fields.push({ name, value });
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
    const node = readDecoratedValue(this.src, start, this.pos, value, name, comment);
    if (node !== null) this.pos = start + node.text.length;
    return node;
  }

  /** `<... resuming interrupted read ...>`: opaque, kept as `other`. */
  private parseOpaque(start: number): ArgNode {
    const close = this.src.indexOf('>', start);
    if (close === -1) return this.otherToken(start);
    this.pos = close + 1;
    return { type: 'other', text: this.src.slice(start, this.pos) };
  }

  /** An `other` node from `start` to the next `,` or `closer` at depth 0, scanning on from pos. */
  private otherFrom(start: number, closer: number): ArgNode {
    return this.otherTo(start, scanToSeparator(this.src, this.pos, closer));
  }

  /** An unknown token at `start`, so the enclosing list decides what follows; empty at a boundary. */
  private otherToken(start: number): ArgNode {
    return this.otherTo(start, scanToken(this.src, start));
  }

  private otherTo(start: number, stop: number): ArgNode {
    let end = stop;
    while (end > start && this.src.charCodeAt(end - 1) === 32) end--;
    this.pos = stop;
    return { type: 'other', text: this.src.slice(start, end) };
  }
}

/** After a member in an array, a single space followed by another member separates bitset members. */
function isBitsetSpace(next: number): boolean {
  return !Number.isNaN(next) && next !== 32 && next !== 93 && next !== 44;
}
