/**
 * fast-check generators of well-formed argument trees: every tree strace could print and the parser
 * must read back. Precedence is respected (an item of `a|b` is never itself a flags node) and every
 * node's `text` is filled with its canonical printing, so parse(print(tree)) must equal the tree.
 */

import fc from 'fast-check';
import type { ArgNode, FdArg, NamedArg, StringArg, StructField } from '../../parsers/model/args.js';
import { decodeStraceText, encodeStraceString, formatArg } from '../../parsers/strace/args/index.js';

/** Sets `text` bottom-up to the node's printing (children first, so the printer may reuse them). */
export function withText<T extends ArgNode>(node: T): T {
  return { ...node, text: formatArg({ ...node, text: '' }) };
}

const identifier = fc
  .tuple(fc.constantFrom(...'abcxyzABCXYZ_'), fc.stringMatching(/^[A-Za-z0-9_]{0,8}$/))
  .map(([a, b]) => a + b)
  .filter((s) => s !== 'NULL' && s !== 'or');

const stringArg: fc.Arbitrary<ArgNode> = fc
  .record({
    content: fc.oneof(fc.uint8Array({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 })),
    truncated: fc.boolean(),
    abstract: fc.boolean(),
  })
  .map(({ content, truncated, abstract }) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const { value, latin1 } = decodeStraceText(encodeStraceString(bytes));
    const node: StringArg = { type: 'string', text: '', value, truncated };
    if (abstract) node.abstract = true;
    if (latin1) node.latin1 = true;
    return withText(node);
  });

/** Octal as strace prints it (modes, umask): at most 0777777; longer 0-led runs read as zero-padded hex. */
const numberArg: fc.Arbitrary<ArgNode> = fc.oneof(
  fc
    .record({
      value: fc.integer({ min: -(2 ** 31), max: 2 ** 40 }),
      base: fc.constantFrom(10 as const, 16 as const),
    })
    .map(({ value, base }) => withText({ type: 'number', text: '', value, base })),
  fc
    .integer({ min: -0o777777, max: 0o777777 })
    .map((value) => withText({ type: 'number', text: '', value, base: 8 as const })),
);

const constArg: fc.Arbitrary<ArgNode> = fc
  .tuple(fc.boolean(), identifier)
  .map(([amp, name]) => withText({ type: 'const', text: '', name: amp ? `&${name}` : name }));

const leaf: fc.Arbitrary<ArgNode> = fc.oneof(
  stringArg,
  numberArg,
  constArg,
  fc.constant<ArgNode>({ type: 'null', text: 'NULL' }),
  fc.constant<ArgNode>({ type: 'ellipsis', text: '...' }),
);

const comment = fc.stringMatching(/^[A-Za-z0-9_|?.][A-Za-z0-9_|?. ]{0,10}[A-Za-z0-9_|?.]$/);

const typedPath = fc
  .tuple(
    fc.constantFrom('TCP', 'UDPv6', 'UNIX-STREAM', 'pipe', 'NETLINK'),
    fc.stringMatching(/^[0-9a-f.:>-]{0,12}$/),
    fc.option(fc.stringMatching(/^[a-z/\]>]{0,8}$/), { nil: undefined }),
  )
  .map(([type, info, bound]) => `${type}:[${info}${bound === undefined ? '' : `,"${bound}"`}]`);

const fdArg: fc.Arbitrary<ArgNode> = fc
  .record({
    head: fc.oneof(
      fc.integer({ min: 0, max: 99999 }).map((value) => ({ value })),
      fc.constant({ value: -100, name: 'AT_FDCWD' }),
      fc.tuple(fc.integer({ min: -200, max: 99999 }), comment).map(([value, c]) => ({
        value,
        comment: c,
        ...(/^[A-Za-z_][A-Za-z0-9_]*$/.test(c) ? { name: c } : {}),
      })),
    ),
    path: fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 10 }).filter((p) => !/^[A-Za-z0-9_-]+:\[/.test(p)),
      typedPath,
    ),
    device: fc.option(fc.stringMatching(/^[a-z0-9 :]{1,9}$/), { nil: undefined }),
    deleted: fc.boolean(),
  })
  .map(({ head, path, device, deleted }) => {
    const node: FdArg = { type: 'fd', text: '', value: head.value, path };
    if ('name' in head && head.name !== undefined) node.name = head.name;
    if ('comment' in head) node.comment = head.comment;
    if (device !== undefined && path !== '' && !path.includes(':[')) node.device = device;
    if (deleted) node.deleted = true;
    return withText(node);
  });

/** Operators by precedence, as the parser ranks them. */
const OPS: readonly (readonly string[])[] = [
  ['or'],
  ['&&', '||'],
  ['|'],
  ['==', '!='],
  ['<<', '>>'],
  ['+', '-'],
  ['*'],
];
const TOP = OPS.length;

/** After `-` the next term must start with a letter or digit for strace (and us) to read it as minus. */
const startsAlnum = (n: ArgNode) => /^[A-Za-z0-9_]/.test(n.text);

export interface ArgArbitraries {
  value: fc.Arbitrary<ArgNode>;
  member: fc.Arbitrary<ArgNode>;
  args: fc.Arbitrary<ArgNode[]>;
}

export function argArbitraries(maxDepth = 10): ArgArbitraries {
  const tree = fc.letrec<Record<string, ArgNode | ArgNode[]>>((tie) => {
    const node = (key: string) => tie(key) as fc.Arbitrary<ArgNode>;
    const named = (nameArb: fc.Arbitrary<string>) =>
      fc
        .tuple(nameArb, node('value'))
        .map(([name, value]) => withText<NamedArg>({ type: 'named', text: '', name, value }));
    const depth = { depthSize: 'small', maxDepth, depthIdentifier: 'arg-tree' } as const;
    const designator = fc.oneof(identifier, fc.nat(64).map(String)).map((d) => `[${d}]`);
    const members: Record<string, fc.Arbitrary<ArgNode>> = {
      term: fc.oneof(depth, leaf, fdArg, node('struct'), node('array'), node('call')),
      cterm: fc.oneof(
        depth,
        node('term'),
        fc
          .tuple(node('term'), comment)
          .map(([value, c]) => withText({ type: 'commented', text: '', value, comment: c })),
      ),
      struct: fc
        .array(
          fc.record({ name: fc.oneof(fc.constant(null), identifier, designator), value: node('value') }),
          { maxLength: 4, depthIdentifier: 'arg-tree' },
        )
        .map((fields: StructField[]) => withText({ type: 'struct', text: '', fields })),
      array: fc
        .record({
          items: fc.array(node('member'), { maxLength: 4, depthIdentifier: 'arg-tree' }),
          complement: fc.boolean(),
          bitset: fc.boolean(),
        })
        .map(({ items, complement, bitset }) => {
          const a: ArgNode = { type: 'array', text: '', items };
          if (complement) a.complement = true;
          if (bitset && items.length >= 2) a.bitset = true;
          return withText(a);
        }),
      call: fc
        .tuple(identifier, fc.array(node('member'), { maxLength: 3, depthIdentifier: 'arg-tree' }))
        .map(([name, args]) => withText({ type: 'call', text: '', name, args })),
      value: fc.oneof(
        depth,
        node('bin0'),
        fc
          .tuple(node('bin0'), node('bin0'))
          .map(([i, o]) => withText({ type: 'inout', text: '', in: i, out: o })),
      ),
      member: fc.oneof(depth, node('value'), named(fc.oneof(identifier, designator))),
      [`bin${TOP}`]: node('cterm'),
    };
    for (let p = TOP - 1; p >= 0; p--) {
      const ops = OPS[p] ?? [];
      const opNode = fc
        .tuple(
          fc.constantFrom(...ops),
          fc.array(node(`bin${p + 1}`), { minLength: 2, maxLength: 3, depthIdentifier: 'arg-tree' }),
        )
        .filter(([op, items]) => op !== '-' || items.slice(1).every(startsAlnum))
        .map(([op, items]) =>
          withText(op === '|' ? { type: 'flags', text: '', items } : { type: 'expr', text: '', op, items }),
        );
      members[`bin${p}`] = fc.oneof(depth, node(`bin${p + 1}`), opNode);
    }
    members['args'] = fc.array(fc.oneof(node('value'), named(identifier)), { maxLength: 5 }) as never;
    return members;
  });
  return {
    value: tree['value'] as fc.Arbitrary<ArgNode>,
    member: tree['member'] as fc.Arbitrary<ArgNode>,
    args: tree['args'] as unknown as fc.Arbitrary<ArgNode[]>,
  };
}
