import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { Auth, AuthSnapshot, ReadOnlyReason } from './auth.ts';

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ auth, children }: { auth: Auth; children: ReactNode }) {
  return <AuthContext value={auth}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const auth = use(AuthContext);
  if (!auth) throw new Error('useAuthState must be used inside <AuthProvider>');
  return auth;
}

export interface AuthState extends AuthSnapshot {
  signIn: () => Promise<void>;
  signOut: () => Promise<void>;
}

/** Signed-in user, write permission and sign-in/out actions, for components. */
export function useAuthState(): AuthState {
  const auth = useAuth();
  const snapshot = useSyncExternalStore(auth.subscribe, auth.getSnapshot);
  return { ...snapshot, signIn: auth.signIn, signOut: auth.signOut };
}

export interface WriteAccess {
  canWrite: boolean;
  /** Why the user may not write; undefined when `canWrite`. */
  reason: ReadOnlyReason | undefined;
}

/**
 * The one source of truth for "may this user change pools": the token's
 * scopes, and whether Intune refused a write this session. Every write button
 * and read-only notice reads this.
 */
export function useWriteAccess(): WriteAccess {
  const { canWrite, readOnlyReason } = useAuthState();
  return { canWrite, reason: canWrite ? undefined : (readOnlyReason ?? 'scope') };
}
