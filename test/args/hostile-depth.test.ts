import { describe, expect, it } from 'vitest';
import type { ArgNode } from '../../parsers/model/args.js';
import { formatEventJson } from '../../parsers/format/event-json.js';
import { formatStraceText } from '../../parsers/format/strace-text.js';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import { parseArgs } from '../../parsers/strace/args/index.js';
import { MAX_TREE_DEPTH } from '../../parsers/strace/args/depth-cap.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { childrenOf, findCoverageGap } from './helpers.js';

/** The depth of a tree, with a stack (the point is that these trees may be deep). */
function treeDepth(nodes: readonly ArgNode[]): number {
  let max = 0;
  const stack = nodes.map((node) => ({ node, depth: 1 }));
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    max = Math.max(max, top.depth);
    for (const c of childrenOf(top.node)) stack.push({ node: c, depth: top.depth + 1 });
  }
  return max;
}

const chain = (n: number, link: (k: number) => string): string =>
  Array.from({ length: n }, (_, k) => (k === 0 ? 'x0' : `${link(k)}x${k}`)).join('');

/*
 * Lines that nest as deep as they are long (issue 12): each overflowed the call stack in `spelunk parse`
 * at about 25 KB, and below that the NDJSON grew with the square of the line (20 KB in, 40 MB out).
 */
const HOSTILE: Record<string, string> = {
  'inout chain': `read(3, [${Array(5_000).fill('1').join(' => ')}]) = 1`,
  '|| and && alternating': `read(3, [${chain(5_000, (k) => (k % 2 ? ' || ' : ' && '))}]) = 1`,
  '<< and >> alternating': `read(3, [${chain(5_000, (k) => (k % 2 ? '<<' : '>>'))}]) = 1`,
  '+ and - alternating': `read(3, [${chain(5_000, (k) => (k % 2 ? '+' : '-'))}]) = 1`,
  '== and != alternating': `read(3, [${chain(5_000, (k) => (k % 2 ? ' == ' : ' != '))}]) = 1`,
  'brackets, 100,000 deep': `read(3, ${'['.repeat(100_000)}1${']'.repeat(100_000)}, 1) = 1`,
  'calls, 5,000 deep': `read(3, ${'f('.repeat(5_000)}1${')'.repeat(5_000)}) = 1`,
  'named structs inside an inout chain': `read(3, ${Array(3_000).fill('{a=[1 => {b=2}]}').join(' => ')}) = 1`,
};

describe('every nesting is capped, and what is printed stays linear in the line', () => {
  for (const [name, line] of Object.entries(HOSTILE)) {
    it(name, () => {
      const trace = parseStrace(line + '\n', { fileName: 'hostile.log' });
      const ev = trace.event(0);
      expect(ev.kind).toBe('syscall');
      if (ev.kind !== 'syscall') return;
      const argsText = line.slice('read('.length, line.lastIndexOf(') = 1'));
      expect(findCoverageGap(argsText, ev.args)).toBeNull();
      expect(treeDepth(ev.args)).toBeLessThanOrEqual(MAX_TREE_DEPTH);
      // NDJSON, the text dump and strace's own form: no RangeError, and a bounded size.
      const json = formatEventJson(ev);
      expect(json.length).toBeLessThan((MAX_TREE_DEPTH + 8) * line.length);
      expect(formatTraceDump(trace).length).toBeLessThan(4 * line.length);
      expect(formatStraceText(ev)).toContain(argsText.slice(0, 1000));
    });
  }

  it('real argument trees are far from the cap (the deepest real one, netlink under -X verbose, is 14)', () => {
    const netlink =
      '3<NETLINK:[ROUTE:26404]>, {msg_name={sa_family=0x10 /* AF_NETLINK */, nl_pid=0}, msg_iov=[{iov_base=[[{nlmsg_len=1468, nlmsg_type=0x10 /* RTM_NEWLINK */}, {ifi_family=0 /* AF_UNSPEC */}, [[{nla_len=7, nla_type=0x3 /* IFLA_IFNAME */}, "lo"]]]], iov_len=32768}], msg_iovlen=1}, 0';
    const nodes = parseArgs(netlink);
    expect(findCoverageGap(netlink, nodes)).toBeNull();
    expect(JSON.stringify(nodes)).not.toContain('"other"');
  });
});
