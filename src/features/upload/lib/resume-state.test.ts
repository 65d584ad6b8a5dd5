import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphError } from '../../../graph/errors.ts';
import { carrierCsv, codes, utf8 } from '../../../testing/carrier-csv.ts';
import { parseCarrierCsv } from '../csv/parse-carrier-csv.ts';
import { analyzeBatch, type BatchFile } from './batch-analysis.ts';
import { planBatch, type PoolPlan } from './plan-batch.ts';
import { matchResumePools, resumePoolFrom } from './resume-plans.ts';
import { RESUME_STORAGE_KEY, isUnfinished, parseResumeState, serializeResumeState, type ResumeState } from './resume-state.ts';
import { browserResumeStore, createResumeStore, createRunRecorder } from './resume-store.ts';
import { runUpload, type PoolService, type PoolSummary } from './upload-runner.ts';

const HOSTS = ['smdp.contoso-mobile.example.com', 'rsp.fabrikam-telecom.example.net', 'esim.northwind.example.org'];

async function planned(): Promise<{ pools: PoolPlan[]; secrets: string[]; files: BatchFile[] }> {
  const files: BatchFile[] = [];
  for (const [i, host] of HOSTS.entries()) {
    const text = carrierCsv(host, codes(20, { prefix: `890${i}`, from: 0, tag: `TOPSECRET${i}` }));
    files.push({ id: `f${i}`, name: `carrier-${i}.csv`, size: text.length, parsed: await parseCarrierCsv(`carrier-${i}.csv`, utf8(text)) });
  }
  const plan = planBatch({ analysis: analyzeBatch(files), existing: [], names: {}, choices: {}, confirmedWarnings: new Set(), progress: {} });
  const secrets = plan.pools.flatMap((p) => p.codes?.map((c) => c.matchingIdentifier) ?? []);
  return { pools: plan.pools, secrets, files };
}

const ACCOUNT = 'oid.tid';
const ACCOUNT_KEY = `${RESUME_STORAGE_KEY}:${ACCOUNT}`;

afterEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
  vi.restoreAllMocks();
});

describe('resume state', () => {
  it('serialises names, sizes, hashes, pool names, mode and pool ids — and never a matching id', async () => {
    const { pools, secrets } = await planned();
    expect(secrets).toHaveLength(60);
    const progress = { createState: 'created' as const, poolId: 'pool-1', oldPoolDeleted: false };
    // Even an object that carries codes (a plan, cast as a pool) is written without them.
    const state: ResumeState = { version: 1, startedAt: '2026-01-01T00:00:00.000Z', pools: pools.map((p) => ({ ...p, ...resumePoolFrom(p, progress) })) };
    const text = serializeResumeState(state);
    for (const s of secrets) expect(text).not.toContain(s);
    expect(text).not.toMatch(/TOPSECRET|matchingIdentifier|activationCodes|codes"/);
    const back = parseResumeState(text);
    expect(back?.pools[0]).toEqual({
      key: pools[0]?.key,
      name: 'contoso-mobile',
      mode: 'new',
      oldPoolDeleted: false,
      expectedCount: 20,
      files: [{ name: 'carrier-0.csv', size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      createState: 'created',
      poolId: 'pool-1',
    });
  });

  it('no matching id reaches web storage during a whole run, including an ambiguous failure and a 429', async () => {
    const { pools, secrets } = await planned();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const store = browserResumeStore(ACCOUNT);
    const recorder = createRunRecorder(store, pools.map((p) => resumePoolFrom(p, { createState: 'pending', oldPoolDeleted: false })));
    let n = 0;
    const made: PoolSummary[] = [];
    const service: PoolService = {
      async create(input) {
        n++;
        if (n === 1) throw new GraphError({ status: 429, code: 'TooManyRequests', message: 'slow down', method: 'POST', path: '/x', retryAfterMs: 50_000 });
        const pool = { id: `id-${n}`, displayName: input.displayName, activationCodeCount: input.activationCodes.length, createdDateTime: new Date().toISOString() };
        made.push(pool);
        if (n === 2) throw new GraphError({ status: 504, code: 'GatewayTimeout', message: 'timeout', method: 'POST', path: '/x', ambiguous: true });
        return pool;
      },
      findByName: async (name) => made.filter((p) => p.displayName === name),
      get: async () => null,
      remove: async () => undefined,
      getAssignments: async () => [],
      assign: async () => undefined,
      countDeviceStates: async () => 0,
    };
    const seenInFlight: string[] = [];
    await runUpload(
      pools.map((p) => ({ key: p.key, displayName: p.name, activationCodes: p.codes ?? [], mode: 'new' as const })),
      {
        service,
        concurrency: 2,
        sleep: async () => undefined,
        onUpdate: (key, status) => {
          recorder.onUpdate(key, status);
          if (status.createState === 'inFlight') seenInFlight.push(window.localStorage.getItem(ACCOUNT_KEY) ?? '');
        },
      },
    );
    expect(setItem).toHaveBeenCalled();
    for (const [, value] of setItem.mock.calls) for (const s of secrets) expect(value).not.toContain(s);
    for (const value of setItem.mock.calls.map((c) => c[1])) expect(value).not.toMatch(/TOPSECRET/);
    // every in-flight create was on record before it was sent
    expect(seenInFlight.every((v) => v.includes('"createState":"inFlight"'))).toBe(true);
    // all created → nothing left to resume
    expect(window.localStorage.getItem(ACCOUNT_KEY)).toBeNull();
    expect(made).toHaveLength(3);
  });

  it('keeps one record per account in localStorage, so it survives a closed tab and another admin never sees it', async () => {
    const { pools } = await planned();
    const mine = browserResumeStore(ACCOUNT);
    const recorder = createRunRecorder(mine, pools.map((p) => resumePoolFrom(p, { createState: 'pending', oldPoolDeleted: false })));
    recorder.onUpdate(pools[0]!.key, { createState: 'created', poolId: 'p-1', oldPoolDeleted: false });
    expect(window.localStorage.getItem(ACCOUNT_KEY)).toContain('"p-1"');
    expect(window.sessionStorage.length).toBe(0);
    expect(browserResumeStore(ACCOUNT).load()?.pools.find((p) => p.poolId === 'p-1')).toBeDefined();
    expect(browserResumeStore('someone-else').load()).toBeNull();
  });

  it('keeps the state while pools are unfinished, with carried pools of an earlier batch', async () => {
    const { pools } = await planned();
    const store = createResumeStore(window.localStorage);
    const [a, b, c] = pools.map((p) => resumePoolFrom(p, { createState: 'pending', oldPoolDeleted: false }));
    const recorder = createRunRecorder(store, [a!, b!], [c!], '2026-01-01T00:00:00.000Z');
    recorder.onUpdate(a!.key, { createState: 'inFlight', oldPoolDeleted: false });
    recorder.onUpdate(a!.key, { createState: 'created', poolId: 'p-a', oldPoolDeleted: false });
    recorder.onUpdate(b!.key, { createState: 'created', poolId: 'p-b', oldPoolDeleted: false });
    const stored = store.load();
    expect(stored?.pools.map((p) => [p.name, p.createState, p.poolId])).toEqual([
      ['contoso-mobile', 'created', 'p-a'],
      ['fabrikam-telecom', 'created', 'p-b'],
      ['northwind', 'pending', undefined],
    ]);
    expect(isUnfinished(stored)).toBe(true);
  });

  it('matches re-dropped files to stored pools by hash (names may differ), and only on the exact set of files', async () => {
    const { pools, files } = await planned();
    const stored: ResumeState = { version: 1, startedAt: 'x', pools: pools.map((p) => resumePoolFrom(p, { createState: 'inFlight', oldPoolDeleted: false })) };
    const renamed = files.map((f) => ({ ...f, name: `renamed-${f.name}` }));
    const groups = analyzeBatch(renamed).groups;
    const matches = matchResumePools(stored, groups);
    expect([...matches.keys()]).toEqual(groups.map((g) => g.key));
    expect(matches.get(groups[1]!.key)?.name).toBe('fabrikam-telecom');
    // a group with an extra file is a different pool
    const merged = [{ ...groups[0]!, files: [...groups[0]!.files, renamed[1]!] }];
    expect(matchResumePools(stored, merged).size).toBe(0);
  });

  it('round-trips a replace with its recorded assignments and the first plan, and never serialises a code or matching ID', async () => {
    const { pools, secrets } = await planned();
    const first = pools[0]!;
    const assignments = [
      { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget' as const, groupId: 'g-1', deviceAndAppManagementAssignmentFilterId: 'f-1', deviceAndAppManagementAssignmentFilterType: 'include' as const } },
      { target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget' as const, groupId: 'g-2' } },
      { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' as const } },
    ];
    const replacing = { ...first, choice: { mode: 'replace' as const, poolId: 'old-1', poolName: 'contoso-mobile', carryAssignments: true } };
    const pool = resumePoolFrom(replacing, { createState: 'pending', oldPoolDeleted: true, carry: { assignments, applied: false } });
    // Smuggled extras (codes on the plan, a secret on a target) are dropped by the whitelist.
    const dirty = { ...replacing, ...pool, carry: { applied: false, assignments: assignments.map((a) => ({ ...a, target: { ...a.target, matchingIdentifier: secrets[0] } })) } };
    const store = createResumeStore(window.localStorage);
    const firstPlan = { poolIds: ['old-1', 'other-2'], startedAt: '2026-02-01T09:00:00.000Z' };
    createRunRecorder(store, [dirty], [], firstPlan.startedAt, firstPlan);
    const raw = window.localStorage.getItem(RESUME_STORAGE_KEY) ?? '';
    for (const secret of secrets) expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/TOPSECRET|matchingIdentifier|smdpPlusServerAddress|integratedCircuitCardIdentifier/);
    const back = store.load();
    expect(back?.firstPlan).toEqual(firstPlan);
    expect(back?.pools[0]).toMatchObject({ mode: 'replace', replacePoolId: 'old-1', oldPoolDeleted: true, carryAssignments: true, carry: { assignments, applied: false } });
    expect(isUnfinished(back)).toBe(true);
  });

  it('a created pool whose carried assignments are not applied yet is unfinished', () => {
    const base = { key: 'k', name: 'p', mode: 'replace' as const, oldPoolDeleted: true, expectedCount: 1, files: [{ name: 'a.csv', size: 1, sha256: 'a'.repeat(64) }], poolId: 'new' };
    const pending: ResumeState = { version: 1, startedAt: 'x', pools: [{ ...base, createState: 'created', carry: { assignments: [], applied: false } }] };
    expect(isUnfinished(pending)).toBe(true);
    expect(isUnfinished({ ...pending, pools: [{ ...base, createState: 'created', carry: { assignments: [], applied: true } }] })).toBe(false);
  });

  it('ignores unreadable or foreign stored state', () => {
    expect(parseResumeState('{')).toBeNull();
    expect(parseResumeState(JSON.stringify({ version: 2, pools: [] }))).toBeNull();
    expect(parseResumeState(JSON.stringify({ version: 1, startedAt: 'x', pools: [{ name: 'x' }] }))).toBeNull();
    expect(parseResumeState(null)).toBeNull();
  });

  it('keeps working when storage throws (quota, privacy mode)', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => { throw new Error('denied'); } };
    const store = createResumeStore(broken);
    expect(() => store.save({ version: 1, startedAt: 'x', pools: [] })).not.toThrow();
    expect(store.load()).toBeNull();
    expect(() => store.clear()).not.toThrow();
  });
});
