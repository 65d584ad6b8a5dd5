/**
 * The rules of one upload batch, across files: the ONE module behind both
 * the upload page (analyzeBatch in upload/lib/plan-batch.ts) and the CLI
 * (scripts/validate-csv.ts, through checkBatch), so both say the same thing.
 *
 * - Files are grouped by SM-DP+ host (case-insensitive): Intune keeps one pool
 *   per SM-DP+ server, so all files of a host become one pool. Merging
 *   de-duplicates an ICCID found in several files of the pool with the SAME
 *   matching ID (the old carrier file dropped with the new one); the same
 *   ICCID with a different matching ID, or in files of different hosts, is an
 *   error in both files, on their lines.
 * - The same file twice (same SHA-256) is an error on the later one, reported
 *   once rather than ICCID by ICCID.
 * - A pool of more than MAX_CODES_PER_POOL codes cannot be created.
 * A pool without codes cannot arise: a file without codes is already an error.
 */
import type { EmbeddedSimActivationCode } from '../../../graph/types.ts';
import { plural } from '../../../lib/format.ts';
import { clashes } from './iccid-clashes.ts';
import { IccidLookup } from './iccid-index.ts';
import { MAX_CODES_PER_POOL } from './rules.ts';
import type { CsvField, CsvIssue, ParsedCsvFile } from './types.ts';

export interface BatchEntry {
  /** Unique in the batch (the same file dropped twice gets two ids). */
  id: string;
  parsed: ParsedCsvFile;
}

export interface PoolGroup {
  /** Stable key, usable as a form field name (no dots). */
  key: string;
  /** SM-DP+ host as written in the group's first file; null for a file without a readable address (a group of its own). */
  host: string | null;
  /** Ids of its files, in batch order. */
  fileIds: string[];
}

export interface BatchVerdict {
  groups: PoolGroup[];
  /** Cross-file problems by file id, by line. */
  issues: ReadonlyMap<string, CsvIssue[]>;
  /** Per group: the codes to upload (merged, de-duplicated), when every file of the group is valid. */
  codes: ReadonlyMap<string, EmbeddedSimActivationCode[]>;
  /** Per group: ICCIDs in more than one of its files with the same matching ID, uploaded once. */
  duplicatesMerged: ReadonlyMap<string, number>;
  /** Per group: why the pool cannot be created although its files are valid (too many codes). */
  poolErrors: ReadonlyMap<string, string[]>;
}

/** `h` + host with every character outside [a-z0-9] written as `_xx` (hex): injective, and no dots for form paths. */
export function groupKeyForHost(host: string): string {
  let key = 'h';
  for (const ch of host.toLowerCase()) key += /[a-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)?.toString(16) ?? ''}`;
  return key;
}

function groupsOf(entries: readonly BatchEntry[]): { groups: Map<string, PoolGroup>; keyOf: string[] } {
  const groups = new Map<string, PoolGroup>();
  const keyOf = entries.map(({ id, parsed }) => {
    const host = parsed.smdpServerAddress;
    const key = host ? groupKeyForHost(host) : `file_${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const group = groups.get(key);
    if (group) group.fileIds.push(id);
    else groups.set(key, { key, host, fileIds: [id] });
    return key;
  });
  return { groups, keyOf };
}

export function checkBatchRules(entries: readonly BatchEntry[]): BatchVerdict {
  const { groups, keyOf } = groupsOf(entries);
  const issues = new Map<string, CsvIssue[]>();
  const add = (fi: number, line: number | null, field: CsvField, code: string, message: string) => {
    const entry = entries[fi];
    if (!entry) return;
    const issue: CsvIssue = { file: entry.parsed.fileName, line, field, severity: 'error', code, message };
    const list = issues.get(entry.id);
    if (list) list.push(issue);
    else issues.set(entry.id, [issue]);
  };

  const byHash = new Map<string, number>();
  const lookups = entries.map(({ parsed }, fi): IccidLookup | null => {
    const twin = parsed.sha256 === '' ? undefined : byHash.get(parsed.sha256);
    if (twin !== undefined) {
      const message = `this file has the same content as ${entries[twin]?.parsed.fileName ?? ''}, which is already in the batch; remove one of them`;
      add(fi, null, 'file', 'duplicate-file', message);
      return null;
    }
    if (parsed.sha256 !== '') byHash.set(parsed.sha256, fi);
    return new IccidLookup(parsed.iccidIndex);
  });

  // ICCID → matching ID of a valid file, built only for files that clash within their pool.
  const matchingIds = new Map<number, Map<string, string>>();
  const matchingIdIn = (fi: number, iccid: string): string | undefined => {
    const parsed = entries[fi]?.parsed;
    if (!parsed?.valid) return undefined;
    let map = matchingIds.get(fi);
    if (!map) matchingIds.set(fi, (map = new Map(parsed.codes.map((c) => [c.integratedCircuitCardIdentifier, c.matchingIdentifier]))));
    return map.get(iccid);
  };
  const deduped = new Map<string, Set<string>>();

  for (const [earlier, later, iccid] of clashes(lookups)) {
    const lineA = lookups[earlier]?.line(iccid) ?? null;
    const lineB = lookups[later]?.line(iccid) ?? null;
    const nameA = entries[earlier]?.parsed.fileName ?? '';
    const nameB = entries[later]?.parsed.fileName ?? '';
    const key = keyOf[later] ?? '';
    if (keyOf[earlier] === key) {
      const a = matchingIdIn(earlier, iccid);
      const b = matchingIdIn(later, iccid);
      if (a !== undefined && a === b) {
        let set = deduped.get(key);
        if (!set) deduped.set(key, (set = new Set()));
        set.add(iccid);
        continue;
      }
      if (a !== undefined && b !== undefined) {
        const keep = 'with a different matching ID; keep one of them';
        add(later, lineB, 'matchingIdentifier', 'duplicate-iccid-batch', `ICCID ${iccid} is also in ${nameA} line ${lineA ?? '?'} ${keep}`);
        add(earlier, lineA, 'matchingIdentifier', 'duplicate-iccid-batch', `ICCID ${iccid} is also in ${nameB} line ${lineB ?? '?'} ${keep}`);
        continue;
      }
    }
    const field = 'integratedCircuitCardIdentifier';
    add(later, lineB, field, 'duplicate-iccid-batch', `ICCID ${iccid} is also in ${nameA} line ${lineA ?? '?'}`);
    add(earlier, lineA, field, 'duplicate-iccid-batch', `ICCID ${iccid} is also in ${nameB} line ${lineB ?? '?'}`);
  }
  for (const list of issues.values()) list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const byId = new Map(entries.map((e) => [e.id, e.parsed]));
  const codes = new Map<string, EmbeddedSimActivationCode[]>();
  const duplicatesMerged = new Map<string, number>();
  const poolErrors = new Map<string, string[]>();
  for (const group of groups.values()) {
    duplicatesMerged.set(group.key, deduped.get(group.key)?.size ?? 0);
    const files = group.fileIds.map((id) => byId.get(id));
    if (!files.every((f, i) => f?.valid && !issues.has(group.fileIds[i] ?? ''))) continue;
    const merged = mergeCodes(files);
    codes.set(group.key, merged);
    if (merged.length > MAX_CODES_PER_POOL) {
      poolErrors.set(group.key, [
        `These files hold ${plural(merged.length, 'code')} for one SM-DP+ server; Intune accepts at most ${plural(MAX_CODES_PER_POOL, 'code')} per pool.`,
      ]);
    }
  }
  return { groups: [...groups.values()], issues, codes, duplicatesMerged, poolErrors };
}

/** The codes of a pool's files, each ICCID once, with one address spelling (hosts are equal case-insensitively). */
function mergeCodes(files: readonly (ParsedCsvFile | undefined)[]): EmbeddedSimActivationCode[] {
  const first = files[0];
  if (files.length === 1 && first) return first.codes;
  const address = first?.smdpServerAddress ?? '';
  const seen = new Set<string>();
  const merged: EmbeddedSimActivationCode[] = [];
  for (const f of files) {
    for (const c of f?.codes ?? []) {
      if (seen.has(c.integratedCircuitCardIdentifier)) continue;
      seen.add(c.integratedCircuitCardIdentifier);
      merged.push(c.smdpPlusServerAddress === address ? c : { ...c, smdpPlusServerAddress: address });
    }
  }
  return merged;
}
