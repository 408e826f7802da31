import { mergeTraces } from '../model/merge-traces.js';
import type { Trace } from '../model/trace.js';
import { parseStrace } from './stream.js';
import { PID_MAX } from './scan-prefix.js';

/**
 * `trace.1234`: the name strace -ff gives each task's file, `-o NAME` then `.PID`. A pid is written
 * without leading zeros and is at most PID_MAX, so `notes.007` or `backup.20261204` is not a member.
 */
export function pidFromFileName(name: string): number | undefined {
  const m = /^.+\.([1-9]\d{0,6})$/.exec(name);
  const pid = m ? Number(m[1]) : NaN;
  return pid <= PID_MAX ? pid : undefined;
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
