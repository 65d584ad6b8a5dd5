// Runs the static checks at the same time: the three TypeScript projects and
// ESLint. Each is single-threaded and none needs another's output, so on a
// 2-core machine they take about as long as the slowest one instead of the sum.
// Every output line is prefixed with its check's name; a summary names each
// check with its time and result. Exits 1 when any check fails (after all have
// finished, so every error is shown at once).
//
//   node scripts/run-checks.mjs          all checks
//   node scripts/run-checks.mjs tsc      only the checks whose name starts with "tsc"
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

const CHECKS = [
  { name: 'tsc app', command: 'tsc', args: ['-p', 'tsconfig.app.json'] },
  { name: 'tsc node', command: 'tsc', args: ['-p', 'tsconfig.node.json'] },
  { name: 'tsc e2e', command: 'tsc', args: ['-p', 'e2e/tsconfig.json'] },
  { name: 'eslint', command: 'eslint', args: ['.'] },
];

const only = process.argv[2];
const chosen = only ? CHECKS.filter((c) => c.name.startsWith(only)) : CHECKS;
if (chosen.length === 0) {
  console.error(`run-checks: no check named "${only}…" (checks: ${CHECKS.map((c) => c.name).join(', ')})`);
  process.exit(2);
}
const width = Math.max(...chosen.map((c) => c.name.length));

/** Writes each complete line of a stream with the check's name in front. */
function prefixLines(stream, name, out) {
  let rest = '';
  const label = `[${name.padEnd(width)}] `;
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(label + line + '\n');
  });
  stream.on('end', () => {
    if (rest) out.write(label + rest + '\n');
  });
}

function run({ name, command, args }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(path.join(BIN, command), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    prefixLines(child.stdout, name, process.stdout);
    prefixLines(child.stderr, name, process.stderr);
    const done = (code, why) => resolve({ name, code, why, seconds: (performance.now() - started) / 1000 });
    child.on('error', (e) => done(1, `could not start ${command}: ${e.message}`));
    child.on('close', (code, signal) => done(code ?? 1, signal ? `killed by ${signal}` : undefined));
  });
}

const results = await Promise.all(chosen.map(run));
for (const r of results) {
  const verdict = r.code === 0 ? 'passed' : `FAILED (exit ${r.code}${r.why ? `, ${r.why}` : ''})`;
  console.log(`${r.name.padEnd(width)}  ${verdict} in ${r.seconds.toFixed(1)} s`);
}
const failed = results.filter((r) => r.code !== 0);
if (failed.length) {
  console.error(`run-checks: ${failed.map((r) => r.name).join(', ')} failed`);
  process.exit(1);
}
