import { existsSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import type { CaseRecipe } from './case-recipe.js';

/**
 * Values that differ between machines, put into a recipe's `{name}` placeholders at capture time:
 * `{hostAddress}` (this machine's first non-loopback IPv4 address), `{cgroup}` (a memory cgroup made
 * for the case, unique to this capture) and `{memoryLimitFile}` (its limit file, v1 or v2),
 * `{hostname}` (this machine's uname nodename), `{backgroundPid}` (set when the background process starts).
 */
export function captureVars(id: string): Record<string, string> {
  const vars: Record<string, string> = { hostname: hostname() };
  const address = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  if (address) vars.hostAddress = address;
  const memory = memoryCgroupRoot();
  if (memory) {
    vars.cgroup = `${memory.root}/spelunk-diag-${id}-${process.pid}`;
    vars.memoryLimitFile = memory.limitFile;
  }
  return vars;
}

/** Where a memory cgroup can be made: the v1 memory hierarchy, or a v2 hierarchy whose root delegates memory. */
function memoryCgroupRoot(): { root: string; limitFile: string } | null {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' '));
  const v1 = mounts.find((m) => m[2] === 'cgroup' && (m[3] ?? '').split(',').includes('memory'))?.[1];
  if (v1) return { root: v1, limitFile: 'memory.limit_in_bytes' };
  for (const m of mounts.filter((m) => m[2] === 'cgroup2')) {
    const root = m[1] as string;
    const control = `${root}/cgroup.subtree_control`;
    if (existsSync(control) && readFileSync(control, 'utf8').split(/\s+/).includes('memory'))
      return { root, limitFile: 'memory.max' };
  }
  return null;
}

/** The recipe with every known `{name}` replaced; an unknown placeholder is left as it is. */
export function fillRecipe(recipe: CaseRecipe, vars: Record<string, string>): CaseRecipe {
  const fill = (s: string): string => s.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
  const runs =
    recipe.runs.kind === 'collect'
      ? { ...recipe.runs, options: recipe.runs.options.map(fill), program: recipe.runs.program.map(fill) }
      : {
          ...recipe.runs,
          a: { ...recipe.runs.a, argv: recipe.runs.a.argv.map(fill) },
          b: { ...recipe.runs.b, argv: recipe.runs.b.argv.map(fill) },
        };
  return {
    ...recipe,
    setup: recipe.setup.map(fill),
    ...(recipe.teardown ? { teardown: recipe.teardown.map(fill) } : {}),
    runs,
  };
}
