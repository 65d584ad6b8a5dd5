/**
 * Interactive token renewal that starts from the user's click.
 *
 * When silent renewal fails (refresh token revoked or expired, session ended),
 * only an interactive sign-in helps. Opening the popup right then would open
 * it without a user gesture, which browsers' popup blockers stop. Instead the
 * token request waits here, the console shows a "Sign in again" action, and
 * the popup opens from that click. The page is never reloaded, so work held
 * in memory (a queued upload, unsaved edits) survives; every waiting request
 * carries on with the new token.
 */

export interface RenewalSnapshot {
  /** Some request waits for the user to sign in again. */
  required: boolean;
  /** The sign-in popup is open. */
  inProgress: boolean;
  /** Why the last attempt failed (popup closed, blocked, sign-in error); null when none did. */
  error: Error | null;
}

/** Opens the interactive sign-in (a popup) and resolves with the new access token. */
export type InteractiveSignIn = (claims: string | undefined) => Promise<string>;

const IDLE: RenewalSnapshot = { required: false, inProgress: false, error: null };

export class InteractiveRenewal {
  private snapshot: RenewalSnapshot = IDLE;
  private readonly listeners = new Set<() => void>();
  private waiters: { resolve: (token: string) => void }[] = [];
  private claims: string | undefined;

  constructor(private readonly signIn: InteractiveSignIn) {}

  /**
   * A token for one request: the silent attempt, unless some request already
   * waits for the user to sign in again. Then this one joins that wait
   * without another silent attempt: after silent renewal has failed once, a
   * second try (a hidden prompt=none iframe to the sign-in service per
   * request) cannot succeed and only adds traffic. `needsInteraction` says
   * which silent failures only a sign-in can fix.
   */
  async token(silent: () => Promise<string>, needsInteraction: (error: unknown) => boolean, claims?: string): Promise<string> {
    if (this.snapshot.required) return this.waitForSignIn(claims);
    try {
      return await silent();
    } catch (error) {
      if (!needsInteraction(error)) throw error;
      return this.waitForSignIn(claims);
    }
  }

  /** Waits until the user has signed in again (a request's abort signal is the caller's to race). */
  waitForSignIn(claims?: string): Promise<string> {
    this.claims ??= claims;
    if (!this.snapshot.required) this.set({ required: true, inProgress: false, error: null });
    return new Promise<string>((resolve) => {
      this.waiters.push({ resolve });
    });
  }

  /**
   * Call synchronously from the click handler: the popup must open within the
   * user's gesture. Failures stay on the snapshot so the action can be retried.
   */
  readonly start = (): Promise<void> => {
    if (this.snapshot.inProgress) return Promise.resolve();
    // Started before any state update or await, so the popup opens inside the gesture.
    const attempt = this.signIn(this.claims);
    this.set({ required: true, inProgress: true, error: null });
    return attempt.then(
      (token) => {
        const waiters = this.waiters;
        this.waiters = [];
        this.claims = undefined;
        this.set(IDLE);
        waiters.forEach((w) => w.resolve(token));
      },
      (error: unknown) => {
        this.set({ required: true, inProgress: false, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
  };

  readonly getSnapshot = (): RenewalSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: RenewalSnapshot): void {
    this.snapshot = next;
    this.listeners.forEach((l) => l());
  }
}
