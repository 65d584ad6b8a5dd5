/**
 * 1. Initial JS size: what the browser must download before the console shows
 * its first page's first row — the entry `<script type="module">` of
 * dist/index.html, its `<link rel="modulepreload">`s, every chunk they import
 * statically, and the chunks start-up itself `import()`s on every start (React,
 * Fluent and the shell; the first page's code, `/pools`), each with the chunks
 * they import statically; each gzipped (level 9) and summed. Other `import()`
 * chunks (other pages, dialogs, the CSV worker) are excluded and listed for
 * information. first-row.ts cross-checks the set against what the browser
 * fetched before the first row.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { metric, type BenchOutcome } from './lib/report.ts';
import { formatKb } from './lib/stats.ts';

const GOAL_KB = 250;

/**
 * The console's own start-up `import()` on every start, whatever the page (src/app/bootstrap.ts:
 * React, Fluent and the shell). Keys of Vite's manifest.
 */
export const SHELL_IMPORTS = ['src/app/render-app.tsx'] as const;
/** The first page's route (src/app/route-preload.ts), lazy like every page: `/pools` for the first-row benchmark. */
export const FIRST_PAGE_IMPORTS = ['src/app/routes/pools.tsx'] as const;
/** Everything before the first row of `/pools`: the shell and that page. */
export const START_UP_IMPORTS = [...SHELL_IMPORTS, ...FIRST_PAGE_IMPORTS] as const;

/** Static `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"` — never `import("./x.js")`. */
const STATIC_IMPORT_RE =
  /(?:^|[^\w$.])(?:import\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s*[\w$]+)?\s*(?:from\s*)?|export\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*)(["'])(\.{1,2}\/[^"'\n]+?)\1/g;

export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(STATIC_IMPORT_RE)) if (m[2]) out.push(m[2]);
  return out;
}

interface HtmlRefs {
  entries: string[];
  preloads: string[];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
}

export function htmlRefs(html: string): HtmlRefs {
  const entries: string[] = [];
  const preloads: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src && attr(tag, 'type')?.toLowerCase() === 'module') entries.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(tag, 'href');
    if (href && attr(tag, 'rel')?.toLowerCase() === 'modulepreload') preloads.push(href);
  }
  return { entries, preloads };
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

async function listJs(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.vite') out.push(...(await listJs(full)));
    } else if (entry.name.endsWith('.js') || entry.name.endsWith('.mjs')) out.push(full);
  }
  return out;
}

interface Manifest {
  [key: string]: { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };
}

async function readManifest(dist: string): Promise<Manifest | undefined> {
  const file = path.join(dist, '.vite', 'manifest.json');
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Manifest) : undefined;
}

/** The files of manifest `key` and every chunk it imports statically. */
function manifestClosure(dist: string, manifest: Manifest, key: string): Set<string> {
  const closure = new Set<string>();
  const visit = (k: string) => {
    const chunk = manifest[k];
    if (!chunk || closure.has(path.join(dist, chunk.file))) return;
    closure.add(path.join(dist, chunk.file));
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(key);
  return closure;
}

/** gzip -9 size of each file of dist/ in `files` (absolute paths or dist-relative URLs). */
export async function gzipSizes(dist: string, files: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const f of files) {
    const full = path.isAbsolute(f) && f.startsWith(dist) ? f : path.join(dist, f.replace(/^\//, ''));
    if (existsSync(full)) out.set(path.relative(dist, full), gzipSize(await readFile(full)));
  }
  return out;
}

/** Every JS file loaded before the first row of `/pools`, dist-relative: the entry's static closure plus `imports`' (default START_UP_IMPORTS). */
export async function initialJsFiles(dist: string, imports: readonly string[] = START_UP_IMPORTS): Promise<string[]> {
  const manifest = await readManifest(dist);
  if (!manifest) throw new Error('dist/.vite/manifest.json is missing: build with build.manifest (npm run bench builds so)');
  const files = new Set(manifestClosure(dist, manifest, 'index.html'));
  for (const key of imports) {
    if (!manifest[key]) throw new Error(`${key} is not in Vite's manifest: start-up's imports changed, update START_UP_IMPORTS in bench/initial-js.ts`);
    for (const f of manifestClosure(dist, manifest, key)) files.add(f);
  }
  return [...files].map((f) => path.relative(dist, f));
}

export async function benchInitialJs(dist: string): Promise<BenchOutcome> {
  const started = performance.now();
  const notes: string[] = [];
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const refs = htmlRefs(html);
  if (refs.entries.length === 0) throw new Error('dist/index.html has no <script type="module" src>');

  const toFile = (ref: string, from?: string) => {
    const clean = ref.split(/[?#]/)[0] ?? ref;
    return clean.startsWith('/') || !from ? path.join(dist, clean.replace(/^\//, '')) : path.resolve(path.dirname(from), clean);
  };

  const initial = new Map<string, number>();
  const queue = [...refs.entries, ...refs.preloads].map((r) => toFile(r));
  while (queue.length > 0) {
    const file = queue.shift();
    if (!file || initial.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${path.relative(dist, file)} is referenced but missing from dist/`);
    const bytes = await readFile(file);
    initial.set(file, gzipSize(bytes));
    for (const spec of staticImports(bytes.toString('utf8'))) queue.push(toFile(spec, file));
  }

  const manifest = await readManifest(dist);
  const fromManifest = manifest ? manifestClosure(dist, manifest, 'index.html') : undefined;
  if (fromManifest) {
    const missed = [...fromManifest].filter((f) => !initial.has(f));
    const extra = [...initial.keys()].filter((f) => !fromManifest.has(f));
    if (missed.length + extra.length > 0) {
      notes.push(
        `warning: the import walk and Vite's manifest disagree (walk missed ${missed.map((f) => path.basename(f)).join(', ') || 'none'}; ` +
          `walk added ${extra.map((f) => path.basename(f)).join(', ') || 'none'})`,
      );
    }
  }

  // The shell every start imports, then the first page on top (pages are lazy: the budget is the shell's).
  const entryOnly = [...initial.values()].reduce((a, b) => a + b, 0);
  for (const [file, gz] of await gzipSizes(dist, await initialJsFiles(dist, SHELL_IMPORTS))) initial.set(path.join(dist, file), gz);
  const shell = [...initial.values()].reduce((a, b) => a + b, 0);
  const firstPage = new Map<string, number>();
  for (const [file, gz] of await gzipSizes(dist, await initialJsFiles(dist))) if (!initial.has(path.join(dist, file))) firstPage.set(path.join(dist, file), gz);
  const pageOnly = [...firstPage.values()].reduce((a, b) => a + b, 0);

  const chunks = [...initial.entries()].sort((a, b) => b[1] - a[1]).map(([f, gz]) => ({ file: path.relative(dist, f), gzipBytes: gz }));
  const lazy: { file: string; gzipBytes: number }[] = [];
  for (const file of await listJs(dist)) {
    if (initial.has(file) || firstPage.has(file)) continue;
    lazy.push({ file: path.relative(dist, file), gzipBytes: gzipSize(await readFile(file)) });
  }
  lazy.sort((a, b) => b.gzipBytes - a.gzipBytes);

  notes.push(`the entry and its static imports: ${formatKb(entryOnly)}; with the shell every start imports (${SHELL_IMPORTS.join(', ')}) and its static imports: ${formatKb(shell)}`);
  notes.push(`initial chunks (${chunks.length}): ${chunks.map((c) => `${c.file} ${formatKb(c.gzipBytes)}`).join(', ')}`);
  notes.push(`the /pools page adds ${firstPage.size} chunks, ${formatKb(pageOnly)} (${FIRST_PAGE_IMPORTS.join(', ')} and its static imports not in the shell), fetched while sign-in and the first Graph read run`);
  notes.push(`largest lazy chunks: ${lazy.slice(0, 6).map((c) => `${c.file} ${formatKb(c.gzipBytes)}`).join(', ') || 'none'}`);

  const m = metric({
    id: 'initial-js',
    name: 'Initial JS of the console: entry + the shell every start loads, pages lazy (gzip -9)',
    value: shell / 1024,
    unit: 'KB',
    display: `${formatKb(shell)} gzip`,
    goal: { max: GOAL_KB, on: 'value', display: `${GOAL_KB} KB` },
    details: { chunks, lazy, entryOnlyGzipBytes: entryOnly, shellImports: SHELL_IMPORTS, manifestChecked: fromManifest !== undefined },
  });
  const page = metric({
    id: 'first-page-js',
    name: 'JS before the first row of /pools: the console plus the /pools page (gzip -9)',
    value: (shell + pageOnly) / 1024,
    unit: 'KB',
    display: `${formatKb(shell + pageOnly)} gzip (${formatKb(shell)} + ${formatKb(pageOnly)})`,
    details: { firstPageImports: FIRST_PAGE_IMPORTS, pageGzipBytes: pageOnly },
  });
  return { id: 'size', title: 'Initial JS size', status: 'ran', metrics: [m, page], notes, wallMs: performance.now() - started };
}
