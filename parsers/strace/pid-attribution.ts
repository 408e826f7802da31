import type { StraceLine } from './parse-line.js';

const CLONES = new Set(['clone', 'clone3', 'fork', 'vfork']);

/**
 * Which task a line without a pid prefix belongs to. In the terminal form strace prints `[pid N]` only
 * while more than one task is alive (strace-format.md §2.1): before the first fork the initial task has
 * no prefix, and its pid is learned later from the first prefixed line that is not one of its children
 * (or that resumes its pending clone). Those early events are then back-filled.
 */
export class PidAttribution {
  private readonly live = new Set<number>();
  private readonly children = new Set<number>();
  private initial: number | null = null;
  private pendingClone: string | null = null;
  private firstUnknown = -1;
  private lastUnknown = -1;
  /** The pid added to `live` last and not ended since: consecutive lines of one task skip the set. */
  private lastLive = -1;

  constructor(
    private readonly defaultPid: number | null,
    /** Sets the pid of the events in [from, to] that have none. */
    private readonly backfill: (from: number, to: number, pid: number) => void,
  ) {}

  /** The pid of the event about to be added at index `next`. */
  attribute(l: StraceLine, next: number): number | null {
    if (l.pid !== null) {
      if (this.initial === null && this.firstUnknown >= 0 && l.bracketPid) this.maybeAdopt(l);
      if (l.pid !== this.lastLive) {
        this.live.add(l.pid);
        this.lastLive = l.pid;
      }
      return l.pid;
    }
    if (this.defaultPid !== null) return this.defaultPid;
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
    this.live.add(pid);
    this.backfill(this.firstUnknown, this.lastUnknown, pid);
    this.firstUnknown = this.lastUnknown = -1;
    this.pendingClone = null;
  }

  /** Remembers the children a prefix-less task creates, so their lines are not mistaken for its own. */
  noteCall(l: StraceLine, _index: number, pid: number | null): void {
    if (pid !== null || !CLONES.has(l.name)) return;
    if (l.kind === 'unfinished') this.pendingClone = l.name;
    else if (l.retValue > 0) this.children.add(l.retValue);
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
      if (this.initial === null && this.firstUnknown >= 0) this.children.add(pid);
    } else this.forget(pid);
  }

  private forget(pid: number): void {
    this.live.delete(pid);
    if (pid === this.lastLive) this.lastLive = -1;
  }
}
