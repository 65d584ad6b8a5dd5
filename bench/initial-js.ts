/**
 * 1. Initial JS size: what the browser must download before the console can
 * render — the entry `<script type="module">` of dist/index.html, its
 * `<link rel="modulepreload">`s, and every chunk they import statically,
 * each gzipped (level 9) and summed. Dynamic `import()` chunks (lazy routes,
 * the CSV worker) are excluded and listed for information.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { metric, type BenchOutcome } from './lib/report.ts';
import { formatKb } from './lib/stats.ts';

const GOAL_KB = 250;

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

/** The same closure from Vite's build manifest, when there is one: a cross-check of the HTML/regex walk. */
async function manifestClosure(dist: string): Promise<Set<string> | undefined> {
  const file = path.join(dist, '.vite', 'manifest.json');
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  const closure = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || closure.has(path.join(dist, chunk.file))) return;
    closure.add(path.join(dist, chunk.file));
    for (const k of chunk.imports ?? []) visit(k);
  };
  visit('index.html');
  return closure.size > 0 ? closure : undefined;
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

  const fromManifest = await manifestClosure(dist);
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

  const total = [...initial.values()].reduce((a, b) => a + b, 0);
  const chunks = [...initial.entries()].sort((a, b) => b[1] - a[1]).map(([f, gz]) => ({ file: path.relative(dist, f), gzipBytes: gz }));
  const lazy: { file: string; gzipBytes: number }[] = [];
  for (const file of await listJs(dist)) {
    if (initial.has(file)) continue;
    lazy.push({ file: path.relative(dist, file), gzipBytes: gzipSize(await readFile(file)) });
  }
  lazy.sort((a, b) => b.gzipBytes - a.gzipBytes);

  notes.push(`initial chunks (${chunks.length}): ${chunks.map((c) => `${c.file} ${formatKb(c.gzipBytes)}`).join(', ')}`);
  notes.push(`largest lazy chunks: ${lazy.slice(0, 6).map((c) => `${c.file} ${formatKb(c.gzipBytes)}`).join(', ') || 'none'}`);

  const m = metric({
    id: 'initial-js',
    name: 'Initial JS (gzip -9)',
    value: total / 1024,
    unit: 'KB',
    display: `${formatKb(total)} gzip`,
    goal: { max: GOAL_KB, on: 'value', display: `${GOAL_KB} KB` },
    details: { chunks, lazy, manifestChecked: fromManifest !== undefined },
  });
  return { id: 'size', title: 'Initial JS size', status: 'ran', metrics: [m], notes, wallMs: performance.now() - started };
}
