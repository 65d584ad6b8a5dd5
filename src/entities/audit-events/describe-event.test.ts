import { describe, expect, it } from 'vitest';
import { auditEventsFilter, type AuditEvent } from './types.ts';
import { describeEvent, eventsForPool, isSecretName, isSecretValue, mergePages } from './describe-event.ts';

const POOL = '6f0e1c3a-9b8d-4e7f-a1b2-c3d4e5f60718';
const OTHER = '11111111-2222-3333-4444-555555555555';

const codesJson = JSON.stringify([
  { IntegratedCircuitCardIdentifier: '8944500102198304826', MatchingIdentifier: 'K2-1GHG8P-1B3ZQ7L', SmdpPlusServerAddress: 'smdp.carrier.example' },
]);

/** Shaped like Intune's own: a create with the codes it sent, a rename, an assign, a delete. */
const created: AuditEvent = {
  id: 'ev-create',
  displayName: 'Create EmbeddedSIMActivationCodePool',
  componentName: 'DeviceConfiguration',
  category: 'DeviceConfiguration',
  activity: 'Create EmbeddedSIMActivationCodePool',
  activityType: 'Create EmbeddedSIMActivationCodePool',
  activityOperationType: 'Create',
  activityResult: 'Success',
  activityDateTime: '2026-11-02T08:15:03.1234567Z',
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
  actor: { auditActorType: 'ItPro', userPrincipalName: 'adele@contoso.example', applicationDisplayName: 'Microsoft Intune portal extension', ipAddress: '203.0.113.7' },
  resources: [
    {
      displayName: 'smdp.carrier.example',
      type: 'EmbeddedSIMActivationCodePool',
      resourceId: POOL,
      modifiedProperties: [
        { displayName: 'DisplayName', oldValue: '', newValue: 'smdp.carrier.example' },
        { displayName: 'ActivationCodes', oldValue: '<null>', newValue: codesJson },
        { displayName: 'ActivationCodes[0].MatchingIdentifier', oldValue: null, newValue: 'K2-1GHG8P-1B3ZQ7L' },
        { displayName: 'ActivationCodeCount', oldValue: '0', newValue: '1' },
      ],
    },
  ],
};
const renamed: AuditEvent = {
  id: 'ev-rename',
  activity: 'Patch EmbeddedSIMActivationCodePool',
  activityType: 'Patch EmbeddedSIMActivationCodePool',
  activityOperationType: 'Patch',
  activityResult: 'Success',
  activityDateTime: '2026-11-03T10:00:00Z',
  correlationId: 'c0ffee00-0000-4000-8000-000000000002',
  actor: { userPrincipalName: 'adele@contoso.example', applicationDisplayName: null },
  resources: [
    { displayName: 'Contoso eSIM', type: 'EmbeddedSIMActivationCodePool', resourceId: POOL.toUpperCase(), modifiedProperties: [{ displayName: 'DisplayName', oldValue: 'smdp.carrier.example', newValue: 'Contoso eSIM' }] },
  ],
};
const assigned: AuditEvent = {
  id: 'ev-assign',
  activity: 'Assign EmbeddedSIMActivationCodePool',
  activityType: 'Assign EmbeddedSIMActivationCodePool',
  activityOperationType: 'Action',
  activityResult: 'Failure',
  activityDateTime: '2026-11-04T09:30:00Z',
  actor: { applicationDisplayName: 'Fleet automation', servicePrincipalName: 'fleet-bot' },
  resources: [
    {
      displayName: 'Contoso eSIM',
      type: 'EmbeddedSIMActivationCodePool',
      resourceId: POOL,
      modifiedProperties: [{ displayName: 'Assignments[0].Target.GroupId', oldValue: null, newValue: '0b9a8c7d-0000-4000-8000-00000000aaaa' }],
    },
    { displayName: 'Other pool', type: 'EmbeddedSIMActivationCodePool', resourceId: OTHER, modifiedProperties: [{ displayName: 'Assignments', oldValue: '[]', newValue: '[x]' }] },
  ],
};
const otherPool: AuditEvent = { ...renamed, id: 'ev-other', resources: [{ resourceId: OTHER, modifiedProperties: [] }] };
const noResources: AuditEvent = { id: 'ev-none', activityDateTime: '2026-11-05T00:00:00Z', resources: null, actor: null };

describe('eventsForPool', () => {
  it('keeps events with a resource of that pool (ids compared without case)', () => {
    expect(eventsForPool([created, renamed, assigned, otherPool, noResources], POOL).map((e) => e.id)).toEqual(['ev-create', 'ev-rename', 'ev-assign']);
  });

  it('finds nothing in no events', () => {
    expect(eventsForPool([], POOL)).toEqual([]);
  });
});

describe('describeEvent', () => {
  it('describes a create and never shows codes or matching IDs', () => {
    const d = describeEvent(created, POOL);
    expect(d).toMatchObject({ id: 'ev-create', when: '2026-11-02T08:15:03.1234567Z', who: 'adele@contoso.example', via: 'Microsoft Intune portal extension', what: 'Created', succeeded: true });
    expect(d.changes).toEqual([
      { property: 'DisplayName', old: null, new: 'smdp.carrier.example', hidden: false },
      { property: 'ActivationCodes', old: null, new: null, hidden: true },
      { property: 'ActivationCodes[0].MatchingIdentifier', old: null, new: null, hidden: true },
      { property: 'ActivationCodeCount', old: '0', new: '1', hidden: false },
    ]);
    expect(JSON.stringify(d)).not.toMatch(/K2-1GHG8P|8944500102198304826/);
  });

  it('describes a rename', () => {
    expect(describeEvent(renamed, POOL)).toMatchObject({ what: 'Changed', who: 'adele@contoso.example', via: null, changes: [{ property: 'DisplayName', old: 'smdp.carrier.example', new: 'Contoso eSIM', hidden: false }] });
  });

  it('describes an app action that failed, listing only the pool asked about', () => {
    const d = describeEvent(assigned, POOL);
    expect(d).toMatchObject({ who: 'Fleet automation', via: null, what: 'Assign EmbeddedSIMActivationCodePool', succeeded: false, correlationId: null });
    expect(d.changes.map((c) => c.property)).toEqual(['Assignments[0].Target.GroupId']);
    expect(describeEvent(assigned).changes).toHaveLength(2);
  });

  it('copes with an event that has no actor, resources or activity', () => {
    expect(describeEvent(noResources)).toEqual({ id: 'ev-none', when: '2026-11-05T00:00:00Z', who: 'Unknown', via: null, what: 'Unknown activity', succeeded: null, correlationId: null, changes: [] });
  });

  it('hides a harmless-named property whose value quotes codes', () => {
    const e: AuditEvent = { ...renamed, resources: [{ resourceId: POOL, modifiedProperties: [{ displayName: 'Settings', oldValue: null, newValue: 'LPA:1$smdp.carrier.example$ABCDE-12345-ABCDE-12345' }] }] };
    expect(describeEvent(e).changes).toEqual([{ property: 'Settings', old: null, new: null, hidden: true }]);
  });
});

describe('isSecretName / isSecretValue', () => {
  it.each(['ActivationCodes', 'activationCodes[12].integratedCircuitCardIdentifier', 'MatchingIdentifier', 'Matching ID', 'SmdpPlusServerAddress', 'ConfirmationCode', 'ICCID'])(
    'hides %s',
    (name) => expect(isSecretName(name)).toBe(true),
  );

  it.each(['DisplayName', 'ActivationCodeCount', 'Assignments', 'Assignments[0].Target.GroupId', 'UniversalIntegratedCircuitCardIdentifier', 'DeviceStates[0].State'])(
    'shows %s',
    (name) => expect(isSecretName(name)).toBe(false),
  );

  it('recognises values that carry codes and leaves ordinary ones', () => {
    expect(isSecretValue(codesJson)).toBe(true);
    expect(isSecretValue('{"matching_id":"x"}')).toBe(true);
    expect(isSecretValue('AB12C-34D5E-6F789-0ABCD')).toBe(true);
    expect(isSecretValue('Contoso eSIM')).toBe(false);
    expect(isSecretValue('{"activationCodeCount":1000}')).toBe(false);
    expect(isSecretValue('{"universalIntegratedCircuitCardIdentifier":"8904903200000100"}')).toBe(false);
    expect(isSecretValue(null)).toBe(false);
  });
});

describe('mergePages', () => {
  it('joins pages newest first, one entry per id, whatever the page order', () => {
    const page1 = [assigned, renamed];
    const page2 = [created, renamed, noResources];
    const ids = ['ev-none', 'ev-assign', 'ev-rename', 'ev-create'];
    expect(mergePages(page1, page2).map((e) => e.id)).toEqual(ids);
    expect(mergePages(page2, page1, page1).map((e) => e.id)).toEqual(ids);
  });

  it('orders equal times by id and puts unreadable times last', () => {
    const at = (id: string, t: string): AuditEvent => ({ id, activityDateTime: t });
    expect(mergePages([at('b', '2026-01-01T00:00:00Z'), at('x', 'garbage'), at('a', '2026-01-01T00:00:00Z')]).map((e) => e.id)).toEqual(['a', 'b', 'x']);
  });

  it('gives an empty list for no pages or empty pages', () => {
    expect(mergePages()).toEqual([]);
    expect(mergePages([], [])).toEqual([]);
  });
});

describe('auditEventsFilter', () => {
  it('filters on activityDateTime in UTC', () => {
    expect(auditEventsFilter(Date.UTC(2026, 10, 6))).toBe('activityDateTime ge 2026-11-06T00:00:00.000Z');
    expect(auditEventsFilter(0, Date.UTC(1970, 0, 2))).toBe('activityDateTime ge 1970-01-01T00:00:00.000Z and activityDateTime lt 1970-01-02T00:00:00.000Z');
  });
});
