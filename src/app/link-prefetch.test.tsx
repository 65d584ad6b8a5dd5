import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RouterLink } from '../components/router-link.tsx';
import { AssignmentsSection } from '../features/assignments/components/assignments-section.tsx';
import { PoolDetailPage } from '../features/pools/components/pool-detail-page.tsx';
import { createQueryClient } from '../lib/query-client.ts';
import { createFakeGraph } from '../testing/fake-graph.ts';
import { renderWithApp } from '../testing/render-with-app.tsx';
import { usePrefetchOnLinkIntent } from './link-prefetch.ts';

const POOL = '/deviceManagement/embeddedSIMActivationCodePools/pool-1';

function List() {
  usePrefetchOnLinkIntent();
  return <RouterLink to="/pools/pool-1">Contoso Mobile</RouterLink>;
}

describe('usePrefetchOnLinkIntent', { timeout: 20_000 }, () => {
  it('reads a pool page’s data while the pointer rests on its link, and neither a second hover nor opening the page reads it again', async () => {
    const graph = createFakeGraph();
    graph.seedGroup({ id: 'g1', displayName: 'Field engineers' });
    graph.seedPool({
      id: 'pool-1',
      displayName: 'Contoso Mobile',
      activationCodeCount: 10,
      assignments: [{ include: 'g1' }],
      deviceStates: [{ id: 'st-1', deviceName: 'LAPTOP-1', state: 'installed' }],
    });
    // The app's own QueryClient: its cache times decide whether the page reads again.
    const { user } = renderWithApp(<List />, {
      graph,
      path: '/pools',
      route: '/pools',
      queryClient: createQueryClient(),
      pages: { '/pools/:poolId': <PoolDetailPage poolId="pool-1" assignmentsSlot={<AssignmentsSection poolId="pool-1" />} /> },
    });
    const reads = () =>
      graph.requests
        .filter((r) => r.method === 'GET' && r.path.startsWith(POOL))
        .map((r) => r.path)
        .sort();
    const link = screen.getByRole('link', { name: 'Contoso Mobile' });
    // The pointer moves onto the link (a real move has movement; user-event's hover has none), rests, leaves.
    const pointer = (type: string, relatedTarget: Element | null = null) =>
      act(() => void link.dispatchEvent(new MouseEvent(type, { bubbles: true, movementX: 3, movementY: 1, relatedTarget })));

    await pointer('pointermove');
    await waitFor(() => expect(reads()).toEqual([POOL, `${POOL}/assignments`, `${POOL}/deviceStates`]));
    await pointer('pointerout', document.body);
    await pointer('pointermove');
    await new Promise((r) => setTimeout(r, 200));
    expect(reads()).toHaveLength(3);

    await user.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Contoso Mobile' });
    const status = screen.getByRole('region', { name: 'Device status' });
    await within(status).findByRole('button', { name: /^Installed 1 device/ });
    await screen.findByText('Field engineers');
    expect(reads()).toEqual([POOL, `${POOL}/assignments`, `${POOL}/deviceStates`]);
  });
});
