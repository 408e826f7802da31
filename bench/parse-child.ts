/**
 * One measured parse in a fresh Node process, as `spelunk` reads a log: the CLI's own input code
 * (collector/trace-input.ts, worker threads included), bundled by parse-bench.ts with esbuild as the CLI
 * is, so that no TypeScript loader counts in the process's memory. Prints one line of JSON: wall and
 * CPU time, events, the resident size once the code is loaded, and the peak resident size of the whole
 * process (threads included).
 *
 *   node bench/out/parse-child/parse-child.js LOG THREADS cli    readTrace, in blocks when THREADS > 1
 *   node bench/out/parse-child/parse-child.js LOG 1 scan         the newline-scan baseline, same stream
 *   node bench/out/parse-child/parse-child.js LOG 1 keep         the same stream, its chunks kept: the floor
 *                                                                for any parser that holds the log's bytes
 *   node bench/out/parse-child/parse-child.js LOG N hold         N threads, each reading its share of the file
 *                                                                straight into 1 MiB buffers it keeps, lines
 *                                                                counted: the floor on N threads
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readTrace } from '../collector/trace-input.js';

/** The bytes [start, end) of a file read into buffers that are kept, as a parser keeps the log. */
function holdRange(path: string, start: number, end: number): { kept: Buffer[]; lines: number } {
  const fd = openSync(path, 'r');
  const kept: Buffer[] = [];
  let lines = 0;
  for (let at = start; at < end;) {
    const b = Buffer.allocUnsafeSlow(Math.min(1 << 20, end - at));
    const n = readSync(fd, b, 0, b.length, at);
    if (n === 0) break;
    for (let i = b.indexOf(10); i >= 0 && i < n; i = b.indexOf(10, i + 1)) lines++;
    kept.push(b);
    at += n;
  }
  closeSync(fd);
  return { kept, lines };
}

if (!isMainThread) {
  const { path, start, end } = workerData as { path: string; start: number; end: number };
  const held = holdRange(path, start, end);
  parentPort?.postMessage(held.lines);
  // the share stays in memory until every thread has read its own, as a parser's blocks would
  await new Promise<void>((resolve) => parentPort?.once('message', () => resolve()));
  held.kept.length = 0;
  process.exit(0);
}

/** Every thread's share held at once; the number of lines read. */
async function holdOnThreads(path: string, n: number): Promise<number> {
  const size = statSync(path).size;
  const workers = Array.from(
    { length: n },
    (_, k) =>
      new Worker(new URL(import.meta.url), {
        workerData: { path, start: Math.floor((size * k) / n), end: Math.floor((size * (k + 1)) / n) },
      }),
  );
  const counts = await Promise.all(
    workers.map((w) => new Promise<number>((resolve) => w.once('message', (m: number) => resolve(m)))),
  );
  for (const w of workers) w.postMessage('done');
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
  return counts.reduce((x, y) => x + y, 0);
}

const [log, threads, mode] = process.argv.slice(2);
if (!log || !threads || !mode) throw new Error('usage: parse-child.js LOG THREADS cli|scan|keep|hold');
process.env.SPELUNK_THREADS = threads;

/**
 * The process's peak resident size (threads share it): VmHWM, which starts afresh at exec. Not
 * getrusage's maxRSS, which Linux carries over from the parent across exec (the bench's own peak).
 */
function peakResidentMiB(): number {
  const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'latin1'))?.[1];
  return Number(kib) / 1024;
}

const startRss = process.memoryUsage.rss();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let events = 0;
let lines = 0;
const kept: Buffer[] = [];
if (mode === 'hold') lines = await holdOnThreads(log, Number(threads));
else if (mode === 'scan' || mode === 'keep') {
  for await (const chunk of createReadStream(log, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
    if (mode === 'keep') kept.push(b);
  }
} else {
  const trace = await readTrace([log]);
  events = trace.count;
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // the kernel's share: mostly first touches of fresh memory (page faults), which some VMs make dear
    sysSeconds: cpu.system / 1e6,
    events,
    lines,
    startRssMiB: startRss / 2 ** 20,
    peakRssMiB: peakResidentMiB(),
  }) + '\n',
);
