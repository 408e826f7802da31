import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServePlan, createServeHandler, groupFfSets } from '../../collector/commands/serve-command.js';
import { CORPUS } from '../corpus-path.js';
import { makeTempDir } from '../temp-dir.js';

describe('buildServePlan', () => {
  it('serves each log as a trace, an -ff set as one run, a session directory as its runs', () => {
    const session = makeTempDir('spelunk-session');
    writeFileSync(join(session, 'host.strace'), 'x');
    writeFileSync(join(session, 'chroot.strace'), 'y');
    writeFileSync(
      join(session, 'session.json'),
      JSON.stringify({
        program: { given: 'foo' },
        runs: [
          { label: 'host', log: 'host.strace' },
          { label: 'chroot', log: 'chroot.strace' },
        ],
      }),
    );
    const plan = buildServePlan([
      `${CORPUS}/foo-host.log`,
      `${CORPUS}/ff/pipe.7721`,
      `${CORPUS}/ff/pipe.7722`,
      session,
    ]);
    expect(plan.traces.map((t) => t.runs.length)).toEqual([2, 1, 1]);
    const ff = plan.traces.find((t) => t.title.includes('-ff'))!;
    expect(ff.runs[0]!.urls).toHaveLength(2);
    expect(plan.traces[0]!.runs.map((r) => r.label)).toEqual(['host', 'chroot']);
    expect(plan.files.size).toBe(5);
  });

  it('groups prefix.PID files into sets by prefix, ordered by pid', () => {
    expect(groupFfSets(['/a/x.10', '/a/x.9', '/a/y.log', '/b/x.1'])).toEqual([
      ['/a/y.log'],
      ['/a/x.9', '/a/x.10'],
      ['/b/x.1'],
    ]);
  });

  it('tolerates a missing samples index', () => {
    const plan = buildServePlan([], makeTempDir('spelunk-nosamples'));
    expect(plan.traces).toEqual([]);
  });

  it('refuses inputs that do not exist', () => {
    expect(() => buildServePlan(['/nonexistent/file.log'])).toThrow(/No such file/);
  });
});

describe('the serve handler', () => {
  let base = '';
  const server = createServer();
  beforeAll(async () => {
    const dist = makeTempDir('spelunk-dist');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'assets', 'a.js'), 'console.log(1)');
    server.on('request', createServeHandler(buildServePlan([`${CORPUS}/foo-host.log`]), dist));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('serves the app with a content security policy, the catalogue and the given log', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const list = (await (await fetch(`${base}/api/traces.json`)).json()) as {
      traces: { runs: { urls: string[] }[] }[];
    };
    const url = list.traces[0]!.runs[0]!.urls[0]!;
    const log = await fetch(`${base}/${url}`);
    expect(log.status).toBe(200);
    expect(await log.text()).toContain('execve(');
    expect((await fetch(`${base}/assets/a.js`)).status).toBe(200);
  });

  it('serves nothing else: no other files, no path tricks', async () => {
    for (const path of [
      '/etc/passwd',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/api/files/1/x.log',
      '/api/files/0/other.log',
      '/app/dist/index.html',
      '/%E0%A4%A',
    ])
      expect([400, 404]).toContain((await fetch(`${base}${path}`)).status);
    expect((await fetch(`${base}/api/traces.json`, { method: 'POST' })).status).toBe(405);
  });
});
