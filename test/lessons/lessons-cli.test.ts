import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../parsers/lessons/index.js';
import { runCli } from '../cli/run-cli.js';
import { SAMPLES } from './sample-traces.js';
import { makeTempDir } from '../temp-dir.js';

describe('spelunk lessons', () => {
  it('lists every lesson with its sample and step count', async () => {
    const r = await runCli(['lessons']);
    expect(r.exitCode).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(LESSONS.length);
    expect(rows[0]).toMatch(
      /^ 1\. hello-process +\[loader\] +How a program becomes a process +\(hello-world, 8 steps\)$/,
    );
    expect(rows[2]).toContain('bare-chroot-enoent');
  });

  it('lists as JSON', async () => {
    const r = await runCli(['lessons', '--json']);
    const list = JSON.parse(r.stdout) as { id: string; sample: string; steps: number }[];
    expect(list.map((l) => l.id)).toEqual(LESSONS.map((l) => l.id));
    expect(list.find((l) => l.id === 'seccomp-deny')).toMatchObject({ sample: 'seccomp-deny', steps: 5 });
  });

  it('prints a lesson with the lines its steps resolve to now', async () => {
    const r = await runCli(['lessons', 'bare-chroot-enoent']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Step 3 of 5: execve fails with ENOENT$/m);
    // The failing execve, shown with its run and current line number, and the host's successful one to compare.
    expect(r.stdout).toMatch(/^ {4}chroot:\d+ .*execve\("\/tmp\/spelunk-samples\/bin\/hello".* = -1 ENOENT/m);
    expect(r.stdout).toMatch(/^ {4}host:1 .*execve\("\/tmp\/spelunk-samples\/bin\/hello".* = 0/m);
  });

  it('gives every step its events in --json, for every lesson', async () => {
    for (const lesson of LESSONS) {
      const r = await runCli(['lessons', lesson.id, '--json']);
      expect(r.exitCode, lesson.id).toBe(0);
      const json = JSON.parse(r.stdout) as {
        steps: { run: string; events: { line: number; name: string }[]; unmatched: string[] }[];
      };
      expect(json.steps).toHaveLength(lesson.steps.length);
      for (const step of json.steps) {
        expect(step.events.length).toBeGreaterThan(0);
        expect(step.unmatched).toEqual([]);
      }
    }
  }, 60_000);

  it('prints each check with what the trace shows, and exits 0 when all hold', async () => {
    const r = await runCli(['lessons', 'bind-mount']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /^ {2}✓ the first call passes MS_RDONLY\|MS_BIND — chroot:\d+ MS_RDONLY\|MS_BIND$/m,
    );
    const json = JSON.parse((await runCli(['lessons', 'bind-mount', '--json'])).stdout) as {
      steps: { checks: { claim: string; ok: boolean; detail: string }[] }[];
    };
    expect(json.steps[1]?.checks).toContainEqual({
      claim: 'the second remounts it read-only',
      ok: true,
      detail: expect.stringMatching(/MS_REMOUNT/),
    });
  });

  it('exits 1 naming the claim when a re-capture contradicts a check', async () => {
    // The bind mount re-captured with mount(MS_BIND) alone: selectors still match, the claim does not.
    const dir = makeTempDir('spelunk-lessons');
    mkdirSync(join(dir, 'bind-mount'));
    for (const run of ['host', 'chroot']) {
      const log = readFileSync(join(SAMPLES, 'bind-mount', `${run}.strace.log`), 'latin1');
      writeFileSync(
        join(dir, 'bind-mount', `${run}.strace.log`),
        log.replace('MS_RDONLY|MS_BIND, NULL) = 0', 'MS_BIND, NULL) = 0'),
        'latin1',
      );
    }
    writeFileSync(
      join(dir, 'index.json'),
      JSON.stringify({
        schemaVersion: 1,
        samples: [
          {
            id: 'bind-mount',
            runs: ['host', 'chroot'].map((label) => ({ label, log: `bind-mount/${label}.strace.log` })),
          },
        ],
      }),
    );
    const r = await runCli(['lessons', 'bind-mount', '--samples', dir]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(
      /^ {2}✗ the first call passes MS_RDONLY\|MS_BIND — chroot:\d+ MS_BIND lacks MS_RDONLY$/m,
    );
    expect(r.stderr).toMatch(
      /1 check\(s\) of lesson bind-mount do not hold on the current samples: the first call passes MS_RDONLY\|MS_BIND/,
    );
  });

  it('names the closest lessons for an unknown id', async () => {
    const r = await runCli(['lessons', 'seccomp']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^spelunk: unknown lesson "seccomp" \(closest: seccomp-deny/);
  });

  it('fails, naming the selector, when a sample no longer has the events a lesson points at', async () => {
    // A re-capture that lost the seccomp filter: the same program, but uname never fails.
    const dir = makeTempDir('spelunk-lessons');
    mkdirSync(join(dir, 'seccomp-deny'));
    writeFileSync(
      join(dir, 'seccomp-deny', 'host.strace.log'),
      [
        '100 1.000000 execve("/tmp/spelunk-samples/bin/seccomp-deny", ["seccomp-deny"], 0x7ffd /* 3 vars */) = 0 <0.000100>',
        '100 1.000200 uname({sysname="Linux", nodename="vm", ...}) = 0 <0.000005>',
        '100 1.000300 exit_group(0) = ?',
        '100 1.000400 +++ exited with 0 +++',
      ].join('\n') + '\n',
    );
    writeFileSync(
      join(dir, 'index.json'),
      JSON.stringify({
        schemaVersion: 1,
        samples: [{ id: 'seccomp-deny', runs: [{ label: 'host', log: 'seccomp-deny/host.strace.log' }] }],
      }),
    );
    const r = await runCli(['lessons', 'seccomp-deny', '--samples', dir]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('! no event matches: syscall=uname errno=EPERM');
    expect(r.stderr).toMatch(/selector\(s\) of lesson seccomp-deny match nothing/);
  });
});
