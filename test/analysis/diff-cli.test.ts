import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { TraceDiffJson } from '../../parsers/analysis/diff/index.js';
import { CORPUS } from './diff-helpers.js';
import { makeTempDir } from '../temp-dir.js';

const BIN = new URL('../../bin/spelunk.js', import.meta.url).pathname;

async function spelunk(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await execa('node', [BIN, ...args], { reject: false, env: { NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode ?? -1 };
}

describe('spelunk diff', () => {
  it('prints the JSON shape of the issue, counts adding up to each side', async () => {
    const r = await spelunk('diff', '--json', CORPUS + 'foo-host.log', CORPUS + 'foo-chroot-fails.log');
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as TraceDiffJson;
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['equal', 'changed', 'onlyA', 'onlyB', 'firstDivergence', 'findings', 'pairs']),
    );
    // foo-host.log has 36 syscalls, foo-chroot-fails.log 124.
    expect(json.equal + json.changed + json.onlyA).toBe(36);
    expect(json.equal + json.changed + json.onlyB).toBe(124);
    expect(json.pairs).toHaveLength(json.equal + json.changed + json.onlyA + json.onlyB);
    expect(json.pairs[0]).toEqual({ status: 'onlyB', b: 1 });
    expect(json.firstDivergence).toMatchObject({ status: 'changed', a: { line: 1 }, b: { line: 111 } });
    expect(json.findings.map((f) => f.kind)).toContain('failed-only');
  });

  it('reads an -ff set given as a quoted glob or a directory', async () => {
    const glob = await spelunk('diff', '--json', CORPUS + 'ff/pipe.*', CORPUS + 'ff');
    expect(glob.exitCode).toBe(0);
    const json = JSON.parse(glob.stdout) as TraceDiffJson;
    expect(json.changed + json.onlyA + json.onlyB).toBe(0);
    expect(json.pairs[0]).toMatchObject({ fileA: 'pipe.7721', fileB: 'pipe.7721', status: 'equal' });
  });

  it('compares the host and chroot runs of a session directory', async () => {
    const dir = makeTempDir('spelunk-session');
    copyFileSync(CORPUS + 'foo-host.log', join(dir, 'host.strace.log'));
    copyFileSync(CORPUS + 'foo-chroot-works.log', join(dir, 'chroot.strace.log'));
    writeFileSync(
      join(dir, 'session.json'),
      JSON.stringify({
        schemaVersion: 1,
        backend: 'strace',
        runs: [
          { label: 'host', log: 'host.strace.log' },
          { label: 'chroot', log: 'chroot.strace.log' },
        ],
      }),
    );
    const r = await spelunk('diff', dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('host: ');
    expect(r.stdout).toContain("chroot starts with the chroot program's own start-up");
    expect(r.stdout).not.toContain('\u001b['); // no colours when not on a terminal
  });

  it('says what is wrong with its input in one line', async () => {
    const r = await spelunk('diff', '/nonexistent/a.log', CORPUS + 'foo-host.log');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe('spelunk: /nonexistent/a.log: no such file');
  });
});
