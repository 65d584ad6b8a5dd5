/**
 * Values the product defines in modules the bench cannot import in Node
 * cheaply: the upload concurrency lives in a React hook module (it pulls the
 * Web Worker glue) and the bulk-assign concurrency in a Fluent UI component
 * (importing it costs ~20 s). They are read from the source text so the bench
 * follows the product; if a constant moves, the bench says so and uses the
 * fallback.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface SourceConstant {
  value: number;
  /** Where it was read, or why the fallback is used. */
  source: string;
}

export async function sourceConstant(repoRoot: string, file: string, name: string, fallback: number): Promise<SourceConstant> {
  try {
    const text = await readFile(path.join(repoRoot, file), 'utf8');
    const m = new RegExp(`export\\s+const\\s+${name}\\s*(?::\\s*number\\s*)?=\\s*(\\d+)\\s*;`).exec(text);
    if (m?.[1]) return { value: Number(m[1]), source: `${file} ${name}` };
    return { value: fallback, source: `fallback ${fallback}: ${name} not found in ${file}` };
  } catch {
    return { value: fallback, source: `fallback ${fallback}: ${file} not readable` };
  }
}
