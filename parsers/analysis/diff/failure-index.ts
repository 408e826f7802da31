import type { Trace } from '../../model/index.js';
import { EVENT_KINDS } from '../../model/index.js';
import type { QuotedBytes } from '../diagnosis/quoted-bytes.js';
import { BytesMap, emptyQuotedBytes } from '../diagnosis/quoted-bytes.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/**
 * The failing calls of one run, to ask whether a call of the other run fails alike here: the same
 * request (coarse key) with the same errno, or the same name and errno on a file of the same name
 * (`readlink("/tmp/a/toyfs")` and `readlink("/tmp/b/toyfs")`). File names are read only for the
 * name-and-errno groups asked about, once per group: a build log holds a hundred thousand failing
 * calls, and reading each one's text cost the diff more than a second.
 */
export class FailureIndex {
  private readonly table: FailureTable;
  private readonly fileNames = new Map<number, Set<string>>();
  /** For the other run's calls asked about: the answer by group and the bytes of the name's string. */
  private readonly answers = new BytesMap<boolean>();
  private readonly q = emptyQuotedBytes();

  /**
   * `fileName(trace, i)`: the file a call names (the part after its path's last slash); `syscallsOnly`
   * leaves out failing events that are not syscalls. `fileBytes(trace, i, out)`, when it returns true,
   * says where in the log lie the bytes the file name is read from: calls with the same bytes are read
   * once (a build probes the same locale files thousands of times).
   */
  constructor(
    private readonly trace: Trace,
    coarse: Int32Array,
    private readonly fileName: (trace: Trace, i: number) => string,
    syscallsOnly: boolean,
    private readonly fileBytes: (trace: Trace, i: number, out: QuotedBytes) => boolean = () => false,
  ) {
    this.table = failureTable(trace, coarse, syscallsOnly);
  }

  /** Whether event i of `t` (whose coarse keys are `coarse`) fails alike in this run. */
  failsAlike(t: Trace, coarse: Int32Array, i: number): boolean {
    const table = this.table;
    const errno = table.errnos.get(t.errno(i) ?? '');
    if (errno === undefined) return false;
    if (table.exact.has((coarse[i] as number) * table.span + errno)) return true;
    const name = table.names.get(t.name(i));
    if (name === undefined) return false;
    const group = name * 65536 + errno;
    let names = this.fileNames.get(group);
    if (!names) {
      const list = table.groups.get(group);
      if (!list) return false;
      names = new Set();
      const seen = new BytesMap<true>();
      for (const k of list) {
        if (this.fileBytes(this.trace, k, this.q) && seen.met(0, this.q)) continue;
        names.add(this.fileName(this.trace, k));
      }
      this.fileNames.set(group, names);
    }
    if (!this.fileBytes(t, i, this.q)) return names.has(this.fileName(t, i));
    let answer = this.answers.get(group, this.q);
    if (answer === undefined) {
      answer = names.has(this.fileName(t, i));
      this.answers.add(group, this.q, answer);
    }
    return answer;
  }
}

/** The failing calls of one run, by request and errno and by name and errno. */
interface FailureTable {
  trace: Trace;
  syscallsOnly: boolean;
  /** Some failing event is not a syscall: the tables with and without such events differ. */
  otherKinds: boolean;
  /** Ids of the names and errnos the run's failing calls use (keys below are numbers, not strings). */
  names: Map<string, number>;
  errnos: Map<string, number>;
  /**
   * coarse key * span + errno id, for every failing call; span is 256 when the errnos are that few, so
   * the keys stay small integers (no heap number a key).
   */
  exact: Set<number>;
  span: number;
  /** name id * 65536 + errno id -> the failing events of that name and errno. */
  groups: Map<number, number[]>;
}

/** Tables by the run's coarse keys (one per diff and run), and by whether only syscalls count. */
const tables = new WeakMap<Int32Array, Map<boolean, FailureTable>>();

/**
 * The failing calls of `trace`, built once per run of a diff: the diagnosis (syscalls only) and the
 * failed-only finding (every event) both ask, and most logs fail only in syscalls, where the two agree.
 */
function failureTable(trace: Trace, coarse: Int32Array, syscallsOnly: boolean): FailureTable {
  let built = tables.get(coarse);
  if (!built) tables.set(coarse, (built = new Map()));
  const known = built.get(syscallsOnly) ?? built.get(!syscallsOnly);
  if (known?.trace === trace && (known.syscallsOnly === syscallsOnly || !known.otherKinds)) return known;
  const table = buildTable(trace, coarse, syscallsOnly);
  built.set(syscallsOnly, table);
  return table;
}

function buildTable(trace: Trace, coarse: Int32Array, syscallsOnly: boolean): FailureTable {
  const names = new Map<string, number>();
  const errnos = new Map<string, number>();
  const c = trace.columns;
  const nameIds = trace.names.map((name) => intern(names, name));
  const errnoIds = trace.errnos.map((errno) => intern(errnos, errno));
  const span = errnos.size <= 256 ? 256 : 65536;
  const exact = new Set<number>();
  const groups = new Map<number, number[]>();
  let otherKinds = false;
  for (let i = 0; i < trace.count; i++) {
    const e = c.errnoId[i] as number;
    if (e === 0) continue;
    if ((c.kind[i] as number) !== SYSCALL) {
      otherKinds = true;
      if (syscallsOnly) continue;
    }
    const errno = errnoIds[e] as number;
    exact.add((coarse[i] as number) * span + errno);
    const group = (nameIds[c.nameId[i] as number] as number) * 65536 + errno;
    const list = groups.get(group);
    if (list) list.push(i);
    else groups.set(group, [i]);
  }
  return { trace, syscallsOnly, otherKinds, names, errnos, exact, span, groups };
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
