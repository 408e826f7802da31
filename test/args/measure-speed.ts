/**
 * Throughput of parseArgs on real argument texts (not a test: timings vary by machine).
 *   npx tsx test/args/measure-speed.ts [file...]     default: format/big.Xverbose.log (paths under test/corpus)
 */

import type { ArgNode } from '../../parsers/model/args.js';
import { parseArgs } from '../../parsers/strace/args/index.js';
import { callArgsOfLog, readCorpus, walkArgs } from './helpers.js';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['format/big.Xverbose.log'];
for (const file of files) {
  const texts = callArgsOfLog(readCorpus(file)).map((c) => c.args);
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  let values = 0;
  walkArgs(
    texts.flatMap((t) => parseArgs(t)),
    () => values++,
  );
  let sink: ArgNode[] = [];
  for (let warm = 0; warm < 3; warm++) for (const t of texts) sink = parseArgs(t);
  const rounds = 10;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) sink = parseArgs(t);
  const seconds = (performance.now() - t0) / 1000 / rounds;
  console.log(
    `${file}: ${texts.length} calls, ${values} values, ${(bytes / 1e6).toFixed(2)} MB of argument text; ` +
      `${(seconds * 1000).toFixed(1)} ms per pass = ${Math.round(values / seconds).toLocaleString('en')} values/s, ` +
      `${Math.round(texts.length / seconds).toLocaleString('en')} calls/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s` +
      (sink.length < 0 ? '' : ''),
  );
}
