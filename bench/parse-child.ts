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
 */
import { createReadStream, readFileSync } from 'node:fs';
import { readTrace } from '../collector/trace-input.js';

const [log, threads, mode] = process.argv.slice(2);
if (!log || !threads || !mode) throw new Error('usage: parse-child.js LOG THREADS cli|scan|keep');
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
if (mode === 'scan' || mode === 'keep') {
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
