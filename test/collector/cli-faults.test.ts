import { execa } from 'execa';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRoot, tempDir } from './helpers.js';

const BIN = new URL('../../bin/spelunk.js', import.meta.url).pathname;
const spelunk = (args: string[]) => execa('node', [BIN, ...args], { reject: false, stdin: 'ignore' });

/** The CLI as a user meets it: one clear line (and a hint), a non-zero exit code, nothing left behind. */
describe.runIf(isRoot)('spelunk collect / rootfs on the command line', () => {
  it('program not found: exit 4, one line saying what and how to fix', async () => {
    const r = await spelunk(['collect', '--out', tempDir('/tmp/spelunk-cli-'), '--', '/no/such/prog']);
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toMatch(
      /^spelunk: program not found: \/no\/such\/prog does not exist\n {2}Check the path/m,
    );
  });

  it('not root: exit 3 and how to fix it', async () => {
    // setpriv (util-linux) drops to nobody for this one command.
    const r = await execa(
      'setpriv',
      ['--reuid', '65534', '--regid', '65534', '--clear-groups', 'node', BIN, 'collect', '--', '/bin/true'],
      { reject: false },
    );
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(
      /spelunk: must run as root: chroot, containers, mounts and namespaces need root\n {2}Run it with sudo/,
    );
  });

  it('bad option values are usage errors (exit 2)', async () => {
    const r = await spelunk(['collect', '--unshare', 'net,bogus', '--', '/bin/true']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/spelunk: --unshare net,bogus: unknown namespace "bogus"/);
  });

  it('--out naming a file, or a path under one: exit 2, one line naming the path, no stack', async () => {
    const file = join(tempDir('/tmp/spelunk-cli-'), 'notes.txt');
    writeFileSync(file, 'not a directory\n');
    const onFile = await spelunk(['collect', '--runs', 'host', '--out', file, '--', '/bin/true']);
    expect(onFile.exitCode).toBe(2);
    expect(onFile.stderr).toContain(
      `\nspelunk: --out ${file}: is a file, not a directory\n  Name a new or existing directory for the session, e.g. --out sessions/my-run.`,
    );
    const under = await spelunk(['collect', '--runs', 'host', '--out', `${file}/s/1`, '--', '/bin/true']);
    expect(under.exitCode).toBe(2);
    expect(under.stderr).toContain(
      `\nspelunk: --out ${file}/s/1: is under ${file}, which is a file, not a directory\n  Name a`,
    );
    for (const r of [onFile, under]) {
      expect(r.stderr).not.toMatch(/unexpected failure|\n\s+at /);
      expect(r.stderr.split('\n')).toHaveLength(3); // the progress line, the fault and its hint
    }
    expect(readFileSync(file, 'utf8')).toBe('not a directory\n');
  });

  it('Ctrl-C: stops the program, keeps the partial session marked incomplete, exits 130', async () => {
    const out = join(tempDir('/tmp/spelunk-cli-'), 's');
    const child = execa(
      'node',
      [BIN, 'collect', '--runs', 'host', '--out', out, '--', '/bin/sleep', '27.1828'],
      { reject: false },
    );
    await waitFor(
      () =>
        existsSync(join(out, 'host.strace.log')) &&
        readFileSync(join(out, 'host.strace.log'), 'latin1').includes('nanosleep'),
    );
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toMatch(/spelunk: interrupted \(Ctrl-C\)/);
    const manifest = JSON.parse(readFileSync(join(out, 'session.json'), 'utf8'));
    expect(manifest.complete).toBe(false);
    expect(manifest.runs[0]).toMatchObject({
      label: 'host',
      incomplete: true,
      incompleteReason: 'interrupted',
    });
    expect(readFileSync(join(out, 'host.strace.log'), 'latin1')).toMatch(/killed by SIGKILL/);
    expect(processesWith('27.1828')).toEqual([]);
  });

  it('tracer killed: the log so far is kept, the run marked incomplete, exit 5', async () => {
    const out = join(tempDir('/tmp/spelunk-cli-'), 's');
    const child = execa(
      'node',
      [BIN, 'collect', '--runs', 'host', '--out', out, '--', '/bin/sleep', '16.1803'],
      { reject: false },
    );
    await waitFor(() => processesWith('16.1803').length >= 2); // strace and sleep
    const strace = processesWith('16.1803').find((p) =>
      readFileSync(`/proc/${p}/cmdline`, 'latin1').startsWith('/usr/bin/strace'),
    );
    expect(strace).toBeDefined();
    process.kill(strace as number, 'SIGKILL');
    const r = await child;
    expect(r.exitCode).toBe(5);
    expect(r.stderr).toMatch(/spelunk: strace died during the host run/);
    const manifest = JSON.parse(readFileSync(join(out, 'session.json'), 'utf8'));
    expect(manifest.runs[0]).toMatchObject({ incomplete: true, incompleteReason: 'tracer-killed' });
    expect(readFileSync(join(out, 'host.strace.log'), 'latin1')).toMatch(/execve\("\/bin\/sleep"/);
    expect(processesWith('16.1803')).toEqual([]); // the orphaned sleep was killed too
  });

  it('rootfs: builds the tree and prints what it copied', async () => {
    const dir = join(tempDir('/tmp/spelunk-cli-'), 'root fs');
    const r = await spelunk(['rootfs', '/bin/true', dir]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^file {5}\/usr\/bin\/true {2}\(.* from \/usr\/bin\/true\)$/m);
    expect(r.stdout).toMatch(/^symlink {2}\/bin -> usr\/bin$/m);
    expect(r.stdout).toMatch(/libc\.so\.6/);
    const run = await execa('chroot', [dir, '/bin/true'], { reject: false });
    expect(run.exitCode).toBe(0);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function processesWith(marker: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'latin1');
      if (cmd.includes(marker) && !cmd.includes('spelunk.js')) out.push(Number(name));
    } catch {
      // gone
    }
  }
  return out;
}
