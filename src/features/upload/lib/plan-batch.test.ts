import { describe, expect, it } from 'vitest';
import { carrierCsv, codes, iccid, matchingId, utf8 } from '../../../testing/carrier-csv.ts';
import { parseCarrierCsv } from '../csv/parse-carrier-csv.ts';
import { groupKeyForHost } from '../csv/batch-rules.ts';
import { analyzeBatch, type BatchFile } from './batch-analysis.ts';
import { planBatch, type ExistingPool, type PlanInput } from './plan-batch.ts';

let nextId = 1;
async function file(name: string, text: string): Promise<BatchFile> {
  const parsed = await parseCarrierCsv(name, utf8(text));
  return { id: `f${nextId++}`, name, size: text.length, parsed };
}

function plan(files: BatchFile[], over: Partial<Omit<PlanInput, 'analysis'>> = {}) {
  return planBatch({
    analysis: analyzeBatch(files),
    existing: [],
    names: {},
    choices: {},
    confirmedWarnings: new Set(),
    progress: {},
    ...over,
  });
}

const CONTOSO = 'smdp.contoso-mobile.example.com';
const FABRIKAM = 'rsp.fabrikam-telecom.example.net';

describe('analyzeBatch + planBatch', () => {
  it('plans one pool per SM-DP+ host, named after the host, ready to upload', async () => {
    const a = await file('contoso.csv', carrierCsv(CONTOSO, codes(25, { prefix: '8901', from: 0 })));
    const b = await file('fabrikam.csv', carrierCsv(FABRIKAM, codes(10, { prefix: '8902', from: 0 })));
    const p = plan([a, b]);
    expect(p.pools.map((x) => [x.name, x.codeCount, x.status])).toEqual([
      ['contoso-mobile', 25, 'ready'],
      ['fabrikam-telecom', 10, 'ready'],
    ]);
    expect(p.ready).toBe(true);
    expect(p.toUpload).toHaveLength(2);
    expect(p.pools[0]?.codes).toHaveLength(25);
  });

  it('merges files of one host into one pool, uploading an ICCID with the same matching id once', async () => {
    const old = await file('contoso-2025.csv', carrierCsv(CONTOSO, codes(20, { prefix: '8901', from: 0 })));
    const next = await file('contoso-2026.csv', carrierCsv(CONTOSO.toUpperCase(), codes(20, { prefix: '8901', from: 10 }))); // 10 overlap
    const p = plan([old, next]);
    expect(p.pools).toHaveLength(1);
    const pool = p.pools[0];
    expect(pool?.files.map((f) => f.file.name)).toEqual(['contoso-2025.csv', 'contoso-2026.csv']);
    expect(pool?.codeCount).toBe(30);
    expect(pool?.duplicatesMerged).toBe(10);
    expect(pool?.status).toBe('ready');
    const iccids = pool?.codes?.map((c) => c.integratedCircuitCardIdentifier) ?? [];
    expect(new Set(iccids).size).toBe(30);
    // one address spelling for the whole pool
    expect(new Set(pool?.codes?.map((c) => c.smdpPlusServerAddress))).toEqual(new Set([CONTOSO]));
  });

  it('reports the same ICCID with a different matching id in one host’s files as an error in both files, with lines', async () => {
    const a = await file('a.csv', carrierCsv(CONTOSO, codes(3, { prefix: '8901', from: 0 })));
    const clash = { iccid: iccid(1, '8901'), matchingId: 'OTHER-ID' };
    const b = await file('b.csv', carrierCsv(CONTOSO, [...codes(2, { prefix: '8901', from: 10 }), clash]));
    const p = plan([a, b]);
    const [pa, pb] = p.pools[0]?.files ?? [];
    expect(pa?.issues).toContainEqual(expect.objectContaining({ line: 3, severity: 'error', code: 'duplicate-iccid-batch', message: expect.stringContaining('b.csv line 4') }));
    expect(pb?.issues).toContainEqual(expect.objectContaining({ line: 4, severity: 'error', message: expect.stringContaining('a.csv line 3') }));
    expect(p.pools[0]?.status).toBe('errors');
    expect(p.pools[0]?.codes).toBeNull();
    expect(p.ready).toBe(false);
    // never the matching ids in messages
    expect(JSON.stringify(p.pools[0]?.files.map((f) => f.issues))).not.toMatch(/OTHER-ID|SK7Q-/);
  });

  it('reports an ICCID in files of two different hosts as an error in both files', async () => {
    const a = await file('contoso.csv', carrierCsv(CONTOSO, codes(3, { prefix: '8901', from: 0 })));
    const b = await file('fabrikam.csv', carrierCsv(FABRIKAM, [{ iccid: iccid(2, '8901'), matchingId: matchingId(2) }]));
    const p = plan([a, b]);
    expect(p.pools.map((x) => x.status)).toEqual(['errors', 'errors']);
    expect(p.pools[0]?.files[0]?.issues).toContainEqual(expect.objectContaining({ line: 4, message: `ICCID ${iccid(2, '8901')} is also in fabrikam.csv line 2` }));
    expect(p.pools[1]?.files[0]?.issues).toContainEqual(expect.objectContaining({ line: 2, message: `ICCID ${iccid(2, '8901')} is also in contoso.csv line 4` }));
  });

  it('flags the same file dropped twice on the second copy only', async () => {
    const text = carrierCsv(CONTOSO, codes(3, { prefix: '8901', from: 0 }));
    const a = await file('codes.csv', text);
    const b = await file('codes (1).csv', text);
    const p = plan([a, b]);
    const [fa, fb] = p.pools[0]?.files ?? [];
    expect(fa?.errorCount).toBe(0);
    expect(fb?.issues).toEqual([expect.objectContaining({ code: 'duplicate-file', message: expect.stringContaining('same content as codes.csv') })]);
  });

  it('blocks a pool whose merged files exceed 1,000 codes', async () => {
    const a = await file('a.csv', carrierCsv(CONTOSO, codes(600, { prefix: '8901', from: 0 })));
    const b = await file('b.csv', carrierCsv(CONTOSO, codes(600, { prefix: '8901', from: 600 })));
    const p = plan([a, b]);
    expect(p.pools[0]?.codeCount).toBe(1200);
    expect(p.pools[0]?.status).toBe('errors');
    expect(p.pools[0]?.blockers.join(' ')).toMatch(/1,200 codes.*at most 1,000/);
  });

  describe('names', () => {
    const existing: ExistingPool[] = [
      { id: 'p1', displayName: 'Contoso-Mobile', activationCodeCount: 100 },
      { id: 'p2', displayName: 'Northwind', activationCodeCount: 5 },
    ];

    it('asks for a choice when a pool already has the host’s default name, and never decides silently', async () => {
      const a = await file('contoso.csv', carrierCsv(CONTOSO, codes(5, { prefix: '8901', from: 0 })));
      const p = plan([a], { existing });
      expect(p.pools[0]).toMatchObject({ status: 'needsChoice', sameNamePool: existing[0], choice: undefined });
      expect(p.ready).toBe(false);
    });

    it('makes the name unique when the admin chooses a separate pool', async () => {
      const a = await file('contoso.csv', carrierCsv(CONTOSO, codes(5, { prefix: '8901', from: 0 })));
      const key = groupKeyForHost(CONTOSO);
      const p = plan([a], { existing, choices: { [key]: { mode: 'new' } } });
      expect(p.pools[0]).toMatchObject({ name: 'contoso-mobile (2)', status: 'ready' });
    });

    it('keeps the old pool’s name when replacing it', async () => {
      const a = await file('contoso.csv', carrierCsv(CONTOSO, codes(5, { prefix: '8901', from: 0 })));
      const key = groupKeyForHost(CONTOSO);
      const p = plan([a], { existing, choices: { [key]: { mode: 'replace', poolId: 'p1', poolName: 'Contoso-Mobile' } } });
      expect(p.pools[0]).toMatchObject({ name: 'Contoso-Mobile', status: 'ready', nameError: undefined });
    });

    it('refuses to replace a pool with an empty set (a file that holds only the SM-DP+ address)', async () => {
      const a = await file('contoso.csv', carrierCsv(CONTOSO, codes(5, { prefix: '8901', from: 0 })));
      const key = groupKeyForHost(CONTOSO);
      // Whatever the file check says of such a file, a valid empty group must never replace a pool.
      const empty: BatchFile = { ...a, parsed: a.parsed && { ...a.parsed, codes: [], codeCount: 0, iccidIndex: { ...a.parsed.iccidIndex, iccids: [], lines: [] } } };
      const p = plan([empty], { existing, choices: { [key]: { mode: 'replace', poolId: 'p1', poolName: 'Contoso-Mobile' } } });
      expect(p.pools[0]?.status).toBe('errors');
      expect(p.pools[0]?.blockers.join(' ')).toMatch(/hold no activation codes: replacing “Contoso-Mobile” with them would leave no pool/);
      expect(p.toUpload).toHaveLength(0);
    });

    it('refuses a typed name used by another existing pool (case-insensitively), an empty name and a name over 256 characters', async () => {
      const a = await file('contoso.csv', carrierCsv(CONTOSO, codes(5, { prefix: '8901', from: 0 })));
      const key = groupKeyForHost(CONTOSO);
      const choices = { [key]: { mode: 'new' as const } };
      expect(plan([a], { existing, choices, names: { [key]: ' northwind ' } }).pools[0]).toMatchObject({
        status: 'invalidName',
        nameError: 'A pool named “Northwind” already exists. Choose another name.',
      });
      expect(plan([a], { existing, choices, names: { [key]: '   ' } }).pools[0]?.nameError).toBe('Enter a name for the pool.');
      expect(plan([a], { existing, choices, names: { [key]: 'x'.repeat(257) } }).pools[0]?.nameError).toBe('Use 256 characters or fewer.');
      expect(plan([a], { existing, choices, names: { [key]: 'x'.repeat(256) } }).pools[0]?.status).toBe('ready');
    });

    it('gives two hosts with the same default name distinct names, and refuses the same name typed twice', async () => {
      const a = await file('a.csv', carrierCsv('smdp.contoso-mobile.example.com', codes(2, { prefix: '8901', from: 0 })));
      const b = await file('b.csv', carrierCsv('rsp.contoso-mobile.example.net', codes(2, { prefix: '8902', from: 0 })));
      const p = plan([a, b]);
      expect(p.pools.map((x) => x.name)).toEqual(['contoso-mobile', 'contoso-mobile (2)']);
      expect(p.ready).toBe(true);
      const typed = plan([a, b], { names: { [groupKeyForHost('rsp.contoso-mobile.example.net')]: 'CONTOSO-MOBILE' } });
      expect(typed.pools[1]?.nameError).toMatch(/Another pool in this upload is also named/);
      expect(typed.pools[0]?.nameError).toMatch(/Another pool in this upload is also named/);
    });

    it('does not let two pools of the batch replace the same pool', async () => {
      const a = await file('a.csv', carrierCsv('smdp.contoso-mobile.example.com', codes(2, { prefix: '8901', from: 0 })));
      const b = await file('b.csv', carrierCsv('rsp.contoso-mobile.example.net', codes(2, { prefix: '8902', from: 0 })));
      const replace = { mode: 'replace' as const, poolId: 'p1', poolName: 'Contoso-Mobile' };
      const p = plan([a, b], {
        existing,
        choices: { [groupKeyForHost('smdp.contoso-mobile.example.com')]: replace, [groupKeyForHost('rsp.contoso-mobile.example.net')]: replace },
        names: { [groupKeyForHost('rsp.contoso-mobile.example.net')]: 'other' },
      });
      expect(p.pools.map((x) => x.status)).toEqual(['needsChoice', 'needsChoice']);
    });

    it('waits for the existing pools before a name can be trusted', async () => {
      const a = await file('a.csv', carrierCsv(CONTOSO, codes(2, { prefix: '8901', from: 0 })));
      const p = plan([a], { existing: undefined });
      expect(p.pools[0]?.status).toBe('waiting');
      expect(p.ready).toBe(false);
    });
  });

  it('needs an explicit confirmation of a file’s warnings (failed Luhn check)', async () => {
    const bad = iccid(7, '8901').slice(0, -1) + String((Number(iccid(7, '8901').slice(-1)) + 1) % 10);
    const a = await file('a.csv', carrierCsv(CONTOSO, [...codes(3, { prefix: '8901', from: 0 }), { iccid: bad, matchingId: 'MID-X' }]));
    const before = plan([a]);
    expect(before.pools[0]?.files[0]?.warningCount).toBe(1);
    expect(before.pools[0]).toMatchObject({ status: 'needsConfirmation', codes: null });
    const after = plan([a], { confirmedWarnings: new Set([a.id]) });
    expect(after.pools[0]?.status).toBe('ready');
    expect(after.pools[0]?.codes).toHaveLength(4);
  });

  it('keeps a pool created by an earlier run out of the next upload, with its name locked', async () => {
    const a = await file('a.csv', carrierCsv(CONTOSO, codes(2, { prefix: '8901', from: 0 })));
    const b = await file('b.csv', carrierCsv(FABRIKAM, codes(2, { prefix: '8902', from: 0 })));
    const key = groupKeyForHost(CONTOSO);
    const existing = [{ id: 'new-1', displayName: 'contoso-mobile', activationCodeCount: 2 }];
    const p = plan([a, b], { existing, progress: { [key]: { createState: 'created', poolId: 'new-1', oldPoolDeleted: false } }, names: { [key]: 'contoso-mobile' } });
    expect(p.pools[0]).toMatchObject({ status: 'created', nameLocked: true, sameNamePool: undefined, codes: null });
    expect(p.toUpload.map((x) => x.name)).toEqual(['fabrikam-telecom']);
    expect(p.ready).toBe(true);
  });

  it('locks the name of a pool whose create may have happened, and skips the existing-name check for it', async () => {
    const a = await file('a.csv', carrierCsv(CONTOSO, codes(2, { prefix: '8901', from: 0 })));
    const key = groupKeyForHost(CONTOSO);
    const existing = [{ id: 'maybe-ours', displayName: 'contoso-mobile', activationCodeCount: 2 }];
    const p = plan([a], { existing, choices: { [key]: { mode: 'new' } }, names: { [key]: 'contoso-mobile' }, progress: { [key]: { createState: 'inFlight', oldPoolDeleted: false } } });
    expect(p.pools[0]).toMatchObject({ status: 'ready', nameLocked: true, nameError: undefined, name: 'contoso-mobile' });
  });
});
