/**
 * The layering rule, as an allowlist: each layer names the folders and the packages it may import, and
 * anything else is a wrong arrow. parsers/ is pure (one package, no Node built-in: it runs in a Web Worker
 * and in Node); collector/ is the Node CLI; app/src is the browser app; app/*.ts is its Vite build config.
 * Each layer's tsconfig.json keeps the other half of the rule: no DOM or Node types where they do not run
 * (parsers/ sees neither, so `document.title` or `process.env` there is a type error, not a review note).
 * Run: `npm run check:deps` (test/layering.test.ts runs it too). Prints each wrong arrow; exits 1 if any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Layer {
  /** The folder whose files this rule covers (not its subfolders named by another layer). */
  folder: string;
  /** Folders (from the root) its relative imports may reach. */
  folders: string[];
  /** Packages it may import, exactly as written (`react-dom/client`). */
  packages: string[];
  /** Whether it may import Node's built-ins (`node:fs`). */
  node: boolean;
  why: string;
}

export const LAYERS: Layer[] = [
  {
    folder: 'parsers',
    folders: ['parsers'],
    packages: ['diff-sequences'],
    node: false,
    why: 'parsers/ is pure: it runs in a Web Worker and in Node, and is the library users import',
  },
  {
    folder: 'collector',
    // package.json: its version, inlined by esbuild for --version (collector/command-table.ts)
    folders: ['collector', 'parsers', 'package.json'],
    packages: ['commander', 'execa', 'picocolors'],
    node: true,
    why: "collector/ is the CLI: parsers/ and the package's runtime dependencies (and package.json's version), never app/",
  },
  {
    folder: 'app/src',
    folders: ['app/src', 'parsers'],
    packages: [
      'react',
      'react-dom/client',
      'zustand',
      'zustand/vanilla',
      'd3-brush',
      'd3-scale',
      'd3-selection',
      'd3-zoom',
    ],
    node: false,
    why: 'app/src runs in the browser: parsers/ and the libraries Vite bundles, never collector/ or Node',
  },
  {
    folder: 'app',
    folders: ['app'],
    packages: ['vite', '@vitejs/plugin-react', '@tailwindcss/vite'],
    node: true,
    why: "app/*.ts is the app's Vite build config",
  },
];

/** Files that may break their layer's rule, each with the reason: none so far. */
const EXCEPTIONS = new Map<string, string>([]);

function walk(dir: string, skip: Set<string>): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || skip.has(path)) continue;
    if (statSync(path).isDirectory()) out.push(...walk(path, skip));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports or re-exports, statically or with import(). */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1] as string);
  return specs;
}

/** The wrong arrows, one line each: `file: imports X (why)`. `root` is the tree to check (tests). */
export function findLayeringViolations(root = ROOT): string[] {
  const problems: string[] = [];
  for (const layer of LAYERS) {
    // a subfolder with a layer of its own (app/src inside app) is that layer's
    const skip = new Set(
      LAYERS.filter((l) => l.folder.startsWith(layer.folder + '/')).map((l) => join(root, l.folder)),
    );
    let files: string[];
    try {
      files = walk(join(root, layer.folder), skip);
    } catch {
      continue; // a tree without this layer
    }
    for (const file of files) {
      const rel = relative(root, file);
      if (EXCEPTIONS.has(rel)) continue;
      const text = readFileSync(file, 'utf8');
      for (const spec of importsOf(text)) {
        if (!isAllowed(root, layer, file, spec)) problems.push(`${rel}: imports ${spec} (${layer.why})`);
      }
    }
  }
  return problems;
}

function isAllowed(root: string, layer: Layer, file: string, spec: string): boolean {
  if (spec.startsWith('.')) {
    const target = relative(root, resolve(dirname(file), spec.replace(/\?.*$/, '')));
    return layer.folders.some((f) => target === f || target.startsWith(f + sep));
  }
  if (spec.startsWith('node:')) return layer.node;
  return layer.packages.includes(spec);
}

/** The packages the CLI and the library import at run time: what `dependencies` must list. */
export function runtimePackages(): string[] {
  const names = LAYERS.filter((l) => l.folder === 'parsers' || l.folder === 'collector').flatMap(
    (l) => l.packages,
  );
  const packageOf = (spec: string) =>
    spec
      .split('/')
      .slice(0, spec.startsWith('@') ? 2 : 1)
      .join('/');
  return [...new Set(names.map(packageOf))].sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = findLayeringViolations();
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
  console.log('layering: ok');
}
