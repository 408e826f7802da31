import { decodeLatin1 } from '../model/latin1.js';
import type { Trace } from '../model/trace.js';
import { createStraceParser, type StraceStreamParser } from '../strace/stream.js';
import {
  classifyParsed,
  describeRejection,
  detectHead,
  HEAD_BYTES,
  type HeadVerdict,
  type ReadFormat,
  type RejectedFormat,
} from './detect-format.js';

export interface TraceFileOptions {
  /** Names the file in events and diagnostics. */
  fileName?: string;
  /** The file's size in bytes when known: the strace parser then sizes its columns once. */
  sizeHint?: number;
  /** The pid of lines that print none: an `-ff` member's, from its name. */
  defaultPid?: number;
  /** Takes strace's `-c` table alone as a trace (its counts, no call), for `spelunk stats`. */
  acceptTableOnly?: boolean;
}

/** One file read: its Trace, or the reason it is not one (`message` follows the file's name). */
export type TraceFileResult =
  { ok: true; format: ReadFormat; trace: Trace } | { ok: false; format: RejectedFormat; message: string };

export interface TraceFileReader {
  /**
   * Feeds the next piece of the file (bytes as read, or text), split anywhere. Returns false once the
   * file is refused (its head is binary): the caller stops reading, however large the file is.
   */
  push(chunk: Uint8Array | string): boolean;
  /** Ends the file: its Trace, or why it is not a trace. */
  end(): Promise<TraceFileResult>;
}

/**
 * Reads one file, pushed in chunks, into a Trace: the head (HEAD_BYTES) decides binary, bpftrace or
 * text; text streams through the strace parser chunk by chunk (a 1 GB log is never one string), the
 * collector's bpftrace output is kept and parsed whole at the end, by a module loaded only then (the
 * CLI's `stats` on an strace log never loads it). Pure and synchronous per chunk, so the caller decides
 * where bytes come from (a Node stream, a File, a fetch) and where parsing runs.
 */
export function createTraceFileReader(options: TraceFileOptions = {}): TraceFileReader {
  let verdict: HeadVerdict | null = null;
  let head: (Uint8Array | string)[] = [];
  let headLength = 0;
  let bytes = 0;
  let strace: StraceStreamParser | null = null;
  let bpftraceText: string[] = [];

  function decide(): void {
    verdict = detectHead(headSample(head));
    if (verdict === 'text') {
      strace = createStraceParser(options);
      for (const piece of head) strace.push(piece);
    } else if (verdict === 'bpftrace') bpftraceText = head.map(asText);
    head = [];
  }

  function refuse(format: RejectedFormat, trace?: Trace): TraceFileResult {
    return refusal(format, bytes, trace);
  }

  return {
    push(chunk) {
      if (verdict === 'binary') return false;
      bytes += chunk.length;
      if (verdict === null) {
        head.push(chunk);
        headLength += chunk.length;
        if (headLength >= HEAD_BYTES) decide();
      } else if (strace) strace.push(chunk);
      else bpftraceText.push(asText(chunk));
      // decide() may have just refused it
      return (verdict as HeadVerdict | null) !== 'binary';
    },
    async end() {
      if (verdict === null) decide();
      if (verdict === 'binary') return refuse('binary');
      const trace = strace
        ? (strace as StraceStreamParser).end()
        : (await import('../bpftrace/index.js')).parseBpftrace(
            bpftraceText.join(''),
            options.fileName ? { fileName: options.fileName } : {},
          );
      bpftraceText = [];
      return settleParsed(trace, strace ? 'strace' : 'bpftrace', bytes, options);
    },
  };
}

/** A parsed file's verdict: its Trace, or why it is not one (a table alone, other text, nothing). */
export function settleParsed(
  trace: Trace,
  format: 'strace' | 'bpftrace',
  bytes: number,
  options: TraceFileOptions,
): TraceFileResult {
  const kind = classifyParsed(trace);
  if (kind === 'summary' && options.acceptTableOnly) return { ok: true, format: 'summary', trace };
  if (kind !== 'trace') return refusal(kind, bytes, trace);
  return { ok: true, format, trace };
}

function refusal(format: RejectedFormat, bytes: number, trace?: Trace): TraceFileResult {
  const facts = { bytes, unknownLines: trace ? trace.unknownCount : 0 };
  return { ok: false, format, message: describeRejection(format, facts) };
}

/** Bytes read as latin1 (one byte, one character: offsets stay exact), text as given. */
function asText(chunk: Uint8Array | string): string {
  return typeof chunk === 'string' ? chunk : decodeLatin1(chunk);
}

/** The first HEAD_BYTES of the pieces pushed so far, as bytes when they are all bytes. */
function headSample(pieces: readonly (Uint8Array | string)[]): Uint8Array | string {
  if (pieces.length === 1) return pieces[0] as Uint8Array | string;
  if (pieces.some((p) => typeof p === 'string')) return pieces.map(asText).join('').slice(0, HEAD_BYTES);
  const out = new Uint8Array(
    Math.min(
      HEAD_BYTES,
      pieces.reduce((n, p) => n + p.length, 0),
    ),
  );
  let at = 0;
  for (const p of pieces as Uint8Array[]) {
    if (at >= out.length) break;
    const take = p.subarray(0, out.length - at);
    out.set(take, at);
    at += take.length;
  }
  return out;
}
