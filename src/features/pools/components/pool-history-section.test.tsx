import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent, AuditProperty } from '../../../entities/audit-events/types.ts';
import { PoolHistorySection } from './pool-history-section.tsx';
import { fakeAuth, fakePermissions } from '../../../testing/fake-auth.ts';
import { createFakeGraph, graphError, type FakeGraph, type Reply } from '../../../testing/fake-graph.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';

const POOL = 'pool-1';
const OLD = 'old-pool-0';
const MATCHING_ID = 'K2-4A9F1-QQ7ZT-88XX0';
const megan = { userPrincipalName: 'megan.bowen@contoso.example', applicationDisplayName: 'Intune eSIM console' };
const ev = (id: string, op: string, at: string, poolId: string, props: AuditProperty[] = []): AuditEvent => ({
  id,
  activityOperationType: op,
  activityResult: 'Success',
  activityDateTime: at,
  actor: megan,
  resources: [{ resourceId: poolId, type: 'EmbeddedSIMActivationCodePool', displayName: poolId === OLD ? 'Alpha (old)' : 'Alpha', modifiedProperties: props }],
});
const EVENTS = [
  ev('d', 'Delete', '2026-11-02T09:59:00Z', OLD),
  ev('c', 'Create', '2026-11-02T10:00:00Z', POOL, [
    { displayName: 'displayName', oldValue: null, newValue: 'Alpha' },
    { displayName: 'activationCodes', oldValue: null, newValue: `[{"matchingIdentifier":"${MATCHING_ID}"}]` },
    { displayName: 'Notes', oldValue: null, newValue: `LPA:1$smdp.alpha.example$${MATCHING_ID}` },
  ]),
  ev('r', 'Patch', '2026-11-03T10:00:00Z', POOL, [{ displayName: 'displayName', oldValue: 'Alpha', newValue: 'Alpha Mobile' }]),
];

const AUDIT = '/deviceManagement/auditEvents';

function setup(respond: () => Reply, permissions = fakePermissions(), prepare: (graph: FakeGraph) => void = () => {}) {
  const graph = createFakeGraph();
  graph.on({ path: AUDIT }, () => respond());
  prepare(graph);
  renderWithApp(<PoolHistorySection poolId={POOL} createdDateTime="2026-11-02T10:00:00Z" />, { graph, auth: fakeAuth({ permissions }) });
  return { graph, calls: () => graph.calls({ path: AUDIT }), section: screen.getByRole('region', { name: 'History' }) };
}

afterEach(() => window.sessionStorage.clear());

describe('PoolHistorySection', { timeout: 20_000 }, () => {
  it('asks for the permission only from the click, then lists who did what, never a matching ID', async () => {
    const popup = vi.fn((scopes: string[]) => Promise.resolve({ accessToken: 't', scopes }));
    const { section, calls } = setup(() => ({ status: 200, body: { value: EVENTS } }), fakePermissions(popup));
    expect(within(section).getByText(/needs the DeviceManagementApps.Read.All permission/)).toBeTruthy();
    expect(popup).not.toHaveBeenCalled();
    expect(calls()).toHaveLength(0);

    await userEvent.click(within(section).getByRole('button', { name: 'Show history' }));
    expect(popup).toHaveBeenCalledWith(['https://graph.microsoft.com/DeviceManagementApps.Read.All']);
    const table = await within(section).findByRole('table', { name: 'History' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows[0]).toContain('Renamed the pool');
    expect(rows[0]).toContain('Name: Alpha → Alpha Mobile');
    expect(rows[1]).toContain('Created the pool');
    expect(rows[1]).toContain('megan.bowen@contoso.example');
    expect(rows[1]).toContain('activationCodes: not shown');
    expect(calls()[0]?.query.get('$filter')).toBe('activityDateTime ge 2026-11-02T09:45:00.000Z');
    expect(document.body.textContent).not.toContain(MATCHING_ID);
    expect(document.body.textContent).not.toContain('LPA:1');

    // The delete just before the create: a link to the replaced pool's history, and how that is known.
    expect(within(section).getByRole('link', { name: 'History of the pool “Alpha (old)”' }).getAttribute('href')).toBe(`/pools/${OLD}/history`);
    expect(within(section).getByText(/How the console knows/)).toBeTruthy();
  });

  it('says what is missing and who can grant it when the admin declines', async () => {
    const declined = Object.assign(new Error('access_denied'), { errorCode: 'access_denied', errorMessage: 'AADSTS65004: User declined to consent to access the app.' });
    const { section, calls } = setup(() => ({ status: 200, body: { value: [] } }), fakePermissions(() => Promise.reject(declined)));
    await userEvent.click(within(section).getByRole('button', { name: 'Show history' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('You declined the request for DeviceManagementApps.Read.All');
    expect(alert.textContent).toContain('Cloud Application Administrator');
    expect(within(alert).getByRole('button', { name: 'Ask again' })).toBeTruthy();
    expect(calls()).toHaveLength(0);
  });

  it('names the missing permission on a 403 from Graph', async () => {
    const { section } = setup(() =>
      graphError(403, 'Forbidden', 'Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementApps.Read.All, DeviceManagementApps.ReadWrite.All'),
    );
    await userEvent.click(within(section).getByRole('button', { name: 'Show history' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('Microsoft Graph needs DeviceManagementApps.Read.All');
    expect(alert.textContent).toContain('Grant admin consent');
  });

  describe('assignment rows name their groups', () => {
    const FIELD = '0b9a8c7d-0000-4000-8000-00000000aaaa';
    const GONE = '3f2a0000-0000-4000-8000-00000000dead';
    const GET_BY_IDS = '/directoryObjects/getByIds';
    const target = (groupId: string) => ({ '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId, deviceAndAppManagementAssignmentFilterType: 'none' });
    const assigned = ev('a', 'Action', '2026-11-04T10:00:00Z', POOL, [{ displayName: 'assignments', oldValue: '[]', newValue: JSON.stringify([target(FIELD), target(GONE)]) }]);
    const open = async (prepare: (graph: FakeGraph) => void) => {
      const h = setup(() => ({ status: 200, body: { value: [assigned] } }), fakePermissions(), (graph) => {
        graph.seedGroup({ id: FIELD, displayName: 'Field engineers EMEA' });
        prepare(graph);
      });
      await userEvent.click(within(h.section).getByRole('button', { name: 'Show history' }));
      const table = await within(h.section).findByRole('table', { name: 'History' });
      return { ...h, row: () => within(table).getAllByRole('row')[1]?.textContent ?? '' };
    };

    it('shows the history with ids at once, then fills in names from one getByIds read; a group Graph no longer has reads as deleted', async () => {
      let answer: (() => void) | undefined;
      const { graph, section, row } = await open((g) =>
        g.on({ path: GET_BY_IDS }, (_req, engine) => new Promise((resolve) => (answer = () => resolve(engine())))),
      );
      expect(row()).toContain(`Included group ${FIELD}`);
      expect(within(section).getByText('Loading group names…')).toBeTruthy();
      await vi.waitFor(() => expect(answer).toBeDefined());
      answer?.();
      await vi.waitFor(() => expect(row()).toContain('Included group “Field engineers EMEA”'));
      expect(row()).toContain(`Included deleted group (id ${GONE})`);
      expect(within(section).queryByText('Loading group names…')).toBeNull();
      const reads = graph.calls({ path: GET_BY_IDS });
      expect(reads).toHaveLength(1);
      expect(reads[0]?.body).toEqual({ ids: [FIELD, GONE], types: ['group'] });
    });

    it('keeps the history and its ids when the names cannot be read, and says so', async () => {
      const { section, row } = await open((g) => g.fail({ path: GET_BY_IDS }, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'));
      const warning = await within(section).findByText(/Group names could not be loaded, so groups are shown by id/);
      expect(warning.textContent).toContain('Insufficient privileges');
      expect(row()).toContain(`Included group ${FIELD}; Included group ${GONE}`);
      expect(row()).not.toContain('deleted');
    });
  });
});
