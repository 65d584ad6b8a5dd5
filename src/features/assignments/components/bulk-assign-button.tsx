// Placeholder: replaced by the assignments feature work.
export function BulkAssignButton({ pools }: { pools: { id: string; displayName: string }[]; onDone: () => void }) {
  return <span>{pools.length} selected</span>;
}
