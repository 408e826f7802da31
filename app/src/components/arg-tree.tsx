import type { ArgNode } from '../../../parsers/model/index.js';
import { formatVisibleText } from '../logic/visible-text.js';

/**
 * An argument tree as nested lists. Everything is rendered as React text children, so nothing from the
 * trace is ever interpreted as HTML; characters that are invisible or reorder the text (a bidi override
 * in a file name) are shown as escapes, as strace prints them in the raw line.
 */
export function ArgTree({ args, names }: { args: readonly ArgNode[]; names?: readonly string[] }) {
  if (!args.length) return <p className="text-slate-500">no arguments</p>;
  return (
    <ol className="space-y-0.5 font-mono text-xs">
      {args.map((a, k) => (
        <li key={k}>
          <ArgItem node={a} label={names?.[k]} />
        </li>
      ))}
    </ol>
  );
}

function ArgItem({ node, label }: { node: ArgNode; label?: string | null }) {
  const head = label ? <span className="text-slate-500">{label}: </span> : null;
  const children = childrenOf(node);
  if (!children.length)
    return (
      <span>
        {head}
        <Leaf node={node} />
      </span>
    );
  return (
    <details open={children.length <= 12}>
      <summary className="cursor-pointer">
        {head}
        <span className="text-slate-500">{formatVisibleText(summaryOf(node))}</span>
      </summary>
      <ul className="ml-4 border-l border-slate-200 pl-2 dark:border-slate-700">
        {children.map(([l, c], k) => (
          <li key={k}>
            <ArgItem node={c} label={l} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function Leaf({ node }: { node: ArgNode }) {
  switch (node.type) {
    case 'string':
      return (
        <span className="text-emerald-700 dark:text-emerald-400" title={formatVisibleText(node.text)}>
          {formatVisibleText(JSON.stringify(node.value))}
          {node.truncated ? <span className="text-slate-500"> (truncated)</span> : null}
        </span>
      );
    case 'fd':
      return (
        <span>
          {node.name ?? node.value}{' '}
          <span className="text-sky-700 dark:text-sky-400">→ {formatVisibleText(node.path)}</span>
          {node.deleted ? ' (deleted)' : ''}
        </span>
      );
    case 'number':
      return <span className="text-amber-700 dark:text-amber-400">{node.text}</span>;
    default:
      return <span>{formatVisibleText(node.text)}</span>;
  }
}

function childrenOf(node: ArgNode): [string | null, ArgNode][] {
  switch (node.type) {
    case 'flags':
      return node.items.length > 1 ? node.items.map((i) => [null, i]) : [];
    case 'struct':
      return node.fields.map((f) => [f.name, f.value]);
    case 'array':
      return node.items.map((i, k) => [`[${k}]`, i]);
    case 'call':
      return node.args.map((a) => [null, a]);
    case 'commented':
      return [
        ['value', node.value],
        ['comment', { type: 'other', text: node.comment }],
      ];
    case 'inout':
      return [
        ['in', node.in],
        ['out', node.out],
      ];
    case 'named':
      return [[node.name, node.value]];
    case 'expr':
      return node.items.map((i) => [null, i]);
    default:
      return [];
  }
}

function summaryOf(node: ArgNode): string {
  switch (node.type) {
    case 'flags':
      return `${node.text}  (${node.items.length} flags)`;
    case 'struct':
      return `{…} ${node.fields.length} fields`;
    case 'array':
      return `${node.complement ? '~' : ''}[…] ${node.items.length} items`;
    case 'call':
      return `${node.name}(…)`;
    case 'named':
      return `${node.name}=`;
    default:
      return node.text.length > 60 ? `${node.text.slice(0, 60)}…` : node.text;
  }
}
