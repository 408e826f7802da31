import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTraceFileReader, readTraceInput, type TraceInputFile } from '../../parsers/input/index.js';
import { parseStrace, parseStraceFiles } from '../../parsers/strace/index.js';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import { CORPUS, ffSets, straceLogs } from '../strace/corpus-files.js';

/** A file handed over as the CLI does: its bytes in pieces of `size`. */
function file(name: string, bytes: Uint8Array, size = 1 << 20): TraceInputFile {
  return {
    name,
    size: bytes.length,
    chunks: (async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })(),
  };
}
const fromDisk = (path: string, name = basename(path)) => file(name, readFileSync(path));

describe('the input pipeline on real logs', () => {
  it('reads every corpus and sample log as strace, the same trace parseStrace makes', async () => {
    const logs = straceLogs();
    expect(logs.length).toBeGreaterThan(60);
    const tablesAlone: string[] = [];
    for (const log of logs) {
      const direct = parseStrace(readFileSync(log.path, 'latin1'), { fileName: 'input' });
      // no file name to go by: detection reads the bytes only
      const result = await readTraceInput([fromDisk(log.path, 'input')]);
      if (!result.ok && result.format === 'summary') {
        expect(direct.summaries.length, log.name).toBe(1);
        tablesAlone.push(basename(log.name));
        continue;
      }
      expect(result.ok ? result.formats : result.message, log.name).toEqual(['strace']);
      expect(result.ok && result.trace.count, log.name).toBe(direct.count);
    }
    // the logs strace -c (-U, -w: other columns) wrote, and nothing else
    expect(tablesAlone.sort()).toEqual(['summary.U.log', 'summary.c.log', 'summary.w.log']);
  });

  it('reads the collector bpftrace output as bpftrace', async () => {
    const dir = 'test/bpftrace/fixtures';
    for (const name of readdirSync(dir)) {
      const result = await readTraceInput([fromDisk(join(dir, name), 'input')]);
      expect(result.ok && result.formats, name).toEqual(['bpftrace']);
    }
  });

  it('merges an -ff set by time, each member giving its pid', async () => {
    for (const set of ffSets()) {
      const result = await readTraceInput(set.files.map((f) => fromDisk(f)));
      if (!result.ok) throw new Error(result.message);
      const expected = parseStraceFiles(
        set.files.map((f) => ({ name: basename(f), text: readFileSync(f, 'latin1') })),
      );
      expect(formatTraceDump(result.trace), set.name).toBe(formatTraceDump(expected));
      const pids = new Set(Array.from(result.trace.columns.pid));
      expect(pids.size, set.name).toBe(set.files.length);
    }
  });

  it('gives the same trace whatever size the chunks are', async () => {
    const bytes = readFileSync(join(CORPUS, 'pipe-f-yy.log'));
    const whole = formatTraceDump(parseStrace(bytes.toString('latin1'), { fileName: 'in' }));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 20_000 }), async (size) => {
        const result = await readTraceInput([file('in', bytes, size)]);
        expect(result.ok && formatTraceDump(result.trace)).toBe(whole);
      }),
      { numRuns: 25 },
    );
  });
});

describe('what is refused, and why', () => {
  const text = (name: string, body: string) => file(name, new TextEncoder().encode(body));

  it('stops reading a binary file at its head, however large', async () => {
    const zeros = new Uint8Array(1 << 20);
    let pulled = 0;
    const huge: TraceInputFile = {
      name: 'disk.img',
      chunks: (async function* () {
        // 2 GiB if read to the end
        for (let i = 0; i < 2048; i++) {
          pulled++;
          yield zeros;
        }
      })(),
    };
    const result = await readTraceInput([huge]);
    expect(result).toMatchObject({ ok: false, format: 'binary', file: 'disk.img' });
    expect(pulled).toBe(1);
  });

  it('calls a compressed log binary', async () => {
    const gz = gzipSync(readFileSync(join(CORPUS, 'foo-host.log')));
    const result = await readTraceInput([file('foo-host.log.gz', gz)]);
    expect(result).toMatchObject({
      ok: false,
      format: 'binary',
      message: 'is a binary file, not a trace log',
    });
  });

  it('says a file is empty, and skips an empty member of an -ff set', async () => {
    expect(await readTraceInput([text('e.log', '')])).toMatchObject({
      ok: false,
      format: 'empty',
      message: 'is empty (0 bytes): nothing was traced into it',
    });
    expect(await readTraceInput([text('blank.log', '\n\n  \n')])).toMatchObject({ format: 'empty' });
    const [member] = ffSets()[0]!.files;
    const set = await readTraceInput([fromDisk(member!), text('pipe.9999', '')]);
    expect(set.ok).toBe(true);
    expect(await readTraceInput([text('t.1', ''), text('t.2', '')])).toMatchObject({
      file: 't.1',
      format: 'empty',
    });
  });

  it("tells strace's -c table alone from a log that ends with one", async () => {
    const alone = await readTraceInput([fromDisk(join(CORPUS, 'format/flags/summary.c.log'))]);
    expect(alone).toMatchObject({ ok: false, format: 'summary' });
    const taken = await readTraceInput([fromDisk(join(CORPUS, 'format/flags/summary.c.log'))], {
      acceptTableOnly: true,
    });
    expect(taken.ok && taken.formats).toEqual(['summary']);
    const withCalls = await readTraceInput([fromDisk(join(CORPUS, 'format/flags/summary.C.log'))]);
    expect(withCalls.ok && withCalls.trace.summaries.length).toBe(1);
  });

  it('counts the lines of a text that is not a trace', async () => {
    expect(await readTraceInput([text('notes.txt', 'Dear diary,\ntoday I traced nothing.\nBye\n')])).toEqual({
      ok: false,
      file: 'notes.txt',
      format: 'not-a-trace',
      message: 'does not look like an strace log: none of its 3 lines is a system call',
    });
  });

  it('names the file by its path when one is given', async () => {
    const result = await readTraceInput([{ ...text('x', ''), path: '/tmp/run/x' }]);
    expect(result).toMatchObject({ file: '/tmp/run/x' });
  });

  it('decides on text pushed as strings too (pasted logs)', async () => {
    const reader = createTraceFileReader({ fileName: 'paste' });
    expect(reader.push('\0\0\0')).toBe(true); // under the head size: not decided yet
    expect(await reader.end()).toMatchObject({ ok: false, format: 'binary' });
    const log = createTraceFileReader();
    log.push(readFileSync(join(CORPUS, 'true-plain.log'), 'latin1'));
    expect(await log.end()).toMatchObject({ ok: true, format: 'strace' });
  });
});
