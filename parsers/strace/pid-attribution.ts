import type { StraceLine } from './parse-line.js';

const CLONES = new Set(['clone', 'clone3', 'fork', 'vfork']);

/** The attribution state a segment ends with, and what its readings assumed (see absorb). */
export interface PidState {
  live: number[];
  /** Tasks that ended in the segment (and were not seen again after). */
  ended: number[];
  children: number[];
  initial: number | null;
  pendingClone: string | null;
  pendingCloneSet: boolean;
  firstUnknown: number;
  lastUnknown: number;
  /** A prefix-less line was attributed from the task set (no default pid). */
  usedPrefixless: boolean;
  /** A `[pid N]` line came while the initial task was unknown. */
  bracketWhileUnknown: boolean;
  adopted: boolean;
  /** An "attached" message came while the initial task was unknown; and whether it made a child. */
  attachedWhileUnknown: boolean;
  childFromMessage: boolean;
}

/**
 * Which task a line without a pid prefix belongs to. In the terminal form strace prints `[pid N]` only
 * while more than one task is alive (strace-format.md §2.1): before the first fork the initial task has
 * no prefix, and its pid is learned later from the first prefixed line that is not one of its children
 * (or that resumes its pending clone). Those early events are then back-filled.
 */
export class PidAttribution {
  private readonly live = new Set<number>();
  private readonly ended = new Set<number>();
  private readonly children = new Set<number>();
  private initial: number | null = null;
  private pendingClone: string | null = null;
  private pendingCloneSet = false;
  private firstUnknown = -1;
  private lastUnknown = -1;
  /** The pid added to `live` last and not ended since: consecutive lines of one task skip the set. */
  private lastLive = -1;
  private usedPrefixless = false;
  private bracketWhileUnknown = false;
  private adopted = false;
  private attachedWhileUnknown = false;
  private childFromMessage = false;

  constructor(
    private readonly defaultPid: number | null,
    /** Sets the pid of the events in [from, to] that have none. */
    private readonly backfill: (from: number, to: number, pid: number) => void,
  ) {}

  /**
   * The task a line names itself (its `PID ` or `[pid N]` prefix, or an -ff member's file), with no
   * guess from the lines around it: what an unparsable line can still be given.
   */
  ownPid(l: StraceLine): number | null {
    return l.pid ?? this.defaultPid;
  }

  /** The pid of the event about to be added at index `next`. */
  attribute(l: StraceLine, next: number): number | null {
    const pid = l.pid;
    if (pid !== null) {
      if (l.bracketPid && this.initial === null) {
        this.bracketWhileUnknown = true;
        if (this.firstUnknown >= 0) this.maybeAdopt(l);
      }
      if (pid !== this.lastLive) {
        this.live.add(pid);
        this.lastLive = pid;
      }
      return pid;
    }
    if (this.defaultPid !== null) return this.defaultPid;
    this.usedPrefixless = true;
    if (this.live.size === 1) return this.live.values().next().value as number;
    if (this.initial !== null) return this.initial;
    if (this.firstUnknown < 0) this.firstUnknown = next;
    this.lastUnknown = next;
    return null;
  }

  private maybeAdopt(l: StraceLine): void {
    const pid = l.pid as number;
    const adopt =
      this.pendingClone !== null
        ? l.kind === 'resumed' && l.name === this.pendingClone
        : !this.children.has(pid);
    if (!adopt) return;
    this.initial = pid;
    this.adopted = true;
    this.live.add(pid);
    this.backfill(this.firstUnknown, this.lastUnknown, pid);
    this.firstUnknown = this.lastUnknown = -1;
    this.pendingClone = null;
    this.pendingCloneSet = true;
  }

  /** Remembers the children a prefix-less task creates, so their lines are not mistaken for its own. */
  noteCall(l: StraceLine, _index: number, pid: number | null): void {
    if (pid !== null || !CLONES.has(l.name)) return;
    if (l.kind === 'unfinished') {
      this.pendingClone = l.name;
      this.pendingCloneSet = true;
    } else if (l.retValue > 0) this.children.add(l.retValue);
  }

  taskEnded(pid: number | null): void {
    if (pid !== null) this.forget(pid);
  }

  /** "Process 6608 attached" / "Process 6608 detached" */
  noteMessage(text: string): void {
    const m = /^Process (\d+) (attached|detached)/.exec(text);
    if (!m) return;
    const pid = Number(m[1]);
    if (m[2] === 'attached') {
      this.live.add(pid);
      if (this.initial === null) {
        this.attachedWhileUnknown = true;
        if (this.firstUnknown >= 0) {
          this.children.add(pid);
          this.childFromMessage = true;
        }
      }
    } else this.forget(pid);
  }

  private forget(pid: number): void {
    this.live.delete(pid);
    this.ended.add(pid);
    if (pid === this.lastLive) this.lastLive = -1;
  }

  /** The state at the end of a segment (indices are the segment's own). */
  exportState(): PidState {
    return {
      live: [...this.live],
      ended: [...this.ended],
      children: [...this.children],
      initial: this.initial,
      pendingClone: this.pendingClone,
      pendingCloneSet: this.pendingCloneSet,
      firstUnknown: this.firstUnknown,
      lastUnknown: this.lastUnknown,
      usedPrefixless: this.usedPrefixless,
      bracketWhileUnknown: this.bracketWhileUnknown,
      adopted: this.adopted,
      attachedWhileUnknown: this.attachedWhileUnknown,
      childFromMessage: this.childFromMessage,
    };
  }

  /**
   * Whether a segment's attributions, made from an empty state, are the ones this state (the true state
   * at its start) gives: no earlier task could have answered a prefix-less line, and any adoption of the
   * initial task went the same way.
   */
  accepts(s: PidState): boolean {
    const pristine =
      this.initial === null &&
      this.firstUnknown < 0 &&
      this.children.size === 0 &&
      this.pendingClone === null;
    if (s.usedPrefixless && (this.live.size !== 0 || this.initial !== null)) return false;
    if (s.bracketWhileUnknown && !(pristine || (this.initial !== null && !s.adopted))) return false;
    if (s.attachedWhileUnknown) {
      const same = this.initial === null ? this.firstUnknown < 0 : !s.childFromMessage;
      if (!same) return false;
    }
    return true;
  }

  /** Carries a segment's end state over (after `accepts`); `index` maps its event indices to global ones. */
  absorb(s: PidState, index: (local: number) => number): void {
    for (const p of s.ended) {
      this.live.delete(p);
      this.ended.add(p);
    }
    for (const p of s.live) this.live.add(p);
    for (const p of s.children) this.children.add(p);
    this.lastLive = -1;
    this.initial ??= s.initial;
    if (s.pendingCloneSet) {
      this.pendingClone = s.pendingClone;
      this.pendingCloneSet = true;
    }
    if (this.firstUnknown < 0 && s.firstUnknown >= 0) this.firstUnknown = index(s.firstUnknown);
    if (s.lastUnknown >= 0) this.lastUnknown = index(s.lastUnknown);
  }
}
