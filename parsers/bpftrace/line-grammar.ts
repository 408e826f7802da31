/**
 * One line of the collector's bpftrace output (the program built by collector/tracers/bpftrace-script.ts),
 * read without context. Real lines (bpftrace 0.17, kernel 6.18):
 *
 *   Attaching 50 probes...                                     bpftrace's header
 *   B 464532769873 1795916807.612858 200                       clock anchor: monotonic ns, epoch seconds, str() limit
 *   X 464547487144 464547511580 12460 12460 257 257 4 ls        a call: enter ns, exit ns, pid, tid, nr at enter,
 *                                                              nr at exit, raw return, comm (the rest of the line)
 *   X 0 464545647328 12460 12460 0 0 8 bpftrace                 an exit whose enter came before tracing started
 *   G 489547619364 13418 13418 231 0 true                      exit/exit_group entered (they never return): nr, arg0
 *   I 464547488295 12460 12460 openat -100 s 0x80000 00         the non-string arguments; `s`/`v` hold string slots
 *   A 464547501045 12460 12460 openat 1 /etc/ld.so.cache        one string argument (slot 1), rest of line, unescaped
 *   A 464545705355 12460 12460 execve 1.0 /usr/bin/ls           argv[0]; `1.+` means argv went on past the limit
 *   S 310471622091 9777 9777 17 1 sh                           signal delivered: signo, si_code, comm
 *   P 464551274876 12460 12460 512 ls                          task exited: wait status (exit 2 << 8, or signal)
 *   @start[12460]: (464551257400, 231)                         at END: a call still in the kernel (tid, enter, nr)
 *   @calls: 400127                                             at END: how many calls returned (buffered mode)
 *   @x[11592, 1306896095633]: (1306896079219, 11592, 3, 3, 0, bpftrace)
 *                                    at END, buffered mode (the default): a call keyed by tid and exit ns; the
 *                                    tuple is enter ns, pid, nr at enter, nr at exit, raw return, comm
 *   Lost 12 events                                             bpftrace's ring buffer overflowed
 */
export type BpfRecord =
  | { type: 'anchor'; monoNs: number; epochSeconds: number; strLimit: number | null }
  | {
      type: 'call';
      enterNs: number;
      exitNs: number;
      pid: number;
      tid: number;
      nrEnter: number;
      nrExit: number;
      ret: number;
      comm: string;
    }
  | { type: 'exit-call'; ns: number; pid: number; tid: number; nr: number; arg0: number; comm: string }
  | { type: 'ints'; ns: number; pid: number; tid: number; name: string; fields: string[] }
  | { type: 'string'; ns: number; pid: number; tid: number; name: string; slot: string; value: string }
  | { type: 'signal'; ns: number; pid: number; tid: number; signo: number; code: number; comm: string }
  | { type: 'task-exit'; ns: number; pid: number; tid: number; status: number; comm: string }
  | { type: 'pending'; tid: number; enterNs: number; nr: number }
  | { type: 'call-count'; count: number }
  | { type: 'lost'; count: number }
  | { type: 'header' }
  | { type: 'blank' };

const INT = '(-?\\d+)';
const NAT = '(\\d+)';
const RULES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => BpfRecord]> = [
  //            enter  exit   pid    tid    nrIn   nrOut  ret    comm
  [
    re(`^X ${NAT} ${NAT} ${NAT} ${NAT} ${INT} ${INT} ${INT} (.*)$`),
    (m) => ({
      type: 'call',
      enterNs: n(m[1]),
      exitNs: n(m[2]),
      pid: n(m[3]),
      tid: n(m[4]),
      nrEnter: n(m[5]),
      nrExit: n(m[6]),
      ret: n(m[7]),
      comm: s(m[8]),
    }),
  ],
  //            ns     pid    tid    name     slot       value
  [
    re(`^A ${NAT} ${NAT} ${NAT} (\\w+) (\\d+(?:\\.(?:\\d+|\\+))?) ?(.*)$`),
    (m) => ({
      type: 'string',
      ns: n(m[1]),
      pid: n(m[2]),
      tid: n(m[3]),
      name: s(m[4]),
      slot: s(m[5]),
      value: s(m[6]),
    }),
  ],
  //            ns     pid    tid    name    fields
  [
    re(`^I ${NAT} ${NAT} ${NAT} (\\w+) ?(.*)$`),
    (m) => ({
      type: 'ints',
      ns: n(m[1]),
      pid: n(m[2]),
      tid: n(m[3]),
      name: s(m[4]),
      fields: s(m[5])
        .split(' ')
        .filter((f) => f !== ''),
    }),
  ],
  //            ns     pid    tid    nr     arg0   comm
  [
    re(`^G ${NAT} ${NAT} ${NAT} ${INT} ${INT} (.*)$`),
    (m) => ({
      type: 'exit-call',
      ns: n(m[1]),
      pid: n(m[2]),
      tid: n(m[3]),
      nr: n(m[4]),
      arg0: n(m[5]),
      comm: s(m[6]),
    }),
  ],
  //            ns     pid    tid    signo  code   comm
  [
    re(`^S ${NAT} ${NAT} ${NAT} ${INT} ${INT} (.*)$`),
    (m) => ({
      type: 'signal',
      ns: n(m[1]),
      pid: n(m[2]),
      tid: n(m[3]),
      signo: n(m[4]),
      code: n(m[5]),
      comm: s(m[6]),
    }),
  ],
  //            ns     pid    tid    status comm
  [
    re(`^P ${NAT} ${NAT} ${NAT} ${INT} (.*)$`),
    (m) => ({ type: 'task-exit', ns: n(m[1]), pid: n(m[2]), tid: n(m[3]), status: n(m[4]), comm: s(m[5]) }),
  ],
  //            mono   epoch.frac        str() limit
  [
    re(`^B ${NAT} (\\d+(?:\\.\\d+)?)(?: ${NAT})?$`),
    (m) => ({
      type: 'anchor',
      monoNs: n(m[1]),
      epochSeconds: Number(m[2]),
      strLimit: m[3] === undefined ? null : n(m[3]),
    }),
  ],
  //               tid      exit          enter  pid    nrIn   nrOut  ret    comm
  [
    re(`^@x\\[${NAT}, ${NAT}\\]: \\(${NAT}, ${NAT}, ${INT}, ${INT}, ${INT}, (.*)\\)$`),
    (m) => ({
      type: 'call',
      enterNs: n(m[3]),
      exitNs: n(m[2]),
      pid: n(m[4]),
      tid: n(m[1]),
      nrEnter: n(m[5]),
      nrExit: n(m[6]),
      ret: n(m[7]),
      comm: s(m[8]),
    }),
  ],
  [re(`^@calls: ${NAT}$`), (m) => ({ type: 'call-count', count: n(m[1]) })],
  [
    re(`^@start\\[${NAT}\\]: \\(${NAT}, ${INT}\\)$`),
    (m) => ({ type: 'pending', tid: n(m[1]), enterNs: n(m[2]), nr: n(m[3]) }),
  ],
  [re(`^Lost ${NAT} events$`), (m) => ({ type: 'lost', count: n(m[1]) })],
  [/^Attaching \d+ probes?\.\.\.$/, () => ({ type: 'header' })],
  [/^\s*$/, () => ({ type: 'blank' })],
];

/** The record on this line, or null when the line is not part of the format. Never throws. */
export function parseBpftraceLine(text: string): BpfRecord | null {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  for (const [pattern, build] of RULES) {
    const m = pattern.exec(line);
    if (m) return build(m);
  }
  return null;
}

function re(source: string): RegExp {
  return new RegExp(source);
}

function n(text: string | undefined): number {
  return Number(text);
}

function s(text: string | undefined): string {
  return text ?? '';
}
