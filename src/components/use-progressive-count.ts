import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `total` items to mount now: at most `step` more per animation
 * frame, so a list that grows by dozens of heavy items at once (30 pool cards
 * when a batch of files is checked) commits in several short tasks instead
 * of one long one. Shrinking shows fewer at once; the count catches up within
 * ⌈total / step⌉ frames.
 */
export function useProgressiveCount(total: number, step: number): number {
  const [shown, setShown] = useState(() => Math.min(total, step));
  useEffect(() => {
    if (shown >= total) return;
    const id = requestAnimationFrame(() => startTransition(() => setShown((s) => Math.min(total, Math.max(s, 0) + step))));
    return () => cancelAnimationFrame(id);
  }, [shown, total, step]);
  return Math.min(shown, total);
}
