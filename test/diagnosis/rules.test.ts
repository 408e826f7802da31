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
    first: ['sample:hello-bare-chroot'],
    silent: ['perl-script-bare', 'static-not-in-rootfs', 'static-bare-busybox', 'loader-no-libc'],
  },
  {
    rule: 'missing-script-interpreter',
    first: ['perl-script-bare'],
    silent: ['sample:hello-bare-chroot', 'static-not-in-rootfs', 'filtered-bare-hello'],
  },
  {
    rule: 'missing-shared-library',
    first: ['loader-no-libc'],
    silent: ['sample:hello-bare-chroot', 'missing-config', 'python-ldd-only'],
  },
  {
    rule: 'missing-file',
    first: ['missing-config', 'static-not-in-rootfs'],
    silent: [
      'sample:hello-bare-chroot',
      'perl-script-bare',
      'whoami-no-passwd',
      'pidns-echo-pid',
      'optional-config',
    ],
  },
  {
    rule: 'missing-proc',
    first: ['ps-no-proc'],
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
    first: ['cap-drop-chroot'],
    silent: ['seccomp-uname', 'setuid-secret', 'ro-bind-touch'],
  },
  { rule: 'seccomp-denied', first: ['seccomp-uname'], silent: ['cap-drop-chroot', 'setuid-secret'] },
  { rule: 'file-permission', first: ['setuid-secret'], silent: ['cap-drop-chroot', 'seccomp-uname'] },
  {
    rule: 'network-namespace',
    first: ['netns-connect', 'sample:unshare-net-ip'],
    silent: ['pidns-echo-pid', 'ls-root', 'missing-config'],
  },
  { rule: 'pid-namespace', first: ['pidns-echo-pid'], silent: ['netns-connect', 'uts-hostname', 'ls-root'] },
  { rule: 'hostname', first: ['uts-hostname'], silent: ['pidns-echo-pid', 'netns-connect', 'ls-root'] },
  {
    rule: 'missing-env-var',
    first: ['env-clear-home'],
    silent: ['missing-config', 'sample:hello-world', 'sample:pipeline', 'uts-hostname'],
  },
  { rule: 'oom-killed', first: ['cgroup-oom'], silent: ['flock-timeout', 'missing-config'] },
  { rule: 'timeout', first: ['flock-timeout'], silent: ['cgroup-oom', 'missing-config'] },
  {
    rule: 'filtered-trace',
    first: [],
    fires: ['filtered-bare-hello'],
    silent: ['sample:hello-bare-chroot', 'missing-config'],
  },
  {
    rule: 'different-output',
    first: [],
    fires: ['ls-root', 'uts-hostname', 'pidns-echo-pid'],
    silent: ['static-bare-busybox', 'sample:hello-world', 'optional-config'],
  },
  {
    rule: 'different-directory-entries',
    first: ['ls-root'],
    silent: ['pidns-echo-pid', 'sample:hello-world', 'missing-config'],
  },
  {
    rule: 'different-files-read',
    first: ['optional-config'],
    silent: ['sample:hello-world', 'static-bare-busybox', 'pidns-echo-pid'],
  },
  {
    rule: 'same-behaviour',
    first: ['sample:hello-world', 'static-bare-busybox', 'sample:pipeline', 'sample:threads'],
    silent: ['ls-root', 'missing-config', 'perl-locale'],
  },
];

function detect(rule: DiagnosisRuleId, ref: string) {
  const impl = DIAGNOSIS_RULE_LIST.find((r) => r.id === rule);
  if (!impl) throw new Error(`no rule ${rule}`);
  return impl.detect(loadPair(ref).context);
}

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
