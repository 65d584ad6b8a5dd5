// Placeholder: replaced by the assignments feature work.
export function AssignmentsSection({ poolId }: { poolId: string }) {
  return <section aria-label="Assignments" data-pool-id={poolId} />;
}
