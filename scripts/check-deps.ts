/**
 * The layering rule, checked: parsers/ imports nothing of collector/ or app/ and no Node, DOM or UI
 * library (it runs in a Web Worker and in Node); collector/ and app/ never import each other.
 * Run: `npm run check:deps` (the test suite runs it too). Prints each wrong arrow; exits 1 if any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

interface Rule {
  folder: string;
  /** Import specifiers (or resolved folders) this folder must not use. */
  forbidden: RegExp[];
  why: string;
}

const RULES: Rule[] = [
  {
    folder: 'parsers',
    forbidden: [/^node:/, /^(fs|path|os|child_process|execa|react|react-dom|zustand)$/, /^d3-/, /^(collector|app)\//],
    why: 'parsers/ is pure: no Node, DOM or UI, and nothing of collector/ or app/',
  },
  { folder: 'collector', forbidden: [/^app\//], why: 'collector/ never imports app/' },
  { folder: 'app', forbidden: [/^collector\//], why: 'app/ never imports collector/' },
  // the build config (app/vite.config.ts and its plugins) runs in Node; the app itself runs in the browser
  { folder: 'app/src', forbidden: [/^node:/, /^(fs|path|os|child_process|execa)$/], why: 'the app runs in the browser: no Node' },
];

/** Accepted exceptions, by file: none so far. */
const ALLOWED = new Set<string>([]);

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const n of readdirSync(dir)) {
    if (n === 'node_modules' || n === 'dist') continue;
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (/\.(ts|tsx)$/.test(n) && !/\.test\.tsx?$/.test(n)) out.push(p);
  }
  return out;
}

export function findLayeringViolations(): string[] {
  const problems: string[] = [];
  for (const rule of RULES) {
    let files: string[];
    try {
      files = walk(join(ROOT, rule.folder));
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = relative(ROOT, file);
      if (ALLOWED.has(rel)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = (m[1] ?? m[2]) as string;
        const target = spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : spec;
        if (rule.forbidden.some((r) => r.test(target))) problems.push(`${rel}: imports ${spec} (${rule.why})`);
      }
      // code only: prose in comments ("fits in a window.") is not a use of the DOM
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      if (rule.folder === 'parsers' && /\b(window|document)\.[a-zA-Z]/.test(code)) problems.push(`${rel}: uses the DOM (${rule.why})`);
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const problems = findLayeringViolations();
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
  console.log('layering: ok');
}
