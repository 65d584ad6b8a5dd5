import type { ReactNode } from 'react';

// Placeholder: replaced by the pool detail feature work.
export function PoolDetailPage({ poolId, assignmentsSlot }: { poolId: string; assignmentsSlot?: ReactNode }) {
  return (
    <>
      <h1>Pool {poolId}</h1>
      {assignmentsSlot}
    </>
  );
}
