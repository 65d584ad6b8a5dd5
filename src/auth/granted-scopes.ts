/**
 * The Graph scopes the service granted at the last token response, kept for the tab's session.
 * The service may grant fewer scopes than asked (a read-only operator); asking only for what was
 * granted keeps silent requests on the cache, and the write scope's absence makes the console
 * read-only.
 */
export const GRANTED_KEY = 'esim-console.granted-scopes';

export function readGranted(): string[] | null {
  try {
    const raw = window.sessionStorage.getItem(GRANTED_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

export function saveGranted(scopes: readonly string[]): void {
  window.sessionStorage.setItem(GRANTED_KEY, JSON.stringify(scopes));
}

/**
 * The requested scopes (full URIs) that a token response granted. The response may name them
 * short ("DeviceManagementConfiguration.Read.All") or in full, in any case.
 */
export function grantedOf(requested: readonly string[], responseScopes: readonly string[]): string[] {
  return requested.filter((s) => responseScopes.some((g) => g.toLowerCase() === s.toLowerCase() || s.toLowerCase().endsWith(`/${g.toLowerCase()}`)));
}
