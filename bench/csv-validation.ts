/**
 * 3. CSV validation: parseCarrierCsv for 100 realistic files × 1,000 codes +
 * checkBatch over them, against a bare Papa.parse of the same (already
 * decoded) text. The ratio is the cost of validation on top of parsing. Heap
 * held by the results, against Papa's rows of the same bytes (decoded in the
 * measurement, as the product decodes them: both hold the text).
 */
import os from 'node:os';
import vm from 'node:vm';
import v8 from 'node:v8';
import Papa from 'papaparse';
import { generateCarrierFiles } from '../src/testing/carrier-csv.ts';
import { metric, type BenchOutcome } from './lib/report.ts';
import { formatMb, formatMs, median } from './lib/stats.ts';

const FILES = 100;
const CODES_PER_FILE = 1_000;
const RUNS = 7;
const GOAL_RATIO = 1.3;
const HEAP_GOAL_RATIO = 1.3;

/** CPU time of this process (every thread: GC helpers too), in ms. */
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/** Forces a full GC so heap readings mean something (the flag can be set at run time; `gc` then lives in new contexts). */
function gcFunction(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

export async function benchCsvValidation(): Promise<BenchOutcome> {
  const started = performance.now();
  const notes: string[] = [];
  // Imported here, not at the top, so that a broken product module fails this benchmark only.
  const { parseCarrierCsv } = await import('../src/features/upload/csv/parse-carrier-csv.ts');
  const { checkBatch } = await import('../src/features/upload/csv/check-batch.ts');
  const { decodeCsvBytes, sha256Hex } = await import('../src/features/upload/csv/decode.ts');
  const gc = gcFunction();

  const files = generateCarrierFiles({ files: FILES, codesPerFile: CODES_PER_FILE, seed: 0xc5b, batch: 1 });
  const decoder = new TextDecoder(); // strips the BOM, like the product's decoder
  const texts = files.map((f) => decoder.decode(f.bytes));
  const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);

  const runProduct = async () => {
    const parsed = [];
    for (const f of files) parsed.push(await parseCarrierCsv(f.name, f.bytes));
    return checkBatch(parsed);
  };
  /** Informational: the part of the product's time spent decoding (fatal UTF-8) and hashing. */
  const runDecodeHash = async () => {
    for (const f of files) {
      const hashing = sha256Hex(f.bytes);
      decodeCsvBytes(f.bytes);
      await hashing;
    }
  };
  const runPapa = () => texts.map((t) => Papa.parse<string[]>(t, { header: false, dynamicTyping: false }));

  // Warm-up, and proof that the generated files are what the benchmark claims: all valid, no warnings.
  const warmUp = async () => {
    const checked = await runProduct();
    const invalid = checked.filter((r) => !r.valid || r.errorCount > 0);
    if (checked.length !== FILES || invalid.length > 0) {
      throw new Error(`the validator rejected ${invalid.length} of ${FILES} generated files (expected all valid); the measurement would not be of the valid path`);
    }
    return checked.reduce((n, r) => n + r.warningCount, 0);
  };
  const warnings = await warmUp();
  if (warnings > 0) notes.push(`the validator reported ${warnings} warning(s) on files meant to be clean`);
  const papaRows = runPapa().reduce((n, r) => n + r.data.length, 0);

  // GC only after a macrotask: finished async work (WebCrypto jobs, promise chains) keeps objects until then.
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
  };

  const product: number[] = [];
  const baseline: number[] = [];
  const productCpu: number[] = [];
  const baselineCpu: number[] = [];
  const decodeHash: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Each product run is followed at once by its baseline run, so both see the same machine load.
    await settle();
    let c = process.cpuUsage();
    let t = performance.now();
    await runProduct();
    product.push(performance.now() - t);
    productCpu.push(cpuMs(c));
    await settle();
    c = process.cpuUsage();
    t = performance.now();
    runPapa();
    baseline.push(performance.now() - t);
    baselineCpu.push(cpuMs(c));
    await settle();
    t = performance.now();
    await runDecodeHash();
    decodeHash.push(performance.now() - t);
  }

  // Memory (informational): heap growth while the results are held, and what a full GC leaves of it.
  const held: unknown[] = [];
  const heap = async (task: () => unknown) => {
    held.length = 0;
    await settle();
    const before = process.memoryUsage().heapUsed;
    held.push(await task());
    const peak = process.memoryUsage().heapUsed;
    await settle();
    const retained = process.memoryUsage().heapUsed;
    held.length = 0;
    return { delta: peak - before, retained: retained - before };
  };
  const productHeap = await heap(runProduct);
  // Papa's rows are slices of the text they were parsed from, and hold it, as the product's codes hold
  // the text it decodes: the baseline decodes the same bytes, so both hold the text once.
  const papaHeap = await heap(() => files.map((f) => Papa.parse<string[]>(decoder.decode(f.bytes), { header: false, dynamicTyping: false })));
  const papaOnTextHeap = await heap(runPapa);

  const productMs = median(product);
  const papaMs = median(baseline);
  // The goal is on CPU time: on a shared machine a wall-clock run also counts the time other
  // processes held the cores, which differs from one run to the next (the wall ratio is in the notes).
  const productCpuMs = median(productCpu);
  const papaCpuMs = median(baselineCpu);
  const m = metric({
    id: 'csv-validation',
    name: `CSV validation ${FILES}×${CODES_PER_FILE.toLocaleString('en-US')} codes (parse + checkBatch), CPU time`,
    value: productCpuMs,
    unit: 'ms',
    display: `${formatMs(productCpuMs)} CPU (wall ${formatMs(productMs)})`,
    baseline: { value: papaCpuMs, display: `Papa.parse ${formatMs(papaCpuMs)} CPU (wall ${formatMs(papaMs)})` },
    goal: { max: GOAL_RATIO, on: 'ratio', display: `${GOAL_RATIO}×` },
    details: { runsMs: product, baselineRunsMs: baseline, cpuMs: productCpu, baselineCpuMs: baselineCpu, decodeHashRunsMs: decodeHash, files: FILES, codesPerFile: CODES_PER_FILE, totalBytes, papaRows },
  });
  const mem = metric({
    id: 'csv-validation.heap',
    name: 'CSV validation heap held (results held, after a full GC)',
    value: productHeap.retained,
    unit: 'bytes',
    display: `${formatMb(productHeap.retained)} (peak growth ${formatMb(productHeap.delta)})`,
    baseline: { value: papaHeap.retained, display: `Papa.parse of the decoded bytes ${formatMb(papaHeap.retained)} (peak growth ${formatMb(papaHeap.delta)})` },
    goal: { max: HEAP_GOAL_RATIO, on: 'ratio', display: `${HEAP_GOAL_RATIO}×` },
    details: { product: productHeap, papa: papaHeap, papaOnDecodedText: papaOnTextHeap },
  });
  const pairRatios = product.map((p, i) => p / (baseline[i] ?? Number.NaN));
  notes.push(
    `CPU time is this process's, every thread (GC helpers too); wall-clock ratio ${(productMs / papaMs).toFixed(2)}×, ` +
      `each run against the Papa run right after it: ${pairRatios.map((r) => r.toFixed(2)).join(', ')}`,
  );
  notes.push(
    `heap: Papa.parse of text decoded beforehand (not holding it) holds ${formatMb(papaOnTextHeap.retained)}; ` +
      `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`,
  );
  notes.push(`of the product's time, decoding + SHA-256 alone take ${formatMs(median(decodeHash))} (median)`);
  notes.push(`input: ${FILES} files, ${formatMb(totalBytes)}, ${(FILES * CODES_PER_FILE).toLocaleString('en-US')} codes; ${RUNS} runs after a warm-up, medians`);
  return { id: 'csv', title: 'CSV validation', status: 'ran', metrics: [m, mem], notes, wallMs: performance.now() - started };
}
