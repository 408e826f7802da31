import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseStrace } from '../../parsers/strace/index.js';
import type { Trace } from '../../parsers/model/index.js';
import { buildTraceData } from '../../app/src/worker/build-trace-data.js';
import type { TraceData } from '../../app/src/trace/trace-data.js';
import { CORPUS } from '../corpus-path.js';

export { CORPUS };

/** Parses a real log the way the worker does (latin1) and returns what the main thread gets. */
export function loadCorpusTrace(name: string): { trace: Trace; data: TraceData } {
  const path = name.startsWith('/') ? name : `${CORPUS}/${name}`;
  const text = readFileSync(path).toString('latin1');
  const trace = parseStrace(text, { fileName: basename(path) });
  return { trace, data: buildTraceData(trace, `test:${name}`, basename(path), text.length, 0) };
}
