import { InteractionRequiredAuthError, type PublicClientApplication } from '@azure/msal-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnDemandPermissions, PermissionNotGrantedError, consentFailure } from './on-demand-permissions.ts';

const AUDIT = 'DeviceManagementApps.Read.All';
const SCOPE = `https://graph.microsoft.com/${AUDIT}`;
const account = { homeAccountId: 'home', username: 'megan.bowen@contoso.example' };

function fakeMsal(opts: { popupScopes?: string[]; silent?: () => Promise<{ accessToken: string }> } = {}) {
  const popup = vi.fn((req: { scopes: string[] }) => Promise.resolve({ accessToken: 'consented', scopes: opts.popupScopes ?? [...req.scopes, 'openid'] }));
  const silent = vi.fn(opts.silent ?? (() => Promise.resolve({ accessToken: 'silent' })));
  const msal = { getActiveAccount: () => account, acquireTokenPopup: popup, acquireTokenSilent: silent } as unknown as PublicClientApplication;
  return { msal, popup, silent };
}

afterEach(() => window.sessionStorage.clear());

describe('OnDemandPermissions', () => {
  it('opens the consent popup from the click, for the permission alone, and remembers the name for this tab', async () => {
    const { msal, popup } = fakeMsal();
    const p = new OnDemandPermissions(msal, { [AUDIT]: SCOPE });
    expect(p.getSnapshot(AUDIT)).toMatchObject({ granted: false, inProgress: false });
    const started = p.consent(AUDIT).start();
    // Synchronously, inside the click's gesture.
    expect(popup).toHaveBeenCalledWith({ scopes: [SCOPE], account });
    await started;
    expect(p.getSnapshot(AUDIT)).toEqual({ granted: true, required: false, inProgress: false, error: null });
    expect(window.sessionStorage.getItem('esim-console.on-demand-permissions')).toBe(JSON.stringify([AUDIT]));
    expect(new OnDemandPermissions(msal, { [AUDIT]: SCOPE }).getSnapshot(AUDIT).granted).toBe(true);
  });

  it('asks silently for the permission’s scope only, never the sign-in scopes', async () => {
    const { msal, silent, popup } = fakeMsal();
    const p = new OnDemandPermissions(msal, { [AUDIT]: SCOPE });
    await expect(p.token(AUDIT)).resolves.toBe('silent');
    expect(silent).toHaveBeenCalledWith({ scopes: [SCOPE], account, forceRefresh: false });
    expect(popup).not.toHaveBeenCalled();
  });

  it('a token without the permission is a refusal, not a consent', async () => {
    const { msal } = fakeMsal({ popupScopes: ['openid', 'profile'] });
    const p = new OnDemandPermissions(msal, { [AUDIT]: SCOPE });
    await p.consent(AUDIT).start();
    const snapshot = p.getSnapshot(AUDIT);
    expect(snapshot.granted).toBe(false);
    expect(snapshot.error).toBeInstanceOf(PermissionNotGrantedError);
    expect(consentFailure(snapshot.error)).toBe('notGranted');
  });

  it('when silent acquisition needs consent, the request waits for the click and then carries on', async () => {
    const { msal, popup } = fakeMsal({ silent: () => Promise.reject(new InteractionRequiredAuthError('consent_required', 'AADSTS65001: not consented')) });
    const p = new OnDemandPermissions(msal, { [AUDIT]: SCOPE });
    const waiting = p.token(AUDIT);
    await vi.waitFor(() => expect(p.getSnapshot(AUDIT).required).toBe(true));
    expect(popup).not.toHaveBeenCalled();
    await p.consent(AUDIT).start();
    await expect(waiting).resolves.toBe('consented');
  });

  it('refuses a permission the configuration does not list', () => {
    const { msal } = fakeMsal();
    expect(() => new OnDemandPermissions(msal, {}).consent(AUDIT)).toThrow(/does not ask for the permission DeviceManagementApps.Read.All/);
  });
});

describe('consentFailure', () => {
  it.each([
    [{ errorCode: 'access_denied', errorMessage: 'AADSTS65004: User declined to consent to access the app.' }, 'declined'],
    [{ errorCode: 'access_denied', errorMessage: 'AADSTS90094: Admin consent is required' }, 'adminConsentRequired'],
    [{ errorCode: 'user_cancelled', errorMessage: 'User cancelled the flow.' }, 'closed'],
    [{ errorCode: 'popup_window_error', errorMessage: 'Error opening popup window.' }, 'blocked'],
    [new Error('network'), 'other'],
  ])('%o is %s', (error, kind) => expect(consentFailure(error)).toBe(kind));
});
