import { randomBytes } from 'node:crypto';
import type { Paint } from '../parsers/analysis/diff/format-diff.js';
import { escapeTerminalText } from '../parsers/format/terminal-text.js';

const NAMES = ['red', 'green', 'yellow', 'dim', 'bold', 'cyan'] as const;

/**
 * A coloured report that quotes trace text, made safe for the terminal in one place: `build` writes the
 * report with a paint that only marks where colours go (private-use characters and a random nonce no
 * log can guess), the whole text is escaped (escapeTerminalText: a `\x1b[2J` in an argument prints as
 * `\u001b[2J`), then the marks become `colors`' own escape codes, innermost first so nesting comes out
 * as picocolors nests.
 */
export function formatTerminalReport(colors: Paint, build: (paint: Paint) => string): string {
  const nonce = randomBytes(6).toString('hex');
  const open = (k: number): string => `\ue000${nonce}${k}\ue001`;
  const close = (k: number): string => `\ue002${nonce}${k}\ue001`;
  const marks = Object.fromEntries(
    NAMES.map((name, k) => [name, (s: string): string => open(k) + s + close(k)]),
  ) as unknown as Paint;
  let text = escapeTerminalText(build(marks));
  const innermost = new RegExp(
    `\ue000${nonce}(\\d)\ue001((?:(?!\ue000${nonce}|\ue002${nonce})[^])*?)\ue002${nonce}\\1\ue001`,
    'g',
  );
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(innermost, (_m, k: string, inner: string) =>
      colors[NAMES[Number(k)] ?? 'dim'](inner),
    );
  }
  return text;
}
