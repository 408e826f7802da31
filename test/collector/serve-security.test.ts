import { execa } from 'execa';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServePlan, createServeHandler } from '../../collector/commands/serve-command.js';

const LOG = 'execve("/bin/true", ["true"], 0x7ffd /* 9 vars */) = 0\nexit_group(0) = ?\n';
/** What must never come out of the server: the content of a file outside what it was given. */
const SECRET = 'root:$y$j9T$not-a-real-hash:19000:0:99999:7:::';

const made: string[] = [];
function dir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A session directory as `spelunk collect` writes it, plus a secret beside it and a dist of the app. */
function makeSession(runs: { label: string; log: string }[]): { session: string; secret: string } {
  const root = dir('spelunk-serve-sec-');
  const session = join(root, 'session');
  mkdirSync(session);
  writeFileSync(join(session, 'host.strace.log'), LOG);
  writeFileSync(join(session, 'chroot.strace.log'), LOG);
  const secret = join(root, 'shadow');
  writeFileSync(secret, SECRET);
  writeFileSync(join(session, 'session.json'), JSON.stringify({ program: { given: 'true' }, runs }));
  return { session, secret };
}

function makeDist(): string {
  const dist = dir('spelunk-serve-dist-');
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dist, 'assets', 'a.js'), 'console.log(1)');
  return dist;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return (server.address() as AddressInfo).port;
}

/** One request with exactly these headers (Host included: node sets none of its own). */
function get(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, setHost: false }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** Bytes on a socket, whatever they are; resolves with all the server wrote back before closing. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (out += d));
    socket.on('close', () => ok(out));
    socket.on('error', () => ok(out));
    socket.setTimeout(5000, () => socket.destroy());
    socket.end(bytes, 'latin1');
  });
}

describe('serve answers only its own Host names (no DNS rebinding)', () => {
  const server = createServer();
  let port = 0;
  let logUrl = '';
  beforeAll(async () => {
    const { session } = makeSession([{ label: 'host', log: 'host.strace.log' }]);
    const plan = buildServePlan([session]);
    server.on('request', createServeHandler(plan, makeDist()));
    port = await listen(server);
    logUrl = `/${plan.traces[0]!.runs[0]!.urls[0]}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('serves the log to 127.0.0.1:PORT and localhost:PORT, refuses every other Host', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`])
      expect(await get(port, logUrl, { host })).toEqual({ status: 200, body: LOG });
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      'localhost',
      `localhost.:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `[::1]:${port}`,
      `0.0.0.0:${port}`,
      '',
    ]) {
      for (const path of [logUrl, '/api/traces.json', '/']) {
        const r = await get(port, path, { host });
        expect(r.status, `${host} ${path}`).toBe(403);
        expect(r.body).not.toContain('execve');
      }
    }
    // HTTP/1.0 without a Host header at all
    expect(await raw(port, `GET ${logUrl} HTTP/1.0\r\n\r\n`)).toMatch(/^HTTP\/1\.1 403 /);
  });
});

describe('serve sends only files inside the session directory', () => {
  it('a run whose log climbs out of the session, or is a symlink out of it, is not served', async () => {
    const { session, secret } = makeSession([
      { label: 'host', log: 'host.strace.log' },
      { label: 'chroot', log: '../shadow' },
      { label: 'etc', log: '../../../../../../../../../../etc/shadow' },
      { label: 'absolute', log: '/etc/shadow' },
      { label: 'link', log: 'link.strace.log' },
      { label: 'gone', log: 'gone.strace.log' },
    ]);
    symlinkSync(secret, join(session, 'link.strace.log'));
    const plan = buildServePlan([session]);
    expect(plan.traces[0]!.runs.map((r) => r.label)).toEqual(['host']);
    expect([...plan.files.values()].some((f) => f.includes('shadow') || f.includes('link'))).toBe(false);
    expect(plan.files.size).toBe(1);
    // each run left out is said, naming the manifest, the run and why
    const manifest = join(session, 'session.json');
    expect(plan.left).toEqual([
      `${manifest}: run "chroot" names "../shadow", which is outside the session directory: not served`,
      `${manifest}: run "etc" names "../../../../../../../../../../etc/shadow", which is outside the session directory: not served`,
      // a log's path is read from the session directory, absolute or not
      `${manifest}: run "absolute" names "/etc/shadow", which does not exist: not served`,
      `${manifest}: run "link" names "link.strace.log", which is outside the session directory: not served`,
      `${manifest}: run "gone" names "gone.strace.log", which does not exist: not served`,
    ]);
  });

  it('a log replaced by a symlink out of the session after serve started is refused (403)', async () => {
    const { session, secret } = makeSession([{ label: 'host', log: 'host.strace.log' }]);
    const plan = buildServePlan([session]);
    const server = createServer(createServeHandler(plan, makeDist()));
    const port = await listen(server);
    const url = `/${plan.traces[0]!.runs[0]!.urls[0]}`;
    const host = { host: `127.0.0.1:${port}` };
    expect((await get(port, url, host)).status).toBe(200);
    rmSync(join(session, 'host.strace.log'));
    symlinkSync(secret, join(session, 'host.strace.log'));
    const r = await get(port, url, host);
    expect(r.status).toBe(403);
    expect(r.body).not.toContain(SECRET);
    await new Promise<void>((ok) => server.close(() => ok()));
  });

  it('an -ff folder: a member that is a symlink out of it is left out', () => {
    const ff = dir('spelunk-serve-ff-');
    writeFileSync(join(ff, 'trace.101'), LOG);
    const outside = join(dir('spelunk-serve-out-'), 'shadow');
    writeFileSync(outside, SECRET);
    symlinkSync(outside, join(ff, 'trace.102'));
    const plan = buildServePlan([ff]);
    expect([...plan.files.values()].map((f) => f.slice(ff.length))).toEqual(['/trace.101']);
  });
});

describe('a served file that changes under the server is an error status, and the server goes on', () => {
  const server = createServer();
  let port = 0;
  let session = '';
  let url = '';
  const host = (): Record<string, string> => ({ host: `127.0.0.1:${port}` });
  beforeAll(async () => {
    session = makeSession([{ label: 'host', log: 'host.strace.log' }]).session;
    const plan = buildServePlan([session]);
    server.on('request', createServeHandler(plan, makeDist()));
    port = await listen(server);
    url = `/${plan.traces[0]!.runs[0]!.urls[0]}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const stillServing = async (): Promise<void> =>
    expect((await get(port, '/api/traces.json', host())).status).toBe(200);

  it('deleted: 404', async () => {
    rmSync(join(session, 'host.strace.log'));
    expect((await get(port, url, host())).status).toBe(404);
    expect((await get(port, url, host(), 'HEAD')).status).toBe(404);
    await stillServing();
  });

  it('replaced by a directory: 404', async () => {
    mkdirSync(join(session, 'host.strace.log'), { recursive: true });
    expect((await get(port, url, host())).status).toBe(404);
    await stillServing();
    rmSync(join(session, 'host.strace.log'), { recursive: true });
  });

  it('replaced by a FIFO (whose open would wait for a writer forever): 404, at once', async () => {
    await execa('mkfifo', [join(session, 'host.strace.log')]);
    expect((await get(port, url, host())).status).toBe(404);
    await stillServing();
    rmSync(join(session, 'host.strace.log'));
  });

  it('back again: served', async () => {
    writeFileSync(join(session, 'host.strace.log'), LOG);
    expect(await get(port, url, host())).toEqual({ status: 200, body: LOG });
  });
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe.runIf(isRoot)('made unreadable (the server running as nobody, as a user would)', () => {
  it('answers 403, then serves on', async () => {
    const root = dir('spelunk-serve-nobody-');
    chmodSync(root, 0o755);
    const log = join(root, 'run.log');
    writeFileSync(log, LOG, { mode: 0o644 });
    const bin = new URL('../../bin/spelunk.js', import.meta.url).pathname;
    const child = execa(
      'setpriv',
      ['--reuid', '65534', '--regid', '65534', '--clear-groups', 'node', bin, 'serve', '--port', '0', log],
      { reject: false, env: { SPELUNK_APP_DIST: chmodTree(makeDist()) } },
    );
    try {
      const port = await new Promise<number>((ok, fail) => {
        let out = '';
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /^http:\/\/127\.0\.0\.1:(\d+)\/$/m.exec(out);
          if (m) ok(Number(m[1]));
        });
        void child.then((r) => fail(new Error(`serve ended: ${String(r.stderr)}`)));
      });
      const host = { host: `127.0.0.1:${port}` };
      const list = JSON.parse((await get(port, '/api/traces.json', host)).body) as {
        traces: { runs: { urls: string[] }[] }[];
      };
      const url = `/${list.traces[0]!.runs[0]!.urls[0]}`;
      expect((await get(port, url, host)).status).toBe(200);
      chmodSync(log, 0o000);
      expect((await get(port, url, host)).status).toBe(403);
      expect((await get(port, '/api/traces.json', host)).status).toBe(200);
    } finally {
      child.kill('SIGKILL');
      await child;
    }
  });
});

/** A dist folder nobody can read (mkdtemp makes 0700 folders). */
function chmodTree(d: string): string {
  chmodSync(d, 0o755);
  chmodSync(join(d, 'assets'), 0o755);
  return d;
}
