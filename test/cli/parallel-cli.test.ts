/**
 * The CLI reading a log on two threads (a worker thread and the main one, parsers/input/parse-blocks.ts)
 * prints exactly what it prints reading it in one pass. Tiny blocks (SPELUNK_BLOCK_BYTES) put many seams
 * into small real logs, and into a bigger one of interleaved tasks whose calls are split across them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../strace/corpus-files.js';
import { makeTempDir } from '../temp-dir.js';

const BIN = new URL('../../bin/spelunk.js', import.meta.url).pathname;

async function cli(args: string[], env: Record<string, string>): Promise<string> {
  const r = await execa('node', [BIN, ...args], { env, reject: false, stripFinalNewline: false });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return String(r.stdout);
}

const ONE_PASS = { SPELUNK_THREADS: '1' };
const TWO_THREADS = (block: number) => ({ SPELUNK_THREADS: '2', SPELUNK_BLOCK_BYTES: String(block) });

describe('spelunk on two threads', () => {
  it.each([
    'pipe-f-yy.log', // -f -yy: calls split across tasks, sockets and pipes
    'format/pipeline.f.tt.T.stderr.log', // terminal form: [pid N], prefix-less lines, glued messages
    'format/flags/summary.C.log', // calls then strace's -c table
    'stack-k.log', // -k stack frames after the calls
    'date-r.log', // -r times summed over the seams
    'format/mtexec.f.log', // a thread's execve superseding its leader
  ])('%s: parse --text and stats --json read the same as in one pass', async (name) => {
    const log = CORPUS + name;
    for (const args of [
      ['parse', '--text', log],
      ['stats', '--json', log],
    ])
      expect(await cli(args, TWO_THREADS(700))).toBe(await cli(args, ONE_PASS));
  });

  it('a bigger log of interleaved tasks, calls split across many seams, in blocks of 16 KiB', async () => {
    // the corpus's -f pipeline, again and again with new pids and later times: about 0.8 MB
    const lines = readFileSync(CORPUS + 'pipe-f-yy.log', 'latin1')
      .trimEnd()
      .split('\n');
    const out: string[] = [];
    for (let round = 0; round < 30; round++) {
      for (const line of lines)
        out.push(
          line
            .replace(/^(\d+)/, (pid) => String(Number(pid) + 1000 * round))
            .replace(/(\d+)\.(\d{6}) /, (_m, s: string, us: string) => `${Number(s) + round}.${us} `),
        );
    }
    const log = join(makeTempDir('spelunk-parallel'), 'big.log');
    writeFileSync(log, out.join('\n') + '\n', 'latin1');
    for (const args of [
      ['parse', '--text', log],
      ['stats', '--json', log],
    ])
      expect(await cli(args, TWO_THREADS(16 * 1024))).toBe(await cli(args, ONE_PASS));
  });
});
