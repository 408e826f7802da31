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

describe('every other output path escapes too', () => {
  // a file name is chosen by whoever hands you the file: it reaches the terminal in error messages
  const named = (base: string): string => join(dir, `${base}\x1b]0;t\x07\x1b[2J\u202e.log`);
  const missing = named('missing');
  const empty = named('empty');
  writeFileSync(empty, '');
  const binary = named('binary');
  writeFileSync(binary, Buffer.alloc(4096, 0));
  const hostileName = named('hostile');
  writeFileSync(hostileName, readFileSync(hostile));

  it('error messages that quote a file name or an argument', async () => {
    for (const args of [
      ['stats', missing],
      ['parse', empty],
      ['parse', '--text', binary],
      ['diff', hostileName, missing],
      ['explain', 'open\x1b[2Jat'],
      ['lessons', 'x\x1b]0;t\x07'],
      ['serve', '--port', '0', missing],
    ]) {
      const r = await runCli(args);
      expect(r.exitCode, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/\\u001b/);
      expect(r.stderr + r.stdout, args.join(' ')).not.toMatch(RAW);
    }
  });

  it('NDJSON and --json: no raw C1 or bidi character, and the same values once parsed', async () => {
    const ndjson = await runCli(['parse', hostileName]);
    expect(ndjson.exitCode).toBe(0);
    expect(ndjson.stdout).not.toMatch(RAW);
    const writes = ndjson.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name?: string; args?: { value?: string }[] })
      .filter((e) => e.name === 'write');
    // read as latin1, as every log is: the UTF-8 bytes of U+009B are "Â\x9b"
    expect(writes.at(-2)?.args?.[1]?.value).toBe('a\x1b]0;pwned\x07b\x1b[2J\xc2\x9b31m');
    for (const args of [
      ['stats', '--json', hostileName],
      ['diff', '--json', hostileName, plain],
    ]) {
      const r = await runCli(args);
      expect(r.exitCode, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(RAW);
      expect(() => JSON.parse(r.stdout) as unknown, args.join(' ')).not.toThrow();
    }
    const diff = await runCli(['diff', '--json', hostileName, plain]);
    expect(diff.stdout).toContain('\\u009b');
  });
});
