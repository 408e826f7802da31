import type { SeccompArg, SeccompRule } from './seccomp-table.js';
import { SECCOMP_DEFAULT_ERRNO, SECCOMP_RULES } from './seccomp-table.js';

/** The `linux.seccomp` section of an OCI config (runtime-spec config-linux.md). */
export interface OciSeccomp {
  defaultAction: 'SCMP_ACT_ERRNO';
  defaultErrnoRet: number;
  architectures: string[];
  syscalls: OciSeccompSyscall[];
}

export interface OciSeccompSyscall {
  names: string[];
  action: 'SCMP_ACT_ALLOW' | 'SCMP_ACT_ERRNO';
  errnoRet?: number;
  args?: SeccompArg[];
}

/** The architectures a filter must cover on each machine: a 64-bit kernel also runs 32-bit calls. */
const ARCHITECTURES: Record<string, string[]> = {
  x86_64: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'],
  aarch64: ['SCMP_ARCH_AARCH64', 'SCMP_ARCH_ARM'],
};

export interface SeccompProfileOptions {
  /** The container's capabilities: rules that depend on one follow them. */
  capabilities: readonly string[];
  /** `uname -m`. */
  machine: string;
  /** The table (Docker's default unless a test gives another). */
  rules?: readonly SeccompRule[];
}

/**
 * Docker's default profile for one container: the table's rules that hold for its capabilities and
 * machine, in table order, with EPERM for every call not listed.
 */
export function buildSeccompProfile(options: SeccompProfileOptions): OciSeccomp {
  const caps = new Set(options.capabilities);
  const syscalls: OciSeccompSyscall[] = [];
  for (const rule of options.rules ?? SECCOMP_RULES) {
    if (rule.ifCapability && !caps.has(rule.ifCapability)) continue;
    if (rule.unlessCapability && caps.has(rule.unlessCapability)) continue;
    if (rule.machines && !rule.machines.includes(options.machine)) continue;
    const entry: OciSeccompSyscall = {
      names: [...rule.names],
      action: rule.action === 'allow' ? 'SCMP_ACT_ALLOW' : 'SCMP_ACT_ERRNO',
    };
    if (rule.action !== 'allow') entry.errnoRet = rule.action.errno;
    if (rule.args) entry.args = rule.args.map((a) => ({ ...a }));
    syscalls.push(entry);
  }
  return {
    defaultAction: 'SCMP_ACT_ERRNO',
    defaultErrnoRet: SECCOMP_DEFAULT_ERRNO,
    architectures: ARCHITECTURES[options.machine] ?? [],
    syscalls,
  };
}

/**
 * What the profile answers for a call made with no argument conditions met: 'allow', the errno of an
 * explicit rule, or the default EPERM. A call allowed only for some argument values (socket,
 * personality, clone) is 'conditional'. For tests and for the lesson's prose.
 */
export function seccompVerdict(profile: OciSeccomp, name: string): 'allow' | 'conditional' | number {
  let conditional = false;
  for (const s of profile.syscalls) {
    if (!s.names.includes(name)) continue;
    if (s.args && s.args.length > 0) {
      conditional = true;
      continue;
    }
    return s.action === 'SCMP_ACT_ALLOW' ? 'allow' : (s.errnoRet ?? profile.defaultErrnoRet);
  }
  return conditional ? 'conditional' : profile.defaultErrnoRet;
}
