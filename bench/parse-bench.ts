/**
 * Parser throughput and memory on a real strace log of at least 300 MB, made here with strace, beside
 * (a) a plain newline scan of the same bytes and (b) b3-strace-parser, the npm parser users have today.
 * A benchmark, not a test: `npm run bench:parse` (or `npm run bench`). Figures go to BENCHMARKS.md.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { execa } from 'execa';
import { createStraceParser } from '../parsers/strace/index.js';
import { emptyLine } from '../parsers/strace/parse-line.js';
import { ByteInterner, scanLineBytes } from '../parsers/strace/scan-line-bytes.js';
import { machineLine } from './machine.js';
import { ensureStringHeavyLog } from './string-heavy-log.js';

const OUT = new URL('./out/', import.meta.url).pathname;
const LOG = OUT + 'big-ttt-T-y.log';
const MIN_BYTES = Number(process.env.BENCH_LOG_MB ?? 300) * 1e6;
const STRING_HEAVY = OUT + 'string-heavy.log';
/** Rounds of the fresh-process runs, interleaved so that other load falls on all of them alike. */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

async function ensureLog(): Promise<void> {
  if (existsSync(LOG) && statSync(LOG).size >= MIN_BYTES) return;
  mkdirSync(OUT, { recursive: true });
  const rounds = Math.ceil(MIN_BYTES / (30 * 1024 * 1024)) * 3;
  console.error(`generating a ${(MIN_BYTES / 1e6).toFixed(0)} MB log with strace (${rounds} rounds)...`);
  // a mix of file-system walking (openat/getdents64/newfstatat/close), process start-up and a hot read/write loop
  const workload = `for i in $(seq ${rounds}); do find /usr/lib -maxdepth 3 >/dev/null; ls -la /usr/bin >/dev/null; done; dd if=/dev/zero of=/dev/null bs=64 count=${rounds * 33000} 2>/dev/null`;
  await execa('strace', ['-f', '-ttt', '-T', '-y', '-o', LOG, 'sh', '-c', workload]);
}

function gc(): void {
  // twice: the first pass only queues the external strings and buffers of the read stream for release
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
}
const mem = (): number => {
  gc();
  // latin1 chunks of a file stream become external strings: count them (`external` includes ArrayBuffers)
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

async function newlineScan(): Promise<{ seconds: number; cpuSeconds: number; lines: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let lines = 0;
  for await (const chunk of createReadStream(LOG, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
  }
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, lines };
}

/** `bytes`: the chunks as read (what the CLI and the app push); `latin1`: the same decoded to strings. */
async function ours(input: 'bytes' | 'latin1'): Promise<{
  seconds: number;
  cpuSeconds: number;
  events: number;
  lines: number;
  bytesPerEvent: number;
  structuralBytesPerEvent: number;
  heapMB: number;
  rssBeforeMB: number;
  peakRssMB: number;
}> {
  const before = mem();
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const p = createStraceParser({ fileName: LOG, sizeHint: statSync(LOG).size });
  const stream =
    input === 'bytes'
      ? createReadStream(LOG, { highWaterMark: 1 << 20 })
      : createReadStream(LOG, { encoding: 'latin1', highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    p.push(chunk as Uint8Array | string);
    // sampled once a chunk: the peak is the text read so far plus the columns, so it grows steadily
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const trace = p.end();
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const after = mem();
  const size = statSync(LOG).size;
  const retained = after - before;
  const columns = Object.values(trace.columns).reduce(
    (n: number, c) => n + (typeof c === 'number' ? 0 : (c as ArrayBufferView).buffer.byteLength),
    0,
  );
  const lineIndex = trace.sources.reduce((n, s) => n + s.overheadBytes, 0);
  const result = {
    seconds,
    cpuSeconds,
    events: trace.count,
    lines: p.linesRead,
    bytesPerEvent: (retained - size) / trace.count,
    structuralBytesPerEvent: (columns + lineIndex) / trace.count,
    heapMB: retained / 2 ** 20,
    rssBeforeMB: rssBefore / 2 ** 20,
    peakRssMB: peakRss / 2 ** 20,
  };
  // keep the trace alive until measured
  if (trace.count < 0) console.log(trace.name(0));
  return result;
}

function b3(sliceBytes: number): { seconds: number; lines: number; failed: number; bytes: number } {
  const require = createRequire(import.meta.url);
  const parser = require('b3-strace-parser/lib/parser.js') as {
    initialize(o: object): void;
    parseLine(l: string, o: object): unknown;
  };
  parser.initialize({ trace: false });
  const fd = readFileSync(LOG, { encoding: 'latin1' }).slice(0, sliceBytes);
  // b3 cannot read timestamps: give it the lines without them ("PID  1795913862.987084 call" -> "PID  call")
  const lines = fd
    .split('\n')
    .slice(0, -1)
    .map((l) => l.replace(/^(\d+ +)\d+\.\d+ /, '$1'));
  const bytes = lines.reduce((n, l) => n + l.length + 1, 0);
  let failed = 0;
  const t0 = performance.now();
  for (const l of lines) {
    try {
      parser.parseLine(l, {});
    } catch {
      failed++;
    }
  }
  return { seconds: (performance.now() - t0) / 1000, lines: lines.length, failed, bytes };
}

/**
 * The field guide's big logs (-X verbose, -v -yy, default: long structs, sockets, decorations), where
 * more lines leave the fast path than in the generated log; read from memory, best of five rounds.
 */
function corpusMix(): { bytes: number; lines: number; seconds: number; fastShare: number } | null {
  const dir = new URL('../test/corpus/format/', import.meta.url).pathname;
  const names = ['big.Xverbose.log', 'big.v.yy.log', 'big.default.log'];
  if (!names.every((n) => existsSync(dir + n))) return null;
  const files = names.map((n) => readFileSync(dir + n));
  const bytes = files.reduce((n, f) => n + f.length, 0);
  let best = Infinity;
  let lines = 0;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    lines = 0;
    for (const f of files) {
      const p = createStraceParser({ sizeHint: f.length });
      for (let i = 0; i < f.length; i += 1 << 20) p.push(f.subarray(i, i + (1 << 20)));
      p.end();
      lines += p.linesRead;
    }
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  const fast = files.reduce((n, f) => n + countFastLines(f), 0);
  return { bytes, lines, seconds: best, fastShare: fast / lines };
}

function countFastLines(f: Uint8Array): number {
  const out = emptyLine();
  const names = new ByteInterner();
  const errnos = new ByteInterner();
  let fast = 0;
  for (let s = 0; s < f.length;) {
    const nl = scanLineBytes(f, s, out, names, errnos);
    if (nl >= 0) fast++;
    const end = nl >= 0 ? nl : f.indexOf(10, s);
    s = end < 0 ? f.length : end + 1;
  }
  return fast;
}

interface ChildRun {
  seconds: number;
  cpuSeconds: number;
  sysSeconds: number;
  events: number;
  lines: number;
  startRssMiB: number;
  peakRssMiB: number;
}

/** bench/parse-child.ts bundled as the CLI is (esbuild, the block worker beside it). */
async function buildChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outdir = OUT + 'parse-child/';
  const root = new URL('../', import.meta.url).pathname;
  await build({
    entryPoints: {
      'parse-child': root + 'bench/parse-child.ts',
      'block-worker': root + 'collector/parallel/block-worker.ts',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir,
    logLevel: 'warning',
  });
  return outdir + 'parse-child.js';
}

type ChildMode = 'cli' | 'scan' | 'keep' | 'hold';

/**
 * What a first touch of fresh memory costs here: 256 MiB filled just after it is allocated, and again.
 * Some VMs hand every freed page back to the host (a balloon's free page reporting), so that the first
 * touch of each page is a fault the host serves; a parser that keeps the log pays it for every byte.
 */
function firstTouch(): { firstMs: number; againMs: number } {
  const b = Buffer.allocUnsafeSlow(256 * 2 ** 20);
  const t0 = performance.now();
  b.fill(1);
  const t1 = performance.now();
  b.fill(2);
  return { firstMs: t1 - t0, againMs: performance.now() - t1 };
}

async function child(script: string, log: string, threads: number, mode: ChildMode): Promise<ChildRun> {
  const r = await execa('node', [script, log, String(threads), mode]);
  return JSON.parse(r.stdout) as ChildRun;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)] as number;
};
const spread = (xs: number[], digits = 0): string =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)})`;

/**
 * Each log read as `spelunk` reads it, in a fresh process: on one thread, on every core, and the newline
 * scan of the same bytes, REPEAT rounds interleaved. Figures: MB/s median (min-max), and the peak
 * resident size against the goal: the log's bytes + 64 B/event + the process's size before parsing.
 */
async function freshProcessRuns(script: string, logs: { label: string; path: string }[]): Promise<string> {
  const cores = availableParallelism();
  const modes: { what: string; threads: number; mode: ChildMode }[] = [
    { what: 'newline scan (Buffer.indexOf)', threads: 1, mode: 'scan' },
    {
      what: 'newline scan, chunks kept in memory (the floor for a parser that keeps the log)',
      threads: 1,
      mode: 'keep',
    },
    { what: 'read into kept buffers (readSync) and newline scan, one thread', threads: 1, mode: 'hold' },
    {
      what: `the same on ${cores} threads, each its share of the file (the floor on ${cores} threads)`,
      threads: cores,
      mode: 'hold',
    },
    { what: 'spelunk, one thread (streaming; the default below 3 cores)', threads: 1, mode: 'cli' },
    { what: `spelunk, ${cores} threads (blocks of 2 MiB)`, threads: cores, mode: 'cli' },
  ];
  const runs = new Map<string, ChildRun[]>();
  for (let round = 0; round < REPEAT; round++)
    for (const log of logs)
      for (const m of modes) {
        const key = `${log.label}/${m.what}`;
        runs.set(key, [...(runs.get(key) ?? []), await child(script, log.path, m.threads, m.mode)]);
      }
  const out = [
    '| log | what | MB/s median (min-max) | CPU s | of which kernel, s | cores busy (CPU / wall) | events | peak resident, MiB | beyond log + start, B/event |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const log of logs) {
    const size = statSync(log.path).size;
    for (const m of modes) {
      const rs = runs.get(`${log.label}/${m.what}`) as ChildRun[];
      const events = rs[0]?.events ?? 0;
      const beyond = rs.map((r) => ((r.peakRssMiB - r.startRssMiB) * 2 ** 20 - size) / Math.max(1, events));
      out.push(
        `| ${log.label} | ${m.what} | ${spread(rs.map((r) => size / 1e6 / r.seconds))} | ${spread(
          rs.map((r) => r.cpuSeconds),
          2,
        )} | ${spread(
          rs.map((r) => r.sysSeconds),
          2,
        )} | ${spread(
          rs.map((r) => r.cpuSeconds / r.seconds),
          2,
        )} | ${m.mode === 'cli' ? events.toLocaleString('en') : ''} | ${spread(rs.map((r) => r.peakRssMiB))} | ${
          m.mode === 'cli' ? spread(beyond, 1) : ''
        } |`,
      );
    }
  }
  return out.join('\n');
}

await ensureLog();
await ensureStringHeavyLog(STRING_HEAVY, MIN_BYTES);
const childScript = await buildChild();
/** `--shapes`: only the fresh-process runs (the in-process rows and b3 take minutes on a loaded machine). */
if (!process.argv.includes('--shapes')) await inProcessRuns();

async function inProcessRuns(): Promise<void> {
  const size = statSync(LOG).size;
  const mb = size / 1e6;
  const scan = await newlineScan();
  const o = await ours('bytes');
  const t = await ours('latin1');
  const mix = corpusMix();
  const b = b3(5_000_000);
  const oursMBs = mb / o.seconds;
  const b3MBs = b.bytes / 1e6 / b.seconds;
  console.log(`## Parsing (${machineLine()})\n`);
  console.log(
    `Log: ${LOG.replace(/.*\/bench\//, 'bench/')}, ${mb.toFixed(0)} MB, ${scan.lines.toLocaleString('en')} lines, ${o.events.toLocaleString('en')} events (strace -f -ttt -T -y of find/ls/dd).\n`,
  );
  console.log('| what | wall time (CPU) | MB/s | lines/s | memory |');
  console.log('|---|---:|---:|---:|---|');
  console.log(
    `| newline scan (Buffer.indexOf) | ${scan.seconds.toFixed(2)} s (${scan.cpuSeconds.toFixed(2)} s) | ${(mb / scan.seconds).toFixed(0)} | ${(scan.lines / scan.seconds / 1e6).toFixed(1)} M | flat |`,
  );
  const row = (what: string, r: typeof o): string =>
    `| ${what} | ${r.seconds.toFixed(2)} s (${r.cpuSeconds.toFixed(2)} s) | ${(mb / r.seconds).toFixed(0)} | ${(r.lines / r.seconds / 1e6).toFixed(2)} M | ${r.heapMB.toFixed(0)} MB retained = log text + ${r.bytesPerEvent.toFixed(1)} B/event (columns and line index: ${r.structuralBytesPerEvent.toFixed(1)} B/event); peak resident ${r.peakRssMB.toFixed(0)} MiB (${r.rssBeforeMB.toFixed(0)} MiB before) |`;
  console.log(row('spelunk createStraceParser, streaming bytes (as the CLI and the app read)', o));
  console.log(row('spelunk createStraceParser, streaming latin1 strings', t));
  if (mix)
    console.log(
      `| the same, on test/corpus/format/big.{Xverbose,v.yy,default}.log (${(mix.bytes / 1e6).toFixed(1)} MB, ${(100 * mix.fastShare).toFixed(0)}% of lines on the fast path; from memory, best of 5) | ${mix.seconds.toFixed(3)} s | ${(mix.bytes / 1e6 / mix.seconds).toFixed(0)} | ${(mix.lines / mix.seconds / 1e6).toFixed(2)} M | |`,
    );
  console.log(
    `| b3-strace-parser 0.3.0 (first 5 MB, timestamps removed) | ${b.seconds.toFixed(2)} s | ${b3MBs.toFixed(2)} | ${(b.lines / b.seconds / 1e3).toFixed(1)} k | ${((100 * b.failed) / b.lines).toFixed(1)}% of lines failed |`,
  );
  console.log(
    `\nLoad average during the run: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (the machine is shared; CPU time is the steadier figure).`,
  );
  console.log(
    `\nspelunk vs newline scan: ${(scan.seconds / o.seconds).toFixed(2)}x the speed (${(o.seconds / scan.seconds).toFixed(1)}x slower); vs b3: ${(oursMBs / b3MBs).toFixed(0)}x faster.`,
  );
}

const mb = statSync(LOG).size / 1e6;
const touch = firstTouch();
const loadBefore = loadavg();
const fresh = await freshProcessRuns(childScript, [
  { label: `benchmark log (find/ls/dd, ${mb.toFixed(0)} MB)`, path: LOG },
  {
    label: `string-heavy log (-yy -s 128 build-like, ${(statSync(STRING_HEAVY).size / 1e6).toFixed(0)} MB)`,
    path: STRING_HEAVY,
  },
]);
console.log(
  `\n### Real-world shapes, each run in a fresh process as \`spelunk\` reads (${REPEAT} rounds interleaved)\n`,
);
console.log(fresh);
const perPage = (touch.firstMs * 1000) / (256 * 256);
console.log(
  `\nFirst touch of fresh memory here: 256 MiB filled in ${touch.firstMs.toFixed(0)} ms just after it was allocated (${perPage.toFixed(1)} us per 4 KiB page), ${touch.againMs.toFixed(0)} ms the second time.`,
);
console.log(
  `\nLoad average before / after these runs: ${loadBefore.map((l) => l.toFixed(1)).join(' ')} / ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}.`,
);
