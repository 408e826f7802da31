import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSessionContexts } from '../../collector/session/run-context.js';
import { buildServePlan } from '../../collector/commands/serve-command.js';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const HELLO = SAMPLES + 'hello-bare-chroot';

describe.skipIf(!existsSync(HELLO + '/session.json'))('the run context read from session.json', () => {
  it('gives each run its exit code, stderr, trace filter, program and isolation', () => {
    const contexts = readSessionContexts(HELLO);
    expect([...contexts.keys()]).toEqual(['host', 'chroot']);
    const host = contexts.get('host');
    const chroot = contexts.get('chroot');
    expect(host).toMatchObject({
      label: 'host',
      exitCode: 0,
      traceFilter: null,
      stdoutText: 'hello, world\n',
    });
    expect(host?.isolation).toBeUndefined();
    expect(chroot).toMatchObject({ label: 'chroot', exitCode: 127, isolation: ['chroot'] });
    expect(chroot?.stderrText).toContain('failed to run command');
    expect(chroot?.program?.path).toBe('/tmp/spelunk-samples/bin/hello');
  });

  it('is served on each run of a session and of the samples (api/traces.json)', () => {
    const session = buildServePlan([HELLO]).traces[0];
    expect(session?.runs.map((r) => r.context?.exitCode)).toEqual([0, 127]);
    const sample = buildServePlan([], SAMPLES.replace(/\/$/, '')).traces.find(
      (t) => t.id === 'hello-bare-chroot',
    );
    expect(sample?.runs.map((r) => r.context?.label)).toEqual(['host', 'chroot']);
  });

  it('is empty for a directory without session.json', () => {
    expect(readSessionContexts(SAMPLES + 'src').size).toBe(0);
  });
});
