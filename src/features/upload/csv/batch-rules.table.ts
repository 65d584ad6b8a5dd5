/**
 * One table of batch cases, run through both the CLI (scripts/validate-csv.test.ts)
 * and the upload page's planner (upload/lib/batch-rules.plan.test.ts) with the
 * same expectations: the two must say the same thing. Test data only.
 */
import { MAX_MATCHING_ID_LENGTH } from './rules.ts';
import { codeRows, HOST, iccid, matchingId } from '../../../testing/carrier-csv.ts';

export interface BatchRuleCase {
  name: string;
  files: { name: string; lines: string[] }[];
  /** Every problem as `formatIssue` prints it, files in batch order, each by line. */
  issues: string[];
  /** The pools to create, in order of their first file (files without an address make none). */
  pools: { host: string; files: string[]; codes: number; merged: number; errors?: string[] }[];
  /** Nothing blocks the upload (the CLI exits 0). */
  valid: boolean;
}

const FABRIKAM = 'rsp.fabrikam-telecom.example.net';
const OTHER = 'esim.northwind.example.org';
const line = (n: number, id = matchingId(n)) => `${iccid(n)},${id}`;

export const BATCH_RULE_CASES: BatchRuleCase[] = [
  {
    name: 'files of two servers: two pools',
    files: [
      { name: 'contoso.csv', lines: [HOST, ...codeRows(3, 1)] },
      { name: 'fabrikam.csv', lines: [FABRIKAM, ...codeRows(2, 100)] },
    ],
    issues: [],
    pools: [
      { host: HOST, files: ['contoso.csv'], codes: 3, merged: 0 },
      { host: FABRIKAM, files: ['fabrikam.csv'], codes: 2, merged: 0 },
    ],
    valid: true,
  },
  {
    name: 'files of one server merge into one pool; an ICCID in both with the same matching ID is uploaded once',
    files: [
      { name: 'contoso-2025.csv', lines: [HOST, ...codeRows(5, 1)] },
      { name: 'contoso-2026.csv', lines: [HOST.toUpperCase(), ...codeRows(5, 4)] },
    ],
    issues: [],
    pools: [{ host: HOST, files: ['contoso-2025.csv', 'contoso-2026.csv'], codes: 8, merged: 2 }],
    valid: true,
  },
  {
    name: 'an ICCID in two files of one server with different matching IDs: an error in both, on their lines',
    files: [
      { name: 'a.csv', lines: [HOST, ...codeRows(3, 1)] },
      { name: 'b.csv', lines: [HOST, line(10), line(2, 'OTHER-ID-0002')] },
    ],
    issues: [
      `a.csv:3: error: ICCID ${iccid(2)} is also in b.csv line 3 with a different matching ID; keep one of them`,
      `b.csv:3: error: ICCID ${iccid(2)} is also in a.csv line 3 with a different matching ID; keep one of them`,
    ],
    pools: [{ host: HOST, files: ['a.csv', 'b.csv'], codes: 5, merged: 0 }],
    valid: false,
  },
  {
    name: 'an ICCID in files of two servers: an error in both',
    files: [
      { name: 'a.csv', lines: [HOST, ...codeRows(3, 1)] },
      { name: 'b.csv', lines: [FABRIKAM, line(50), line(3)] },
    ],
    issues: [`a.csv:4: error: ICCID ${iccid(3)} is also in b.csv line 3`, `b.csv:3: error: ICCID ${iccid(3)} is also in a.csv line 4`],
    pools: [
      { host: HOST, files: ['a.csv'], codes: 3, merged: 0 },
      { host: FABRIKAM, files: ['b.csv'], codes: 2, merged: 0 },
    ],
    valid: false,
  },
  {
    name: 'an ICCID in three files: reported against the first file',
    files: [
      { name: 'a.csv', lines: [HOST, line(7)] },
      { name: 'b.csv', lines: [FABRIKAM, line(8), line(7)] },
      { name: 'c.csv', lines: [OTHER, line(7)] },
    ],
    issues: [
      `a.csv:2: error: ICCID ${iccid(7)} is also in b.csv line 3`,
      `a.csv:2: error: ICCID ${iccid(7)} is also in c.csv line 2`,
      `b.csv:3: error: ICCID ${iccid(7)} is also in a.csv line 2`,
      `c.csv:2: error: ICCID ${iccid(7)} is also in a.csv line 2`,
    ],
    pools: [
      { host: HOST, files: ['a.csv'], codes: 1, merged: 0 },
      { host: FABRIKAM, files: ['b.csv'], codes: 2, merged: 0 },
      { host: OTHER, files: ['c.csv'], codes: 1, merged: 0 },
    ],
    valid: false,
  },
  {
    name: 'the same file twice: one error on the second, not one per ICCID',
    files: [
      { name: 'a.csv', lines: [HOST, ...codeRows(4, 1)] },
      { name: 'copy.csv', lines: [HOST, ...codeRows(4, 1)] },
    ],
    issues: ['copy.csv: error: this file has the same content as a.csv, which is already in the batch; remove one of them'],
    pools: [{ host: HOST, files: ['a.csv', 'copy.csv'], codes: 8, merged: 0 }],
    valid: false,
  },
  {
    name: 'files of one server that together hold more than 1,000 codes: the pool is refused',
    files: [
      { name: 'a.csv', lines: [HOST, ...codeRows(600, 1)] },
      { name: 'b.csv', lines: [HOST, ...codeRows(500, 601)] },
    ],
    issues: [],
    pools: [
      {
        host: HOST,
        files: ['a.csv', 'b.csv'],
        codes: 1100,
        merged: 0,
        errors: ['These files hold 1,100 codes for one SM-DP+ server; Intune accepts at most 1,000 codes per pool.'],
      },
    ],
    valid: false,
  },
  {
    name: 'files of one server with no codes: an error in each file, and no pool is uploaded',
    files: [
      { name: 'a.csv', lines: [HOST] },
      { name: 'b.csv', lines: [HOST, ',', ','] },
    ],
    issues: [
      'a.csv:1: error: no activation codes: the file has only the SM-DP+ address; add one ICCID,MatchingID line per code',
      'b.csv:3: error: no activation codes: after the SM-DP+ address there are only empty rows; add one ICCID,MatchingID line per code',
    ],
    pools: [{ host: HOST, files: ['a.csv', 'b.csv'], codes: 0, merged: 0 }],
    valid: false,
  },
  {
    name: 'a matching ID past the limit in one file of a pool: that file’s line, and no upload',
    files: [
      { name: 'a.csv', lines: [HOST, ...codeRows(2, 1)] },
      { name: 'b.csv', lines: [HOST, line(20), line(21, 'X'.repeat(MAX_MATCHING_ID_LENGTH + 45))] },
    ],
    issues: ['b.csv:3: error: MatchingID has 300 characters; at most 255 are allowed'],
    pools: [{ host: HOST, files: ['a.csv', 'b.csv'], codes: 3, merged: 0 }],
    valid: false,
  },
];
