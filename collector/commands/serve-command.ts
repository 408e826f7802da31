import type { Command } from 'commander';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import type { RunContext } from '../../parsers/analysis/diff/run-context.js';
import { readSessionContexts } from '../session/run-context.js';
import { PACKAGE_ROOT } from '../package-root.js';

// The app is built into app/dist by `npm run build` (and shipped there in the package); serve never
// builds it. SPELUNK_APP_DIST serves another build (end-to-end tests build into a folder of their own).
const APP_DIST = resolve(process.env.SPELUNK_APP_DIST ?? join(PACKAGE_ROOT, 'app', 'dist'));
// SPELUNK_SAMPLES_DIR points elsewhere (tests use it to serve a samples folder of their own).
const SAMPLES_DIR = resolve(process.env.SPELUNK_SAMPLES_DIR ?? join(PACKAGE_ROOT, 'samples'));

/** A trace the page can open: one or more runs, each one log or an -ff set. Same shape the app reads. */
export interface ServedTrace {
  id: string;
  title: string;
  teaches?: string;
  /** `context`: what session.json says about the run (exit status, stderr, trace filter), for the diagnosis. */
  runs: { label: string; urls: string[]; context?: RunContext }[];
}

/** What the server may send: the catalogue of traces and the exact files behind their URLs. */
export interface ServePlan {
  traces: ServedTrace[];
  /** URL path (without the leading slash) to absolute file path. Nothing outside this map is served. */
  files: Map<string, string>;
}

/**
 * Decides what to serve, without touching the network: `inputs` are log files, -ff sets (files named
 * `prefix.PID`, grouped into one run), and session directories (their session.json lists the runs).
 * No inputs means the bundled samples (samples/index.json), which may be absent.
 */
export function buildServePlan(inputs: string[], samplesDir = SAMPLES_DIR): ServePlan {
  const files = new Map<string, string>();
  const addFile = (abs: string): string => {
    const key = `api/files/${files.size}/${encodeURIComponent(basename(abs))}`;
    files.set(key, abs);
    return key;
  };
  const traces: ServedTrace[] = [];
  if (!inputs.length) {
    for (const s of readSampleIndex(samplesDir)) {
      // A sample is a session directory: its session.json sits beside the logs.
      const contexts = s.runs[0] ? readSessionContexts(dirname(s.runs[0].logs[0]!)) : new Map();
      traces.push({
        ...s,
        runs: s.runs.map((r) => withContext({ label: r.label, urls: r.logs.map(addFile) }, contexts)),
      });
    }
    return { traces, files };
  }
  const loose: string[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    if (!existsSync(abs)) throw new Error(`No such file or directory: ${input}`);
    if (statSync(abs).isDirectory()) traces.push(planDirectory(abs, addFile));
    else loose.push(abs);
  }
  for (const group of groupFfSets(loose)) {
    const name =
      group.length > 1
        ? `${basename(group[0]!).replace(/\.\d+$/, '')} (-ff, ${group.length} files)`
        : basename(group[0]!);
    traces.push({ id: name, title: name, runs: [{ label: 'log', urls: group.map(addFile) }] });
  }
  return { traces, files };
}

function planDirectory(dir: string, addFile: (abs: string) => string): ServedTrace {
  const manifest = join(dir, 'session.json');
  const id = basename(dir);
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as {
      program?: { given?: string };
      runs?: { label?: string; log?: string }[];
    };
    const runs = (m.runs ?? [])
      .filter(
        (r): r is { label: string; log: string } => typeof r.log === 'string' && existsSync(join(dir, r.log)),
      )
      .map((r) => ({ label: r.label ?? 'run', urls: [addFile(join(dir, r.log))] }));
    const contexts = readSessionContexts(dir);
    return {
      id,
      title: m.program?.given ? `${m.program.given} (${id})` : id,
      runs: runs.map((r) => withContext(r, contexts)),
    };
  }
  const logs = readdirSync(dir)
    .map((f) => join(dir, f))
    .filter(
      (f) => statSync(f).isFile() && (/\.\d+$/.test(f) || ['.log', '.txt', '.strace'].includes(extname(f))),
    )
    .sort();
  return {
    id,
    title: id,
    runs: groupFfSets(logs).map((g) => ({
      label: basename(g[0]!).replace(/\.\d+$/, ''),
      urls: g.map(addFile),
    })),
  };
}

function withContext(
  run: { label: string; urls: string[] },
  contexts: Map<string, RunContext>,
): ServedTrace['runs'][number] {
  const context = contexts.get(run.label);
  return context ? { ...run, context } : run;
}

/** Files named `prefix.PID` with a common prefix form one -ff set; every other file stands alone. */
export function groupFfSets(files: string[]): string[][] {
  const sets = new Map<string, string[]>();
  const out: string[][] = [];
  for (const f of files) {
    const m = /^(.*)\.(\d+)$/.exec(f);
    if (!m) out.push([f]);
    else sets.set(m[1]!, [...(sets.get(m[1]!) ?? []), f]);
  }
  for (const set of sets.values())
    out.push(set.sort((a, b) => Number(/\d+$/.exec(a)![0]) - Number(/\d+$/.exec(b)![0])));
  return out;
}

/** samples/index.json: [{ id, title, teaches, runs: [{ label, log }] }]; [] when absent or unreadable. */
function readSampleIndex(
  samplesDir: string,
): { id: string; title: string; teaches?: string; runs: { label: string; logs: string[] }[] }[] {
  const path = join(samplesDir, 'index.json');
  if (!existsSync(path)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
  const list = Array.isArray(parsed) ? parsed : ((parsed as { samples?: unknown[] })?.samples ?? []);
  const out: { id: string; title: string; teaches?: string; runs: { label: string; logs: string[] }[] }[] =
    [];
  for (const s of list as {
    id?: string;
    title?: string;
    teaches?: string;
    runs?: { label?: string; log?: string; logs?: string[] }[];
  }[]) {
    const runs = (s.runs ?? [])
      .map((r) => ({
        label: r.label ?? 'run',
        logs: [...(r.log ? [r.log] : []), ...(r.logs ?? [])]
          .map((l) => resolve(samplesDir, l))
          .filter((l) => l.startsWith(samplesDir + sep) && existsSync(l)),
      }))
      .filter((r) => r.logs.length);
    if (runs.length)
      out.push({
        id: s.id ?? `sample-${out.length + 1}`,
        title: s.title ?? s.id ?? 'sample',
        teaches: s.teaches,
        runs,
      });
  }
  return out;
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

/** Every file under app/dist, by URL path: the only static files served. */
function listDist(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) for (const [k, v] of listDist(join(dir, entry.name), `${rel}/`)) out.set(k, v);
    else out.set(rel, join(dir, entry.name));
  }
  return out;
}

export function createServeHandler(plan: ServePlan, distDir = APP_DIST) {
  const dist = listDist(distDir);
  const catalog = JSON.stringify({ traces: plan.traces });
  return (req: IncomingMessage, res: ServerResponse): void => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    } catch {
      return void send(res, 400, 'text/plain', 'bad request');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return void send(res, 405, 'text/plain', 'method not allowed');
    if (path === 'api/traces.json') return void send(res, 200, TYPES['.json']!, catalog, req.method);
    const encoded = path.startsWith('api/files/')
      ? path.replace(/[^/]+$/, (n) => encodeURIComponent(n))
      : path;
    const traceFile = plan.files.get(encoded);
    const file = traceFile ?? dist.get(path === '' ? 'index.html' : path);
    if (!file) return void send(res, 404, 'text/plain', 'not found');
    const type = traceFile
      ? 'text/plain; charset=latin1'
      : (TYPES[extname(file)] ?? 'application/octet-stream');
    const headers: Record<string, string | number> = {
      'content-type': type,
      'content-length': statSync(file).size,
      'x-content-type-options': 'nosniff',
    };
    if (type.startsWith('text/html')) headers['content-security-policy'] = CSP;
    if (!traceFile && path.startsWith('assets/'))
      headers['cache-control'] = 'public, max-age=31536000, immutable';
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  };
}

function send(res: ServerResponse, status: number, type: string, body: string, method = 'GET'): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
  });
  res.end(method === 'HEAD' ? undefined : body);
}

/** The package ships the built app; a clone builds it with `npm run build` (npm start does). */
function checkAppBuilt(): void {
  if (!existsSync(join(APP_DIST, 'index.html')))
    throw new Error(
      `the web app is not built (${join(APP_DIST, 'index.html')} is missing): run \`npm run build\``,
    );
}

/** `spelunk serve`: the built app and the given traces, on 127.0.0.1 only. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('open traces in the web app: serves the built app and the given logs on 127.0.0.1')
    .argument('[inputs...]', 'strace logs, -ff sets, or session directories (default: the bundled samples)')
    .option('-p, --port <n>', 'port (default: 5177, or a free one when that is taken)')
    .option('--samples', 'serve the bundled samples (the default when no inputs are given)')
    .action(async (inputs: string[], opts: { port?: string; samples?: boolean }) => {
      try {
        const plan = buildServePlan(opts.samples ? [] : inputs);
        checkAppBuilt();
        const server = createServer(createServeHandler(plan));
        const port = await listen(
          server,
          opts.port === undefined ? 5177 : Number(opts.port),
          opts.port === undefined,
        );
        process.stdout.write(`http://127.0.0.1:${port}/\n`);
        process.stderr.write(
          `serving ${plan.traces.length} trace(s): ${plan.traces.map((t) => t.title).join(', ') || 'none (upload one in the page)'}\nPress Ctrl+C to stop.\n`,
        );
      } catch (err) {
        process.stderr.write(`spelunk serve: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}

function listen(server: ReturnType<typeof createServer>, port: number, fallback: boolean): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (fallback && err.code === 'EADDRINUSE')
        server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
      else fail(err);
    });
    server.listen(port, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
  });
}
