/** Long tasks start at 50 ms; staying well under leaves room for input and paint. */
const SLICE_BUDGET_MS = 8;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Returns a function to await between units of work: it yields to the event
 * loop once `budgetMs` have passed since the last yield, and is free otherwise.
 */
export function createTimeSlicer(
  budgetMs = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
  yieldTask: () => Promise<void> = nextTask,
): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < budgetMs) return;
    await yieldTask();
    sliceStart = now();
  };
}
