import type { Command } from 'commander';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { RunContext } from '../../parsers/analysis/diff/run-context.js';
import { readSessionContexts } from '../session/run-context.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { ownUrls } from '../serve/own-host.js';
import { createServeHandler as createHandler } from '../serve/serve-handler.js';
import { resolvesInside } from '../serve/served-file.js';
import { writeErrorLine } from '../write-out.js';

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
  /** URL path to the folder its file must resolve inside, symlinks followed, when it is served. */
  roots: Map<string, string>;
  /** What a session.json names and is not served, one line each, for serve to say (not silently drop). */
  left: string[];
}

/**
 * Decides what to serve, without touching the network: `inputs` are log files, -ff sets (files named
 * `prefix.PID`, grouped into one run), and session directories (their session.json lists the runs).
 * No inputs means the bundled samples (samples/index.json), which may be absent.
 */
export function buildServePlan(inputs: string[], samplesDir = SAMPLES_DIR): ServePlan {
  const files = new Map<string, string>();
  const roots = new Map<string, string>();
  // Files found in a folder (a session, an -ff set, the samples) must stay inside it: `root`.
  const addFile = (abs: string, root?: string): string => {
    const key = `api/files/${files.size}/${encodeURIComponent(basename(abs))}`;
    files.set(key, abs);
    if (root !== undefined) roots.set(key, root);
    return key;
  };
  const traces: ServedTrace[] = [];
  const left: string[] = [];
  if (!inputs.length) {
    for (const s of readSampleIndex(samplesDir)) {
      // A sample is a session directory: its session.json sits beside the logs.
      const contexts = s.runs[0] ? readSessionContexts(dirname(s.runs[0].logs[0]!)) : new Map();
      traces.push({
        ...s,
        runs: s.runs.map((r) =>
          withContext({ label: r.label, urls: r.logs.map((l) => addFile(l, samplesDir)) }, contexts),
        ),
      });
    }
    return { traces, files, roots, left };
  }
  const loose: string[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    if (!existsSync(abs)) throw new Error(`No such file or directory: ${input}`);
    if (statSync(abs).isDirectory()) traces.push(planDirectory(abs, addFile, left));
    else loose.push(abs);
  }
  for (const group of groupFfSets(loose)) {
    const name =
      group.length > 1
        ? `${basename(group[0]!).replace(/\.\d+$/, '')} (-ff, ${group.length} files)`
        : basename(group[0]!);
    traces.push({ id: name, title: name, runs: [{ label: 'log', urls: group.map((f) => addFile(f)) }] });
  }
  return { traces, files, roots, left };
}

function planDirectory(
  dir: string,
  addFile: (abs: string, root?: string) => string,
  left: string[],
): ServedTrace {
  const manifest = join(dir, 'session.json');
  const id = basename(dir);
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as {
      program?: { given?: string };
      runs?: { label?: string; log?: string }[];
    };
    // A run's log resolves inside the session, symlinks too: `"log": "../../../../etc/shadow"` is no run.
    const runs = (m.runs ?? []).flatMap((r) => {
      if (typeof r.log === 'string' && resolvesInside(dir, join(dir, r.log)))
        return [{ label: r.label ?? 'run', urls: [addFile(join(dir, r.log), dir)] }];
      const why =
        typeof r.log !== 'string'
          ? 'names no log'
          : existsSync(join(dir, r.log))
            ? `names ${JSON.stringify(r.log)}, which is outside the session directory`
            : `names ${JSON.stringify(r.log)}, which does not exist`;
      left.push(`${manifest}: run ${JSON.stringify(r.label ?? 'run')} ${why}: not served`);
      return [];
    });
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
      (f) =>
        (/\.\d+$/.test(f) || ['.log', '.txt', '.strace'].includes(extname(f))) &&
        resolvesInside(dir, f) &&
        statSync(f).isFile(),
    )
    .sort();
  return {
    id,
    title: id,
    runs: groupFfSets(logs).map((g) => ({
      label: basename(g[0]!).replace(/\.\d+$/, ''),
      urls: g.map((f) => addFile(f, dir)),
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
          .filter((l) => resolvesInside(samplesDir, l)),
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

/** The request handler for a plan, serving the app from `distDir` (app/dist by default). */
export function createServeHandler(plan: ServePlan, distDir = APP_DIST) {
  return createHandler(plan, distDir);
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
        const [url, alias] = ownUrls(port);
        process.stdout.write(`${url}\n`);
        for (const line of plan.left) writeErrorLine(`spelunk serve: ${line}`);
        writeErrorLine(
          `(also ${alias}; no other Host name is answered)\nserving ${plan.traces.length} trace(s): ${plan.traces.map((t) => t.title).join(', ') || 'none (upload one in the page)'}\nPress Ctrl+C to stop.`,
        );
      } catch (err) {
        writeErrorLine(`spelunk serve: ${(err as Error).message}`);
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
