/**
 * What a part of a log (a segment, parsed on its own, possibly on another thread) assumed about the
 * lines before it. A segment is parsed as if the log started with it; the few readings that depend on
 * earlier lines are recorded here, so that stitching the segments (segment-merge.ts) either fixes them
 * up exactly or, when it cannot, re-reads the segment in order. Recorded:
 *
 * - resumed halves whose call did not start in the segment (`<... wait4 resumed>` of a `wait4(` before
 *   the seam): kept as placeholders, matched at the seam against the calls still open there;
 * - pending keys the segment set (an earlier call of that task, open at the seam, was replaced);
 * - timestamp shapes, so -r sums and -t/-tt midnight wraps can be carried over the seam;
 * - readings that depend on the task set (prefix-less lines, `[pid N]` adoption): checked at the seam;
 * - anything rarer (a superseded line or an orphan tail whose call is before the seam): the segment is
 *   re-read in order.
 */

export interface OpenResume {
  /** The placeholder event (resumed-only) the segment made. */
  index: number;
  /** Its orphan-resumed diagnostic, in the segment's list. */
  diagnostic: number;
  key: number;
  name: string;
  line: number;
  /** The call returned on this line (`)` or died), rather than being cut again. */
  final: boolean;
  died: boolean;
  ts: number;
  retValue: number;
  errno: string | null;
  dur: number | null;
}

export class SegmentRecorder {
  readonly openResumes: OpenResume[] = [];
  /** Keys of the pending map the segment set. */
  readonly touched = new Set<number>();
  /**
   * Keys whose first pending call in the segment was set while the key was untouched: a call of that
   * task still open at the seam never resumed (the builder flags it), which only a re-read can say;
   * unless the segment's first line for that task resumed it (a shell's `<... wait4 resumed>`, then
   * its next `wait4(`), which is how most long-lived tasks cross a seam.
   */
  readonly firstOpens: number[] = [];
  /** Calls whose duration was taken from their halves' timestamps, with the resumed half's time. */
  readonly derivedDurations: number[] = [];
  /** Why the segment must be re-read in order whatever came before, or null. */
  unsafe: string | null = null;
  /** Lines of stack frames or a hex dump before the segment's first event (they belong before the seam). */
  leadingStack = false;
  sawTimeOfDay = false;
  sawEpoch = false;
  sawRelative = false;
  firstTimeOfDay = NaN;
  /** A table was closed with no heading read in the segment: its label depends on earlier lines. */
  nativeTable = false;
  /** The segment's diagnostics reached their cap. */
  diagnosticsFull = false;
  /** Lines too long to keep (line, length, ...): their stored text is cut, so a re-read needs the length. */
  readonly overlong: number[] = [];

  constructor(readonly first: boolean) {}

  markUnsafe(reason: string): void {
    this.unsafe ??= reason;
  }
}
