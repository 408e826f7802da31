import { escapeTerminalText } from '../parsers/format/terminal-text.js';

/**
 * Output that quotes a log, a file name or an argument, and has no colours of its own, made safe for the
 * terminal: controls, C1 codes and bidi characters become `\u001b`-style escapes. In JSON text that is
 * the same value (JSON.stringify leaves DEL, C1 and U+202E raw; `\u202e` in a JSON string reads back as
 * U+202E), so NDJSON and --json stay exactly what they were for a program that parses them.
 */
export function writeData(text: string): Promise<void> {
  return writeOut(escapeTerminalText(text));
}

/** One line on stderr that may quote a file name or an argument: `spelunk: nope\u001b[2J: no such file`. */
export function writeErrorLine(text: string): void {
  process.stderr.write(`${escapeTerminalText(text)}\n`);
}

/**
 * Text we coloured ourselves that also quotes names we were given (the traced program, its rootfs, a
 * session path): only SGR colour codes (`\x1b[1m`, `\x1b[22m`) pass, every other control is escaped,
 * so `collect "$(printf 'x\x1b]0;t\x07')"` cannot retitle the terminal through our progress lines.
 */
export function escapeKeepingColours(text: string): string {
  return text
    .split(/(\x1b\[[0-9;]*m)/)
    .map((piece, k) => (k % 2 === 1 ? piece : escapeTerminalText(piece)))
    .join('');
}

/** Writes to stdout, waiting when the pipe is full; a closed pipe (`| head`) ends quietly. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
