import { mergeTraces } from '../model/merge-traces.js';
import type { Trace } from '../model/trace.js';
import { parseStrace } from './stream.js';

/** `trace.1234`: the name strace -ff gives each task's file. */
export function pidFromFileName(name: string): number | undefined {
  const m = /\.(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * Several files as one trace: an `-ff` set (`NAME.PID`, one task per file, merged by time) or any logs of
 * one run. A file named `X.PID` gives its pid to lines that have none.
 */
export function parseStraceFiles(files: readonly { name: string; text: string }[]): Trace {
  const parts = files.map((f) => {
    const defaultPid = files.length > 1 ? pidFromFileName(f.name) : undefined;
    return parseStrace(
      f.text,
      defaultPid === undefined ? { fileName: f.name } : { fileName: f.name, defaultPid },
    );
  });
  return mergeTraces(parts);
}
