/**
 * `npm run bench`: every benchmark of the project, one after the other (they measure side by side
 * within themselves; running them in parallel would only add noise). Each prints its Markdown section
 * for BENCHMARKS.md.
 */
import { readFileSync } from 'node:fs';
import { execa } from 'execa';

const scripts = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
);
for (const name of ['bench:parse', 'bench:diff', 'bench:tracer', 'bench:ui']) {
  if (!scripts.includes(name)) continue;
  console.error(`\n== npm run ${name}`);
  await execa('npm', ['run', '--silent', name], { stdio: 'inherit' });
}
