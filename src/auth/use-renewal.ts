import { useSyncExternalStore } from 'react';
import { useAuth } from './auth-context.tsx';
import type { RenewalSnapshot } from './interactive-renewal.ts';

export interface RenewalState extends RenewalSnapshot {
  /** Opens the sign-in popup: call it directly from a click handler. */
  signInAgain: () => Promise<void>;
}

/** Whether a request waits for the user to sign in again, and the action that does it. */
export function useInteractiveRenewal(): RenewalState {
  const { renewal } = useAuth();
  const snapshot = useSyncExternalStore(renewal.subscribe, renewal.getSnapshot);
  return { ...snapshot, signInAgain: renewal.start };
}
