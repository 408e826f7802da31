import type { TraceFormat } from '../model/trace.js';
import type { StraceLine } from './parse-line.js';
import type { SegmentRecorder } from './segment-record.js';

export const SECONDS_PER_DAY = 86400;

/**
 * The time of each line, in seconds: absolute (-ttt, --timestamps=unix), a time of day (-t/-tt, which
 * carry no date: a jump back of more than 12 hours is midnight passing), or the -r deltas summed.
 */
export class StraceClock {
  /** The -r deltas so far, in whole nanoseconds. */
  relNs = 0;
  /** The last time of day (midnights added), and the midnights passed. */
  lastAbs = -Infinity;
  dayOffset = 0;

  /** The line's time, or null; notes the timestamp form in `format` (and in a segment's recorder). */
  stamp(l: StraceLine, format: TraceFormat, rec: SegmentRecorder | null): number | null {
    if (l.absTs !== null) {
      format.timestamps = 'absolute';
      if (!l.timeOfDay) {
        if (rec) rec.sawEpoch = true;
        return l.absTs;
      }
      if (rec && !rec.sawTimeOfDay) {
        rec.sawTimeOfDay = true;
        rec.firstTimeOfDay = l.absTs;
      }
      format.timeOfDay = true;
      if (l.absTs + this.dayOffset < this.lastAbs - SECONDS_PER_DAY / 2) this.dayOffset += SECONDS_PER_DAY;
      const t = l.absTs + this.dayOffset;
      this.lastAbs = t;
      return t;
    }
    if (l.relTs !== null) {
      if (rec) rec.sawRelative = true;
      format.timestamps = 'relative';
      // summed in whole nanoseconds (strace's finest unit): a float sum grows tails like 17.31478199999978
      this.relNs += Math.round(l.relTs * 1e9);
      return this.relNs / 1e9;
    }
    return null;
  }
}
