/**
 * One measured parse in a fresh Node process, as `spelunk` reads a log (the compiled CLI's own input
 * code from dist/, worker threads included): prints one line of JSON with the wall and CPU time, the
 * events, the resident size when the process had loaded the parser, and the peak resident size of the
 * whole process (threads included). Run by parse-bench.ts: `node bench/parse-child.mjs LOG THREADS MODE` (plain JavaScript, so that no
 * TypeScript loader counts in the process's memory).
 *
 *   MODE `cli`: readTrace (collector/trace-input.ts), parallel when THREADS > 1 and the log is big
 *   MODE `scan`: the newline-scan baseline over the same file stream
 */
import { createReadStream } from 'node:fs';

const [log, threadsArg, mode] = process.argv.slice(2);
if (!log || !threadsArg || !mode) throw new Error('usage: parse-child.mjs LOG THREADS cli|scan');
process.env.SPELUNK_THREADS = threadsArg;

const dist = new URL('../dist/', import.meta.url);
const { readTrace } = await import(new URL('collector/trace-input.js', dist).href);
const startRss = process.memoryUsage.rss();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let events = 0;
let lines = 0;
if (mode === 'scan') {
  for await (const chunk of createReadStream(log, { highWaterMark: 1 << 20 })) {
    const b = chunk;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
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
    events,
    lines,
    startRssMiB: startRss / 2 ** 20,
    // maxRSS is in KiB and covers the whole process, worker threads included
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
