/**
 * The strace reader: text in any form strace 4.x–6.x writes (every prefix flag, -f/-ff, -y/-yy, -T, -k,
 * -c/-C tables, stderr-mode damage) in, a columnar `Trace` out. Pure: no Node or DOM API.
 *
 * Three entry points, each usable alone:
 *   parseStraceLine(text)         one line, no state
 *   createStraceParser(options)   push(bytes or text) ... end(): streaming, for big logs and workers
 *   parseStrace(text)             convenience over the above
 */
export { parseStraceLine } from './parse-line.js';
export type { StraceLine } from './parse-line.js';
export { createStraceParser, parseStrace } from './stream.js';
export { parseStraceFiles } from './parse-files.js';
export { sniffStrace } from './sniff.js';
