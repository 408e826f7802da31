import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTerminalReport } from '../../collector/terminal-report.js';
import { escapeTerminalText } from '../../parsers/format/terminal-text.js';
import { CORPUS } from '../corpus-path.js';
import { runCli } from './run-cli.js';

/*
 * A traced program controls what its log holds. These lines carry what a terminal would obey: set the
 * window title (OSC 0, ended by BEL), clear the screen, a C1 CSI, in raw bytes (the bpftrace backend's
 * str() and hand-made logs have them raw; strace escapes them itself), and a bidi override as strace
 * writes it (`\342\200\256`, which decodes to U+202E: `"\u202egpj.exe"` would read as `exe.jpg`).
 */
const HOSTILE_LINE =
  'write(1, "a\x1b]0;pwned\x07b\x1b[2J\x9b31m", 5) = 5\n' +
  'write(1, "\\342\\200\\256gpj.exe", 10) = 10\n' +
  'openat(AT_FDCWD</tmp/\x1b[2J>, "x", O_RDONLY) = 3</tmp/\x1b]0;t\x07>\n';
/** Any raw character a terminal acts on, or that reorders text: none may reach stdout. */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const dir = mkdtempSync(join(tmpdir(), 'spelunk-escapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const host = readFileSync(join(CORPUS, 'foo-host.log'), 'latin1');
const hostile = join(dir, 'hostile.log');
// The first 30 real lines keep the file a trace (a head of escape bytes alone reads as binary).
writeFileSync(hostile, host.split('\n').slice(0, 30).join('\n') + '\n' + HOSTILE_LINE, 'utf8');
const plain = join(dir, 'host.log');
writeFileSync(plain, host, 'latin1');

describe('trace text never reaches the terminal raw', () => {
  it('spelunk diff shows the escapes instead of obeying them', async () => {
    const r = await runCli(['diff', hostile, plain]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('pwned');
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('\\u001b]0;pwned\\u0007b\\u001b[2J');
    const all = await runCli(['diff', '--all', hostile, plain]);
    expect(all.stdout).not.toMatch(RAW);
  });

  it('spelunk parse --text too, fd paths included', async () => {
    const r = await runCli(['parse', '--text', hostile]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain(
      'openat(fdAT_FDCWD</tmp/\\u001b[2J>, s"x", O_RDONLY) = 3</tmp/\\u001b]0;t\\u0007>',
    );
    expect(r.stdout).toContain('\\u202egpj.exe');
  });

  it('keeps its own colours while escaping the trace', () => {
    const colors = pc.createColors(true);
    const out = formatTerminalReport(
      colors,
      (p) => `${p.bold('Counts')}: ${p.red(`- ${'\x1b[2J'} ${p.dim('x')}`)}\n`,
    );
    expect(out).toBe(`${colors.bold('Counts')}: ${colors.red(`- \\u001b[2J ${colors.dim('x')}`)}\n`);
  });

  it('escapes as JSON writes them, and leaves newlines, tabs and ordinary text alone', () => {
    expect(escapeTerminalText('a\tb\nc\x1b[0m\u202e\u200b\x7f\u0085é漢')).toBe(
      'a\tb\nc\\u001b[0m\\u202e\\u200b\\u007f\\u0085é漢',
    );
  });
});
