import { describe, expect, it } from 'vitest';
import { carrierCsv, codes, utf8 } from '../../../testing/carrier-csv.ts';
import { parseCarrierCsv } from '../csv/parse-carrier-csv.ts';
import { batchReducer, initialBatchState, type BatchState } from './batch-state.ts';
import type { ResumePool } from './resume-state.ts';
import type { JobStatus } from './upload-runner.ts';

const status = (s: Partial<JobStatus>): JobStatus => ({ phase: 'queued', createState: 'pending', oldPoolDeleted: false, ...s });

describe('batchReducer', () => {
  it('counts validation progress per drop and forgets removed files and their confirmations', async () => {
    let s: BatchState = initialBatchState(null);
    s = batchReducer(s, { type: 'add', files: [{ id: 'a', name: 'a.csv', size: 1 }, { id: 'b', name: 'b.csv', size: 1 }] });
    expect(s.validating).toEqual({ done: 0, total: 2 });
    s = batchReducer(s, { type: 'parsed', id: 'a', parsed: await parseCarrierCsv('a.csv', utf8(carrierCsv('smdp.a.example.com', codes(2, { prefix: '8901', from: 0 })))) });
    expect(s.validating).toEqual({ done: 1, total: 2 });
    s = batchReducer(s, { type: 'confirm', ids: ['a'], confirmed: true });
    s = batchReducer(s, { type: 'remove', ids: ['a', 'b'] });
    expect(s.files).toEqual([]);
    expect(s.confirmed.size).toBe(0);
    expect(s.validating).toEqual({ done: 0, total: 0 });
    // a result for a removed file is ignored
    const after = batchReducer(s, { type: 'parsed', id: 'b', parsed: await parseCarrierCsv('b.csv', utf8('x')) });
    expect(after).toBe(s);
  });

  it('restores mode, progress and (for possibly created pools) the name from an interrupted batch', () => {
    const pool: ResumePool = {
      key: 'k',
      name: 'contoso-mobile',
      mode: 'replace',
      replacePoolId: 'old',
      replacePoolName: 'contoso-mobile',
      oldPoolDeleted: true,
      expectedCount: 5,
      files: [{ name: 'a.csv', size: 1, sha256: 'a'.repeat(64) }],
      createState: 'inFlight',
    };
    const s = batchReducer(initialBatchState({ version: 1, startedAt: 'x', pools: [pool] }), { type: 'applyResume', matches: [{ key: 'g1', pool }] });
    expect(s.choices.g1).toEqual({ mode: 'replace', poolId: 'old', poolName: 'contoso-mobile' });
    expect(s.progress.g1).toEqual({ createState: 'inFlight', poolId: undefined, oldPoolDeleted: true });
    expect(s.lockedNames.g1).toBe('contoso-mobile');
    expect(s.resumed.g1).toBe(pool);
  });

  it('freezes the names of a run, and after it unfreezes only those known not to be created', () => {
    let s = initialBatchState(null);
    s = batchReducer(s, { type: 'runStarted', run: { keys: ['a', 'b', 'c'], names: { a: 'A', b: 'B', c: 'C' }, fileNames: {}, state: 'running', cancelled: false } });
    expect(s.lockedNames).toEqual({ a: 'A', b: 'B', c: 'C' });
    s = batchReducer(s, { type: 'status', key: 'a', status: status({ phase: 'created', createState: 'created', poolId: 'p' }) });
    s = batchReducer(s, { type: 'status', key: 'b', status: status({ phase: 'cancelled', createState: 'inFlight' }) });
    s = batchReducer(s, { type: 'status', key: 'c', status: status({ phase: 'failed', createState: 'pending' }) });
    s = batchReducer(s, { type: 'runFinished', cancelled: true });
    expect(s.lockedNames).toEqual({ a: 'A', b: 'B' });
    expect(s.progress.a).toEqual({ createState: 'created', poolId: 'p', oldPoolDeleted: false });
    expect(s.run).toMatchObject({ state: 'finished', cancelled: true });
  });
});
