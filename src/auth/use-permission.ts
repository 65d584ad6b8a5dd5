import { useSyncExternalStore } from 'react';
import { useAuth } from './auth-context.tsx';
import type { PermissionSnapshot } from './on-demand-permissions.ts';

export interface PermissionState extends PermissionSnapshot {
  /** Opens the consent popup for the permission: call it directly from a click handler. */
  request: () => Promise<void>;
}

/** Whether this tab holds an on-demand permission, the consent's progress, and the action that asks for it. */
export function useOnDemandPermission(permission: string): PermissionState {
  const { permissions } = useAuth();
  const snapshot = useSyncExternalStore(permissions.subscribe, () => permissions.getSnapshot(permission));
  return { ...snapshot, request: permissions.consent(permission).start };
}
