import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds what users run, from the current sources, once before any test: dist/ (the compiled CLI and
 * library, which the CLI tests run through bin/spelunk.js) and app/dist (the app `spelunk serve` hosts and
 * the package ships). No test ever runs a stale build, and nobody has to build by hand first.
 */
export default async function setup(): Promise<void> {
  await execa('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  // the end-to-end harness then serves this build instead of making one per test file
  process.env.SPELUNK_SKIP_BUILD = '1';
}
