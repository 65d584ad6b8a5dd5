import { describe, expect, it, vi } from 'vitest';
import { InteractiveRenewal } from './interactive-renewal.ts';

describe('InteractiveRenewal', () => {
  it('opens nothing by itself: waiting requests resume with the token of the sign-in the user started', async () => {
    const signIn = vi.fn((claims: string | undefined) => Promise.resolve(`token:${claims ?? ''}`));
    const r = new InteractiveRenewal(signIn);
    const seen: boolean[] = [];
    r.subscribe(() => seen.push(r.getSnapshot().required));
    const a = r.waitForSignIn('{"c":1}');
    const b = r.waitForSignIn();
    expect(signIn).not.toHaveBeenCalled();
    expect(r.getSnapshot()).toEqual({ required: true, inProgress: false, error: null });

    const started = r.start();
    // Called synchronously, inside the click's user gesture.
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(signIn).toHaveBeenCalledWith('{"c":1}');
    expect(r.getSnapshot().inProgress).toBe(true);
    await started;
    await expect(a).resolves.toBe('token:{"c":1}');
    await expect(b).resolves.toBe('token:{"c":1}');
    expect(r.getSnapshot()).toEqual({ required: false, inProgress: false, error: null });
    expect(seen.at(-1)).toBe(false);
  });

  it('keeps the requests waiting when the sign-in fails, shows why, and a second click can succeed', async () => {
    const signIn = vi.fn<(claims: string | undefined) => Promise<string>>().mockRejectedValueOnce(new Error('popup closed')).mockResolvedValueOnce('fresh');
    const r = new InteractiveRenewal(signIn);
    const waiting = r.waitForSignIn();
    await r.start();
    expect(r.getSnapshot()).toMatchObject({ required: true, inProgress: false, error: new Error('popup closed') });
    await r.start();
    await expect(waiting).resolves.toBe('fresh');
    expect(r.getSnapshot().required).toBe(false);
  });

  it('ignores a second click while the popup is open', async () => {
    let finish: (t: string) => void = () => undefined;
    const signIn = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const r = new InteractiveRenewal(signIn);
    const waiting = r.waitForSignIn();
    const first = r.start();
    void r.start();
    expect(signIn).toHaveBeenCalledTimes(1);
    finish('t');
    await first;
    await expect(waiting).resolves.toBe('t');
  });
});

describe('InteractiveRenewal.token', () => {
  const needsSignIn = (e: unknown) => e instanceof Error && e.message === 'interaction_required';

  it('tries silently once; after that fails, later requests wait for the sign-in without another silent try', async () => {
    const silent = vi.fn<() => Promise<string>>(() => Promise.reject(new Error('interaction_required')));
    const r = new InteractiveRenewal(() => Promise.resolve('fresh'));
    const first = r.token(silent, needsSignIn);
    await vi.waitFor(() => expect(r.getSnapshot().required).toBe(true));
    const second = r.token(silent, needsSignIn);
    const third = r.token(silent, needsSignIn, '{"c":1}');
    expect(silent).toHaveBeenCalledTimes(1);
    await r.start();
    await expect(Promise.all([first, second, third])).resolves.toEqual(['fresh', 'fresh', 'fresh']);
    // Signed in again: the next request is silent again.
    silent.mockResolvedValueOnce('cached');
    await expect(r.token(silent, needsSignIn)).resolves.toBe('cached');
    expect(silent).toHaveBeenCalledTimes(2);
  });

  it('passes other failures on, and asks for no sign-in for them', async () => {
    const r = new InteractiveRenewal(() => Promise.resolve('fresh'));
    await expect(r.token(() => Promise.reject(new Error('network down')), needsSignIn)).rejects.toThrow('network down');
    expect(r.getSnapshot().required).toBe(false);
  });
});
