import { readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { isOwnHost } from './own-host.js';
import { openServedFile } from './served-file.js';

/** What the handler may send: the catalogue and the exact files behind their URLs (see buildServePlan). */
export interface ServeFiles {
  traces: unknown[];
  /** URL path (without the leading slash) to absolute file path. Nothing outside this map is served. */
  files: Map<string, string>;
  /** URL path to the folder its file must resolve inside (a session's files, samples, an -ff folder). */
  roots?: Map<string, string>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'";
/** On every answer: no type sniffing, and no other site may load our responses, even opaquely. */
const ALWAYS = { 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' };

/** Every file under app/dist, by URL path: the only static files served. A stack, no recursion. */
function listDist(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const stack: [string, string][] = [[dir, '']];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [d, prefix] = top;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) stack.push([join(d, entry.name), `${prefix}${entry.name}/`]);
      else out.set(prefix + entry.name, join(d, entry.name));
    }
  }
  return out;
}

/**
 * The request handler of `spelunk serve`. It answers only requests addressed to its own names
 * (127.0.0.1 or localhost, with its port: see own-host.ts), only GET and HEAD, only the catalogue, the
 * app's files and the planned trace files; a trace file that changed since (deleted, a directory now,
 * unreadable, moved out of its folder) is an error status, and the server goes on.
 */
export function createServeHandler(plan: ServeFiles, distDir: string) {
  const dist = listDist(distDir);
  const catalog = JSON.stringify({ traces: plan.traces });
  return (req: IncomingMessage, res: ServerResponse): void => {
    answer(req, res).catch(() => {
      // Whatever failed, the answer is an error, and the server stays up.
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  };

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isOwnHost(req.headers.host, req.socket.localPort ?? -1))
      return send(res, 403, 'unknown Host: open the address spelunk serve printed');
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    } catch {
      return send(res, 400, 'bad request');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    const head = req.method === 'HEAD';
    if (path === 'api/traces.json') return send(res, 200, catalog, TYPES['.json'], head);
    const encoded = path.startsWith('api/files/')
      ? path.replace(/[^/]+$/, (n) => encodeURIComponent(n))
      : path;
    const traceFile = plan.files.get(encoded);
    const file = traceFile ?? dist.get(path === '' ? 'index.html' : path);
    if (!file) return send(res, 404, 'not found');
    const opened = await openServedFile(file, traceFile ? plan.roots?.get(encoded) : undefined);
    if (!opened.ok) return send(res, opened.status, `${path}: ${opened.reason}`);
    const type = traceFile
      ? 'text/plain; charset=latin1'
      : (TYPES[extname(file)] ?? 'application/octet-stream');
    const headers: Record<string, string | number> = {
      ...ALWAYS,
      'content-type': type,
      'content-length': opened.size,
    };
    if (type.startsWith('text/html')) headers['content-security-policy'] = CSP;
    if (!traceFile && path.startsWith('assets/'))
      headers['cache-control'] = 'public, max-age=31536000, immutable';
    if (head) {
      await opened.handle.close();
      res.writeHead(200, headers);
      return void res.end();
    }
    // The length sent is the size at open; a file cut meanwhile ends the connection early, never the server.
    const stream = opened.handle.createReadStream({ end: Math.max(0, opened.size - 1) });
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    res.writeHead(200, headers);
    if (opened.size === 0) {
      stream.destroy();
      return void res.end();
    }
    stream.pipe(res);
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain', head = false): void {
  res.writeHead(status, { ...ALWAYS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}
