export type * from './args.js';
export type * from './event.js';
export { EVENT_KINDS } from './event.js';
export { Trace, CALL_STATUS } from './trace.js';
export type { TraceColumns, TraceFormat } from './trace.js';
