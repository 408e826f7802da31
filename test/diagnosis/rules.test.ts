import { describe, expect, it } from 'vitest';
import type { DiagnosisRuleId } from '../../parsers/analysis/diff/index.js';
import { DIAGNOSIS_RULES } from '../../parsers/analysis/diff/index.js';
import { DIAGNOSIS_RULE_LIST } from '../../parsers/analysis/diagnosis/index.js';
import { loadPair } from './load-extra.js';

/**
 * Each rule on real captures (test/diagnosis/extra/, samples/): where it is the diagnosis, where it
 * fires as an alternative, and where it must stay silent because the trace shows another mechanism.
 */
const CASES: { rule: DiagnosisRuleId; first: string[]; fires?: string[]; silent: string[] }[] = [
  {
    rule: 'missing-elf-interpreter',
    first: ['sample:hello-bare-chroot', 'case:bare-chroot-hello'],
    // A #! script, a static binary, a filtered log that cannot show the loader.
    silent: [
      'perl-script-bare',
      'static-not-in-rootfs',
      'static-bare-busybox',
      'loader-no-libc',
      'case:env-shebang-no-perl',
      'case:filtered-bare-chroot',
    ],
  },
  {
    rule: 'missing-script-interpreter',
    // `#!/usr/bin/perl` fails in execve; `#!/usr/bin/env perl` starts, then env finds no perl along PATH.
    // python reads its script's tail before the #! line: every read until the close is looked at.
    first: [
      'perl-script-bare',
      'case:perl-script-bare',
      'case:env-shebang-no-perl',
      'case:python-script-bare',
    ],
    // A PATH search that ends in a successful execve is not a missing interpreter.
    silent: [
      'sample:hello-bare-chroot',
      'static-not-in-rootfs',
      'filtered-bare-hello',
      'case:path-search-success',
      'case:command-not-found',
    ],
  },
  {
    rule: 'missing-shared-library',
    first: ['loader-no-libc', 'case:missing-libselinux'],
    // The loader's tries in glibc-hwcaps and tls directories before it finds each library are a search.
    // ... and a library the loader is refused (openat = -1 EPERM under a seccomp filter) is there.
    silent: [
      'sample:hello-bare-chroot',
      'missing-config',
      'python-ldd-only',
      'case:pidns-print-pid',
      'case:seccomp-eperm-openat',
    ],
  },
  {
    rule: 'missing-file',
    first: ['missing-config', 'static-not-in-rootfs', 'create-in-missing-dir'],
    // The path is missing in both runs, and both fail alike.
    silent: [
      'both-fail-ls',
      'both-fail-mkdir-quotes',
      'sample:hello-bare-chroot',
      'perl-script-bare',
      'whoami-no-passwd',
      'pidns-echo-pid',
      'optional-config',
    ],
  },
  {
    rule: 'missing-proc',
    // /proc mounted by mount(8) before chroot() is the host's: the program inside still finds none.
    first: ['ps-no-proc', 'case:proc-self-with-bind', 'case:ps-without-proc'],
    silent: ['static-bare-busybox', 'sample:static-bare-chroot', 'sample:env-busybox', 'missing-config'],
  },
  {
    rule: 'missing-dev-node',
    first: ['dev-null-sh', 'perl-devnull-locale'],
    silent: ['missing-config', 'ps-no-proc', 'sample:hello-world'],
  },
  {
    rule: 'missing-user-db',
    first: ['whoami-no-passwd'],
    silent: ['missing-config', 'ls-root', 'sample:hello-world'],
  },
  {
    rule: 'missing-locale',
    first: ['perl-locale'],
    fires: ['perl-devnull-locale'],
    silent: ['sample:hello-world', 'sample:bind-mount', 'missing-config', 'dev-null-sh'],
  },
  {
    rule: 'missing-interpreter-stdlib',
    first: ['python-ldd-only'],
    silent: ['perl-script-bare', 'perl-locale', 'missing-config'],
  },
  { rule: 'read-only-mount', first: ['ro-bind-touch'], silent: ['sample:bind-mount', 'missing-config'] },
  {
    rule: 'capability-dropped',
    first: ['cap-drop-chroot', 'case:cap-drop-chown', 'case:cap-drop-dac-override'],
    // EPERM from a seccomp filter; EACCES after setuid to another user is the file's modes for that user.
    silent: [
      'seccomp-uname',
      'setuid-secret',
      'ro-bind-touch',
      'case:seccomp-eperm-uname',
      'case:permission-other-user',
    ],
  },
  {
    rule: 'seccomp-denied',
    first: [
      'seccomp-uname',
      'case:seccomp-eperm-uname',
      'case:seccomp-kill-mkdir',
      'case:seccomp-eperm-openat',
    ],
    // A call the kernel refuses for a dropped capability needs no filter to explain it.
    silent: ['cap-drop-chroot', 'setuid-secret', 'case:cap-drop-chown'],
  },
  {
    rule: 'file-permission',
    first: ['setuid-secret', 'case:permission-other-user', 'case:permission-exec-bit'],
    silent: ['cap-drop-chroot', 'seccomp-uname', 'case:cap-drop-dac-override'],
  },
  {
    rule: 'network-namespace',
    first: ['netns-connect', 'sample:unshare-net-ip'],
    silent: ['pidns-echo-pid', 'ls-root', 'missing-config'],
  },
  {
    rule: 'pid-namespace',
    first: ['pidns-echo-pid', 'case:pidns-print-pid', 'case:pidns-proc-1-comm', 'pidns-host-proc'],
    silent: ['netns-connect', 'uts-hostname', 'ls-root'],
  },
  { rule: 'hostname', first: ['uts-hostname'], silent: ['pidns-echo-pid', 'netns-connect', 'ls-root'] },
  {
    rule: 'missing-env-var',
    first: ['env-clear-home', 'bash-unset-home', 'case:python-without-home'],
    silent: ['missing-config', 'sample:hello-world', 'sample:pipeline', 'uts-hostname'],
  },
  { rule: 'oom-killed', first: ['cgroup-oom'], silent: ['flock-timeout', 'missing-config'] },
  {
    rule: 'timeout',
    first: ['flock-timeout', 'case:timeout-waiting'],
    silent: ['cgroup-oom', 'missing-config'],
  },
  {
    rule: 'filtered-trace',
    first: ['case:filtered-bare-chroot'],
    fires: ['filtered-bare-hello', 'case:filtered-file-config'],
    silent: ['sample:hello-bare-chroot', 'missing-config'],
  },
  {
    rule: 'different-output',
    // Same program, other /etc/hostname in the rootfs: it reads the file in both runs, prints other text.
    first: ['case:rootfs-etc-hostname'],
    fires: ['ls-root', 'uts-hostname', 'pidns-echo-pid'],
    silent: ['static-bare-busybox', 'sample:hello-world', 'optional-config'],
  },
  {
    rule: 'different-directory-entries',
    first: ['ls-root', 'ls-from-two-dirs'],
    silent: ['pidns-echo-pid', 'sample:hello-world', 'missing-config'],
  },
  {
    rule: 'different-files-read',
    first: ['optional-config'],
    fires: ['create-in-missing-dir'],
    // mkstemp and mkdtemp name their files at random: other names, not other files.
    silent: ['sample:hello-world', 'static-bare-busybox', 'pidns-echo-pid', 'temp-names-rerun'],
  },
  {
    rule: 'different-arguments',
    first: ['case:ls-other-options'],
    // The same arguments, the program named from another place (./hello on the host, /hello in the
    // chroot), an environment emptied by env -i: not other arguments.
    silent: [
      'sample:hello-world',
      'sample:hello-bare-chroot',
      'temp-names-rerun',
      'case:rerun-ls',
      'case:env-i-size',
      'case:path-search-success',
    ],
  },
  {
    rule: 'same-behaviour',
    first: [
      'sample:hello-world',
      'temp-names-rerun',
      'static-bare-busybox',
      'sample:pipeline',
      'sample:threads',
      'case:path-search-success',
      'case:terminal-form-threads',
      // Both fail with the same status and message: /proc missing in the chroot changes nothing.
      'both-fail-ls',
      'both-fail-mkdir-quotes',
    ],
    silent: ['ls-root', 'missing-config', 'perl-locale'],
  },
];

function detect(rule: DiagnosisRuleId, ref: string) {
  const impl = DIAGNOSIS_RULE_LIST.find((r) => r.id === rule);
  if (!impl) throw new Error(`no rule ${rule}`);
  return impl.detect(loadPair(ref).context);
}

describe('what a rule says is what the kernel means', () => {
  it('blames the directory, not the file, when a create fails with ENOENT', () => {
    const { diff } = loadPair('create-in-missing-dir');
    const top = diff.findings[0];
    expect(top?.rule).toBe('missing-file');
    expect(top?.message).toContain('the directory /tmp does not exist inside the chroot');
    expect(top?.message).not.toMatch(/\/tmp\/x does not exist/);
    // The host run opens /tmp/x to write it, not to read it.
    expect(detect('different-files-read', 'create-in-missing-dir')?.cause).toMatch(/^host writes \/tmp\/x\b/);
  });
});

describe('a missing variable the program names', () => {
  it.each([
    ['bash-unset-home', 'HOME: unbound variable'],
    ['case:python-without-home', "KeyError: 'HOME'"],
  ])('names it from what %s writes (%s), and says cleared only next to a usual environment', (ref) => {
    const top = loadPair(ref).diff.findings[0];
    expect(top?.rule).toBe('missing-env-var');
    expect(top?.confidence).toBe('certain');
    expect(top?.message).toContain('HOME is one the program needs');
    // 38 against 39 (env -u HOME), 2 against 3 (two chosen environments): nothing was cleared.
    expect(top?.message).not.toContain('cleared');
  });

  it('says cleared for env -i next to a login environment', () => {
    expect(loadPair('env-clear-home').diff.findings[0]?.message).toContain('its environment was cleared');
  });
});

describe('a pid namespace without a proc of its own', () => {
  it('says the program still reads the host /proc, not that it sees only its own processes', () => {
    const top = loadPair('pidns-host-proc').diff.findings[0];
    expect(top?.rule).toBe('pid-namespace');
    expect(top?.message).toContain("the /proc it reads is the host's");
    expect(top?.message).not.toContain('sees only its own processes');
  });
});

describe('every rule id of the contract has a rule and a test', () => {
  it('lists each id once', () => {
    expect(DIAGNOSIS_RULE_LIST.map((r) => r.id).sort()).toEqual([...DIAGNOSIS_RULES].sort());
    expect(CASES.map((c) => c.rule).sort()).toEqual([...DIAGNOSIS_RULES].sort());
  });
});

describe.each(CASES)('rule $rule', ({ rule, first, fires = [], silent }) => {
  it.each(first)('is the diagnosis of %s, with evidence in the failing run', (ref) => {
    const { diff } = loadPair(ref);
    const top = diff.findings[0];
    expect(top?.kind).toBe('diagnosis');
    expect(top?.rule).toBe(rule);
    expect(top?.confidence).toMatch(/^(certain|likely|possible)$/);
    expect((top?.evidence?.a.length ?? 0) + (top?.evidence?.b.length ?? 0)).toBeGreaterThan(0);
    // One sentence: the outcome, a colon, the cause, a full stop.
    expect(top?.message).toMatch(/^[A-Za-z].*: .*\.$/s);
  });

  it.each(fires)('fires on %s', (ref) => {
    expect(detect(rule, ref)?.rule).toBe(rule);
  });

  it.each(silent)('stays silent on %s', (ref) => {
    expect(detect(rule, ref)).toBeNull();
  });
});

describe('different directory entries, said as the program names its directories', () => {
  it('one name in both runs: `/` on the host and in the chroot', () => {
    expect(loadPair('ls-root').diff.findings[0]?.message).toMatch(
      /the directory \/ the program reads .* has its own \//,
    );
  });

  it("two directories the runs started in: each run's own, not one name", () => {
    const message = loadPair('ls-from-two-dirs').diff.findings[0]?.message ?? '';
    expect(message).toContain('reads another directory in each run');
    expect(message).toContain('/tmp/spelunk-cwd-b in rerun (3)');
    expect(message).toContain('/tmp/spelunk-cwd-a in host (5)');
    expect(message).not.toContain('has its own');
  });
});
