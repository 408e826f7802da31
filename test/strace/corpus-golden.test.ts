import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import {
  createStraceParser,
  parseStrace,
  parseStraceFiles,
  sniffStrace,
} from '../../parsers/strace/index.js';
import { checkTraceIntegrity } from '../../parsers/strace/integrity.js';
import { ffSets, straceLogs } from './corpus-files.js';

// Golden dumps are kept for every real log but the ~40k-line "big" ones, which are checked for integrity
// and chunking only (their dumps would be megabytes of review noise).
const isBig = (name: string): boolean => basename(name).startsWith('big.');
const goldenPath = (name: string): string => `../golden/strace/${name.replace(/\//g, '__')}.txt`;

function parseInChunks(text: string, size: number): ReturnType<typeof parseStrace> {
  const p = createStraceParser();
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
  return p.end();
}

describe.each(straceLogs())('$name', ({ path, name }) => {
  const text = readFileSync(path, 'latin1');
  const trace = parseStrace(text);

  it.skipIf(isBig(name))('matches its golden dump', async () => {
    await expect(formatTraceDump(trace)).toMatchFileSnapshot(goldenPath(name));
  });

  it('accounts for every line, closes or flags every split call, keeps time monotonic per task', () => {
    expect(checkTraceIntegrity(trace)).toEqual([]);
  });

  it('gives the same events whatever the chunk size', () => {
    const whole = formatTraceDump(trace);
    for (const size of [1, 7, 4096]) {
      if (size === 1 && text.length > 200_000) continue;
      expect(formatTraceDump(parseInChunks(text, size))).toBe(whole);
    }
  });

  it('is detected as strace without its file name', () => {
    // the -c table alone is strace output too, but holds no call to recognise
    if (trace.columns.count === 0) return expect(trace.summaries.length).toBeGreaterThan(0);
    expect(sniffStrace(text.slice(0, 4096))).toBe(true);
  });
});

describe.each(ffSets())('-ff set $name', ({ name, files }) => {
  const trace = parseStraceFiles(files.map((f) => ({ name: basename(f), text: readFileSync(f, 'latin1') })));

  it('merges into one trace ordered by time, one pid per file', async () => {
    await expect(formatTraceDump(trace)).toMatchFileSnapshot(goldenPath(name));
    expect(checkTraceIntegrity(trace)).toEqual([]);
    const pids = new Set(Array.from({ length: trace.count }, (_, i) => trace.pid(i)));
    expect([...pids].sort()).toEqual(files.map((f) => Number(f.split('.').pop())).sort());
  });
});
