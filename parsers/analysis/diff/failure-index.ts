import type { Trace } from '../../model/index.js';
import { EVENT_KINDS } from '../../model/index.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/**
 * The failing calls of one run, to ask whether a call of the other run fails alike here: the same
 * request (coarse key) with the same errno, or the same name and errno on a file of the same name
 * (`readlink("/tmp/a/toyfs")` and `readlink("/tmp/b/toyfs")`). File names are read only for the
 * name-and-errno groups asked about, once per group: a build log holds a hundred thousand failing
 * calls, and reading each one's text cost the diff more than a second.
 */
export class FailureIndex {
  /** Ids of the names and errnos this run's failing calls use (keys below are numbers, not strings). */
  private readonly names = new Map<string, number>();
  private readonly errnos = new Map<string, number>();
  /** coarse key * 65536 + errno id, for every failing call. */
  private readonly exact = new Set<number>();
  /** name id * 65536 + errno id -> the failing events of that name and errno, until their file names are read. */
  private readonly groups = new Map<number, number[]>();
  private readonly fileNames = new Map<number, Set<string>>();

  /**
   * `fileName(trace, i)`: the file a call names (the part after its path's last slash); `syscallsOnly`
   * leaves out failing events that are not syscalls.
   */
  constructor(
    private readonly trace: Trace,
    coarse: Int32Array,
    private readonly fileName: (trace: Trace, i: number) => string,
    syscallsOnly: boolean,
  ) {
    const c = trace.columns;
    const nameIds = trace.names.map((name) => intern(this.names, name));
    const errnoIds = trace.errnos.map((errno) => intern(this.errnos, errno));
    for (let i = 0; i < trace.count; i++) {
      const e = c.errnoId[i] as number;
      if (e === 0 || (syscallsOnly && (c.kind[i] as number) !== SYSCALL)) continue;
      const errno = errnoIds[e] as number;
      this.exact.add((coarse[i] as number) * 65536 + errno);
      const group = (nameIds[c.nameId[i] as number] as number) * 65536 + errno;
      const list = this.groups.get(group);
      if (list) list.push(i);
      else this.groups.set(group, [i]);
    }
  }

  /** Whether event i of `t` (whose coarse keys are `coarse`) fails alike in this run. */
  failsAlike(t: Trace, coarse: Int32Array, i: number): boolean {
    const errno = this.errnos.get(t.errno(i) ?? '');
    if (errno === undefined) return false;
    if (this.exact.has((coarse[i] as number) * 65536 + errno)) return true;
    const name = this.names.get(t.name(i));
    if (name === undefined) return false;
    const group = name * 65536 + errno;
    let names = this.fileNames.get(group);
    if (!names) {
      const list = this.groups.get(group);
      if (!list) return false;
      names = new Set(list.map((k) => this.fileName(this.trace, k)));
      this.fileNames.set(group, names);
    }
    return names.has(this.fileName(t, i));
  }
}

function intern(ids: Map<string, number>, text: string): number {
  let id = ids.get(text);
  if (id === undefined) ids.set(text, (id = ids.size));
  return id;
}

/** The request and how it failed: `-123 ENOENT` (a coarse key and the errno). */
export function exactKey(t: Trace, coarse: Int32Array, i: number): string {
  return `${coarse[i] as number} ${t.errno(i) ?? ''}`;
}
