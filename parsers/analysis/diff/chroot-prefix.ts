import type { Trace } from '../../model/index.js';
import { EVENT_KINDS } from '../../model/index.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/**
 * The host path of the directory a traced process chroot()ed into, as `-y` decorations print it, or
 * null. Under -y strace shows paths as the tracer outside sees them:
 *
 *   chroot("rootfs") = 0
 *   openat(AT_FDCWD</home/user/fmt/rootfs>, "/lib/x86_64-linux-gnu/libc.so.6", ...) = 3</home/user/fmt/rootfs/lib/...>
 *
 * so the prefix is the chroot argument resolved against the working directory, known from an
 * `AT_FDCWD<...>` decoration or a `getcwd` result before the call.
 */
export function findChrootPrefix(trace: Trace): string | null {
  if (!trace.format.fdPaths || !trace.names.includes('chroot')) return null;
  const c = trace.columns;
  let cwd: string | null = null;
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL) continue;
    const name = trace.name(i);
    if (name === 'getcwd' && (c.errnoId[i] as number) === 0) {
      const ev = trace.event(i);
      const first = ev.kind === 'syscall' ? ev.args[0] : undefined;
      if (first?.type === 'string') cwd = first.value;
      continue;
    }
    const decorated = findCwdDecoration(trace.rawLine(i));
    if (decorated !== null) cwd = decorated;
    if (name !== 'chroot' || (c.errnoId[i] as number) !== 0) continue;
    const ev = trace.event(i);
    const arg = ev.kind === 'syscall' ? ev.args[0] : undefined;
    if (!arg) return null;
    // Under -y the argument itself may carry no decoration; a string is the common case.
    const path = arg.type === 'string' ? arg.value : arg.type === 'fd' ? arg.path : null;
    if (path === null) return null;
    if (path.startsWith('/')) return normalisePath(path);
    return cwd === null ? null : normalisePath(`${cwd}/${path}`);
  }
  return null;
}

/** `openat(AT_FDCWD</home/user/fmt>, ...` -> "/home/user/fmt". */
function findCwdDecoration(line: string): string | null {
  const at = line.indexOf('AT_FDCWD<');
  if (at < 0) return null;
  const end = line.indexOf('>,', at);
  return end < 0 ? null : line.slice(at + 9, end);
}

/** Resolves `.` and `..` and doubled slashes; keeps the path absolute. */
function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

/**
 * The working directory the traced program started in, from the first successful `getcwd` or the first
 * `AT_FDCWD<...>` decoration (-y), or null. Two runs started in different directories
 * (`/tmp/tmp.V68EBpDCnj` and `/tmp/sp`) name the same relative files with different absolute paths.
 */
export function findWorkingDirectory(trace: Trace): string | null {
  const hasGetcwd = trace.names.includes('getcwd');
  if (!hasGetcwd && !trace.format.fdPaths) return null;
  const c = trace.columns;
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL) continue;
    if (trace.format.fdPaths) {
      const decorated = findCwdDecoration(trace.rawLine(i));
      if (decorated !== null) return decorated;
    }
    if (hasGetcwd && trace.name(i) === 'getcwd' && (c.errnoId[i] as number) === 0) {
      const ev = trace.event(i);
      const first = ev.kind === 'syscall' ? ev.args[0] : undefined;
      if (first?.type === 'string') return first.value;
    }
  }
  return null;
}
