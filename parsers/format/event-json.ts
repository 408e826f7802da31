import type { TraceEvent } from '../model/event.js';

/** Version of the NDJSON event shape written by `spelunk parse --ndjson` (see FORMAT-CHANGELOG.md). */
const NDJSON_VERSION = 1;

/** One event as one line of JSON, fields in a stable order. */
export function formatEventJson(ev: TraceEvent): string {
  return JSON.stringify(ev);
}
