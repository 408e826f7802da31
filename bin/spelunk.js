#!/usr/bin/env node
// The CLI, bundled: `npm run build` (run by `npm ci`, `npm start`, `npm test` and `npm pack`) writes dist/cli.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('spelunk: dist/ is missing: run `npm run build` in the repository first\n');
  process.exit(1);
}
await import(cli.href);
