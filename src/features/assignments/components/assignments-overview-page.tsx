// Placeholder: replaced by the assignments feature work.
export function AssignmentsOverviewPage() {
  return <h1>Assignments</h1>;
}
