import { capIssues, sortIssues, uncappedIssues } from './issue-list.ts';
import { IccidLookup } from './iccid-index.ts';
import type { CsvIssue, ParsedCsvFile } from './types.ts';

function addIssues(file: ParsedCsvFile, extra: readonly CsvIssue[]): ParsedCsvFile {
  if (extra.length === 0) return { ...file };
  let errors = 0;
  for (const i of extra) if (i.severity === 'error') errors++;
  const errorCount = file.errorCount + errors;
  const warningCount = file.warningCount + extra.length - errors;
  const issues = capIssues(file.fileName, sortIssues([...uncappedIssues(file.issues), ...extra]), errorCount, warningCount);
  const valid = errorCount === 0;
  return { ...file, issues, errorCount, warningCount, valid, codes: valid ? file.codes : [] };
}

/**
 * Pairs of files (earlier, later) whose ICCIDs may clash. Carrier files are
 * usually disjoint ranges, so most batches have none and the check costs
 * next to nothing; when the overlaps would cost more look-ups than one index
 * of every ICCID, returns null (the caller indexes everything instead).
 */
function overlappingPairs(lookups: readonly (IccidLookup | null)[]): [number, number][] | null {
  const spans = lookups.map((l) => l?.span() ?? null);
  const total = lookups.reduce((n, l) => n + (l?.index.iccids.length ?? 0), 0);
  const pairs: [number, number][] = [];
  let work = 0;
  for (let later = 0; later < spans.length; later++) {
    const b = spans[later];
    if (!b) continue;
    for (let earlier = 0; earlier < later; earlier++) {
      const a = spans[earlier];
      if (!a || a.max < b.min || b.max < a.min) continue;
      pairs.push([earlier, later]);
      work += lookups[later]?.index.iccids.length ?? 0;
      if (work > total) return null;
    }
  }
  return pairs;
}

/** Every (earlier file, later file, ICCID) clash, the earlier file being the first that holds the ICCID. */
function* clashes(lookups: readonly (IccidLookup | null)[]): Generator<[number, number, string]> {
  const pairs = overlappingPairs(lookups);
  if (pairs !== null) {
    for (const [earlier, later] of pairs) {
      for (const iccid of lookups[later]?.index.iccids ?? []) {
        if (lookups[earlier]?.line(iccid) === undefined) continue;
        // Report against the first file only, as the full index below does.
        if (lookups.findIndex((l) => l?.line(iccid) !== undefined) === earlier) yield [earlier, later, iccid];
      }
    }
    return;
  }
  const owners = new Map<string, number>();
  for (const [later, lookup] of lookups.entries()) {
    for (const iccid of lookup?.index.iccids ?? []) {
      const owner = owners.get(iccid);
      if (owner === undefined) owners.set(iccid, later);
      else yield [owner, later, iccid];
    }
  }
}

/**
 * Cross-file checks of one upload batch: the same ICCID in two files (an
 * error in both, naming the other file and line), the same file twice, and
 * two files for one SM-DP+ server (Intune keeps one pool per server: a
 * warning). Returns new objects; files that gain an error become invalid and
 * drop their codes. Pass the results of parseCarrierCsv, not of an earlier
 * checkBatch (dropped codes cannot come back).
 */
export function checkBatch(files: readonly ParsedCsvFile[]): ParsedCsvFile[] {
  const extra: CsvIssue[][] = files.map(() => []);
  const add = (fi: number, issue: Omit<CsvIssue, 'file'>): void => {
    extra[fi]?.push({ file: files[fi]?.fileName ?? '', ...issue });
  };
  const hashes = new Map<string, number>();
  const addresses = new Map<string, number>();
  // A file that repeats an earlier one is reported once, not ICCID by ICCID.
  const lookups = files.map((file, fi): IccidLookup | null => {
    const twin = file.sha256 === '' || file.codeCount === 0 ? undefined : hashes.get(file.sha256);
    if (twin !== undefined) {
      const message = `this file has the same content as ${files[twin]?.fileName ?? ''}; upload it once`;
      add(fi, { line: null, field: 'file', severity: 'error', code: 'duplicate-file', message });
      return null;
    }
    if (file.sha256 !== '') hashes.set(file.sha256, fi);
    const lookup = new IccidLookup(file.iccidIndex);
    const address = file.smdpServerAddress?.toLowerCase();
    if (address === undefined) return lookup;
    const sameServer = addresses.get(address);
    if (sameServer === undefined) addresses.set(address, fi);
    else {
      const message = `${files[sameServer]?.fileName ?? ''} has the same SM-DP+ server address; Intune keeps one pool per server, so combine the files`;
      add(fi, { line: null, field: 'smdpPlusServerAddress', severity: 'warning', code: 'same-smdp-address', message });
    }
    return lookup;
  });

  for (const [earlier, later, iccid] of clashes(lookups)) {
    const a = files[earlier];
    const b = files[later];
    if (!a || !b) continue;
    const lineA = lookups[earlier]?.line(iccid) ?? null;
    const lineB = lookups[later]?.line(iccid) ?? null;
    const field = 'integratedCircuitCardIdentifier';
    const code = 'duplicate-iccid-batch';
    add(later, { line: lineB, field, severity: 'error', code, message: `ICCID ${iccid} is also in ${a.fileName} line ${lineA ?? '?'}` });
    add(earlier, { line: lineA, field, severity: 'error', code, message: `ICCID ${iccid} is also in ${b.fileName} line ${lineB ?? '?'}` });
  }
  return files.map((file, fi) => addIssues(file, extra[fi] ?? []));
}
