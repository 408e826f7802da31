/**
 * Text from a trace made safe to print on a terminal. A log is data written by whatever was traced: a
 * program that wrote `\x1b]0;pwned\x07` (set the window title) or `\x1b[2J` (clear the screen) into an
 * argument would otherwise do so to the terminal of whoever reads the report, and a bidi override
 * (U+202E) makes `"\u202egpj.exe"` read as `exe.jpg`. Each such character is shown as its escape, the
 * way JSON writes it (`\u001b`), so what is printed is what the log holds, visibly.
 *
 * Escaped: C0 controls but newline and tab, DEL, C1 controls, and the invisible format characters that
 * move or hide text (bidi embeddings, overrides and isolates, LRM/RLM/ALM, zero-width characters, line
 * and paragraph separators, the BOM).
 */
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export function escapeTerminalText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
