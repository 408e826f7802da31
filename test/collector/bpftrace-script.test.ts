import { describe, expect, it } from 'vitest';
import {
  bpftraceEnv,
  buildBpftraceArgv,
  buildBpftraceScript,
} from '../../collector/tracers/bpftrace-script.js';
import { syscallNumberOf } from '../../parsers/bpftrace/numbers.js';

describe('buildBpftraceScript', () => {
  const script = buildBpftraceScript({ numberOf: syscallNumberOf });

  it('follows every descendant through sched_process_fork, not just cpid', () => {
    expect(script).toContain('@track[cpid] = 1;');
    expect(script).toContain(
      'tracepoint:sched:sched_process_fork /@track[args->parent_pid]/ { @track[args->child_pid] = 1; }',
    );
    expect(script).toMatch(/tracepoint:raw_syscalls:sys_enter \/@track\[pid\]\/ \{/);
  });

  it('anchors the monotonic clock to the wall clock and records its str() limit', () => {
    expect(script).toContain('printf("B %llu %s 200\\n", nsecs, strftime("%s.%f", nsecs));');
  });

  it('buffers finished calls in a map keyed by thread and exit time, printed at END', () => {
    expect(script).toContain('@x[tid, $now] = ($s.0, pid, $s.1, args->id, args->ret, comm);');
    expect(script).toMatch(/END \{ print\(@start\);.* print\(@calls\);.* print\(@x\); clear\(@x\); \}/);
    expect(script).not.toContain('printf("X');
    const streamed = buildBpftraceScript({ numberOf: syscallNumberOf, stream: true });
    expect(streamed).toContain(
      'printf("X %llu %llu %d %d %ld %ld %ld %s\\n", $s.0, nsecs, pid, tid, $s.1, args->id, args->ret, comm);',
    );
    expect(streamed).not.toContain('@x[');
  });

  it('reads path arguments from the registers as user memory, one branch per syscall number', () => {
    expect(script).toContain('  if ($id == 60 || $id == 231) {'); // exit, exit_group: printed at entry
    expect(script).toContain('} else if ($id == 257) {'); // openat
    expect(script).toContain(
      'printf("I %llu %d %d openat %d s 0x%lx 0%lo\\n", nsecs, pid, tid, (int32)args->args[0], args->args[2], args->args[3]);',
    );
    expect(script).toContain(
      'printf("A %llu %d %d openat 1 %s\\n", nsecs, pid, tid, str(uptr(args->args[1])));',
    );
    expect(script).toContain('} else if ($id == 161) {'); // chroot
    expect(script).toContain('} else if ($id == 165) {'); // mount
  });

  it('walks execve argv up to its NULL, marking a longer argv', () => {
    expect(script).toContain('$a0 = *uptr((uint64 *)($v + 0));');
    expect(script).toContain('printf("A %llu %d %d execve 1.0 %s\\n", nsecs, pid, tid, str(uptr($a0)));');
    expect(script).toContain('printf("A %llu %d %d execve 1.+ \\n", nsecs, pid, tid);');
  });

  it('filters by syscall number for --trace, in both probes and the path branches', () => {
    const only = buildBpftraceScript({ numberOf: syscallNumberOf, include: new Set([59, 161]) });
    expect(only).toContain('sys_enter /(args->id == 59 || args->id == 161) && @track[pid]/');
    expect(only).toContain('sys_exit /(args->id == 59 || args->id == 161) && @track[pid]/');
    expect(only).not.toContain('openat');
    expect(only).not.toContain('$id == 231');
    const sig = buildBpftraceScript({ numberOf: syscallNumberOf, include: new Set([15]) });
    expect(sig).toContain('sys_exit /(args->id == -1 || args->id == 15) && @track[pid]/'); // rt_sigreturn exits as -1
    const without = buildBpftraceScript({ numberOf: syscallNumberOf, exclude: new Set([0, 1]) });
    expect(without).toContain('sys_exit /args->id != 0 && args->id != 1 && @track[pid]/');
  });

  it('runs with -o so program output never mixes into the trace', () => {
    expect(
      buildBpftraceArgv({
        bpftrace: '/usr/bin/bpftrace',
        scriptFile: '/t/s.bt',
        logFile: '/o/host.bpftrace.txt',
        command: '/bin/true',
      }),
    ).toEqual(['/usr/bin/bpftrace', '-o', '/o/host.bpftrace.txt', '/t/s.bt', '-c', '/bin/true']);
    expect(bpftraceEnv(200, 250_000)).toEqual({ BPFTRACE_STRLEN: '200', BPFTRACE_MAP_KEYS_MAX: '250000' });
  });
});
