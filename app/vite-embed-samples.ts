import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes the bundled samples (samples/index.json and the logs it lists) into the build as `samples/`, each
 * as `<file>.js`, a classic script that stores its text in `window.__spelunkData`: a page opened from disk
 * may not fetch, but it may load a script from its own folder, and a static host serves the same scripts
 * (app/src/load/bundled-data.ts reads them); one copy each, not a raw file beside it. The dev server
 * answers the same paths. Samples are produced by another part of the project and may be absent: then the
 * app simply offers none.
 */
export function embedSamples(samplesDir: string): Plugin {
  return {
    name: 'spelunk-embed-samples',
    configureServer(server) {
      server.middlewares.use('/samples/', (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '');
        if (!rel.endsWith('.js')) {
          next();
          return;
        }
        const file = normalize(join(samplesDir, rel.slice(0, -'.js'.length)));
        if (relative(samplesDir, file).startsWith('..') || !existsSync(file) || !statSync(file).isFile()) {
          next();
          return;
        }
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.end(
          formatDataScript(`samples/${relative(samplesDir, file).split(sep).join('/')}`, readFileSync(file)),
        );
      });
    },
    generateBundle() {
      const indexPath = join(samplesDir, 'index.json');
      if (!existsSync(indexPath)) return;
      const text = readFileSync(indexPath, 'utf8');
      const emit = (name: string, bytes: Buffer): void => {
        this.emitFile({ type: 'asset', fileName: `${name}.js`, source: formatDataScript(name, bytes) });
      };
      emit('samples/index.json', Buffer.from(text, 'utf8'));
      for (const log of listSampleLogs(text)) {
        const file = normalize(join(samplesDir, log));
        if (relative(samplesDir, file).split(sep)[0] === '..' || !existsSync(file)) continue;
        emit(`samples/${log}`, readFileSync(file));
      }
    },
  };
}

/** The log paths named by samples/index.json ({ id, title, teaches, runs: [{ label, log }] }[]). */
function listSampleLogs(indexText: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(indexText);
  } catch {
    return [];
  }
  const entries = Array.isArray(parsed) ? parsed : (parsed as { samples?: unknown })?.samples;
  if (!Array.isArray(entries)) return [];
  const logs: string[] = [];
  for (const entry of entries) {
    const runs = (entry as { runs?: unknown })?.runs;
    if (!Array.isArray(runs)) continue;
    for (const run of runs) {
      const log = (run as { log?: unknown })?.log;
      if (typeof log === 'string') logs.push(log);
      const logs2 = (run as { logs?: unknown })?.logs;
      if (Array.isArray(logs2)) for (const l of logs2) if (typeof l === 'string') logs.push(l);
    }
  }
  return logs;
}

/**
 * A script that stores a file's text under its path. Logs are bytes: they are read as latin1, one
 * character per byte, as the parser reads them; JSON.stringify escapes what a string literal needs.
 */
function formatDataScript(path: string, bytes: Buffer): string {
  const text = path.endsWith('.json') ? bytes.toString('utf8') : bytes.toString('latin1');
  return `(window.__spelunkData = window.__spelunkData || {})[${JSON.stringify(path)}] = ${JSON.stringify(text)};\n`;
}
