/**
 * `npm run diagnosis:capture [ids...]`: regenerates the diagnosis suite's cases (test/diagnosis/cases/)
 * from their recipes (scripts/diagnosis/recipes/), as root. Each case: its fixed directory
 * /tmp/spelunk-diag-<id> is made afresh, the setup lines run, both runs are traced (`spelunk collect` or
 * plain strace), the teardown runs, and case.json and RECIPE.md are written from what the logs show.
 * Without ids every case is captured; `--list` prints the ids.
 */
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { join, resolve } from 'node:path';
import { CASES_DIR } from '../../test/diagnosis/load-cases.js';
import type { CaseRecipe } from './case-recipe.js';
import { BASE_ENV, caseDir } from './case-recipe.js';
import { captureWithCollect, captureWithStrace } from './capture-runs.js';
import { writeCase } from './case-writer.js';
import { captureVars, fillRecipe } from './capture-vars.js';
import { RECIPES } from './recipes/index.js';

async function captureCase(recipe: CaseRecipe): Promise<void> {
  const work = caseDir(recipe.id);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const folder = join(CASES_DIR, recipe.id);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let background: ResultPromise | null = null;
  let listener: Server | null = null;
  const vars = captureVars(recipe.id);
  try {
    if (recipe.listen) listener = await listen(recipe.listen);
    if (recipe.background) {
      background = execa(recipe.background[0] as string, recipe.background.slice(1), {
        stdio: 'ignore',
        reject: false,
      });
      vars.backgroundPid = String(await execed(background.pid, recipe.background[0] as string));
    }
    const filled = fillRecipe(recipe, vars);
    for (const line of filled.setup) await shell(line);
    const pair =
      filled.runs.kind === 'collect'
        ? await captureWithCollect(filled.runs, join(work, 'session'), folder)
        : await captureWithStrace(filled.runs, work, folder);
    writeCase(filled, pair, folder, filled.setup);
  } catch (e) {
    // Kept aside for a look, never left among the cases.
    rmSync(join(work, 'failed-capture'), { recursive: true, force: true });
    if (existsSync(folder)) renameSync(folder, join(work, 'failed-capture'));
    throw e;
  } finally {
    background?.kill('SIGKILL');
    listener?.close();
    for (const line of fillRecipe(recipe, vars).teardown ?? []) await shell(line).catch(() => undefined);
  }
}

async function shell(line: string): Promise<void> {
  const r = await execa('sh', ['-ec', line], { env: BASE_ENV, extendEnv: false, reject: false, all: true });
  if (r.exitCode !== 0) throw new Error(`setup failed (exit ${r.exitCode}): ${line}\n${r.all ?? ''}`);
}

function listen(port: number): Promise<Server> {
  return new Promise((resolveListen, reject) => {
    const server = createServer((socket) => socket.end());
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolveListen(server));
  });
}

/** Waits until the background process has exec'd its program (its comm is the program's name). */
async function execed(pid: number | undefined, program: string): Promise<number> {
  const name = program.split('/').pop()?.slice(0, 15) ?? '';
  for (let i = 0; i < 500; i++) {
    let comm = '';
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      // not started yet
    }
    if (pid !== undefined && comm === name) return pid;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`the background process ${program} never started`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--list')) {
    for (const r of RECIPES) console.log(`${r.id}\t${r.cause.rule}\t${r.title}`);
    return;
  }
  if (process.getuid?.() !== 0)
    throw new Error('npm run diagnosis:capture must run as root (chroot, namespaces, strace)');
  process.chdir(resolve(new URL('../..', import.meta.url).pathname));
  const unknown = args.filter((id) => !RECIPES.some((r) => r.id === id));
  if (unknown.length > 0)
    throw new Error(`no recipe named ${unknown.join(', ')} (npm run diagnosis:capture -- --list)`);
  const chosen = args.length > 0 ? RECIPES.filter((r) => args.includes(r.id)) : RECIPES;
  const failed: string[] = [];
  for (const recipe of chosen) {
    process.stderr.write(`${recipe.id} ... `);
    for (let attempt = 1; ; attempt++) {
      try {
        await captureCase(recipe);
        process.stderr.write('ok\n');
        break;
      } catch (e) {
        if (attempt < (recipe.attempts ?? 1)) continue;
        failed.push(recipe.id);
        process.stderr.write(`FAILED\n${e instanceof Error ? e.message : String(e)}\n`);
        break;
      }
    }
  }
  if (failed.length > 0) {
    process.stderr.write(`${failed.length} of ${chosen.length} cases failed: ${failed.join(' ')}\n`);
    process.exitCode = 1;
  }
}

await main();
