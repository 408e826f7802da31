export type * from './args.js';
export type * from './event.js';
export { EVENT_KINDS } from './event.js';
export { LineStore } from './line-store.js';
export { Trace, CALL_STATUS } from './trace.js';
export { ColumnsBuilder } from './columns-builder.js';
export type { TraceColumns, TraceFormat, EventDecoder } from './trace.js';
