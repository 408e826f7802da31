import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Imported while a test file is collected, so this hook belongs to that file: its directories go when
// its tests are done, passed or failed, instead of piling up in /tmp run after run. A browser's profile
// can still be written for a moment after it closed: removal retries, and a directory that still will
// not go is left for the system's temp cleaning rather than failing the tests. Benchmarks import the e2e
// harness outside vitest (bench/ui-bench.ts), where there is no test file to hook: their directories go
// when the process exits.
function removeMade(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // left in the temp dir, see above
    }
  }
}
if (process.env.VITEST) afterAll(removeMade);
else process.on('exit', removeMade);

/** A fresh directory under the system's temp dir, removed after the test file that made it. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  made.push(dir);
  return dir;
}
