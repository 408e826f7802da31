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
  private readonly exact = new Set<string>();
  /** `name errno` -> the failing events of that name and errno, until their file names are read. */
  private readonly groups = new Map<string, number[]>();
  private readonly fileNames = new Map<string, Set<string>>();

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
    for (let i = 0; i < trace.count; i++) {
      if ((c.errnoId[i] as number) === 0 || (syscallsOnly && (c.kind[i] as number) !== SYSCALL)) continue;
      this.exact.add(exactKey(trace, coarse, i));
      const group = `${trace.name(i)} ${trace.errno(i) ?? ''}`;
      const list = this.groups.get(group);
      if (list) list.push(i);
      else this.groups.set(group, [i]);
    }
  }

  /** Whether event i of `t` (whose coarse keys are `coarse`) fails alike in this run. */
  failsAlike(t: Trace, coarse: Int32Array, i: number): boolean {
    if (this.exact.has(exactKey(t, coarse, i))) return true;
    const group = `${t.name(i)} ${t.errno(i) ?? ''}`;
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

/** The request and how it failed: `-123 ENOENT` (a coarse key and the errno). */
export function exactKey(t: Trace, coarse: Int32Array, i: number): string {
  return `${coarse[i] as number} ${t.errno(i) ?? ''}`;
}
