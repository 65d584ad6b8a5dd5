/**
 * MSAL v5 redirect bridge (a separate, tiny entry: redirect.html). The
 * identity provider redirects here; this hands the response to the window
 * that started the flow (popup/silent) or back to the console (redirect).
 * It must not load the app or call Graph.
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `Sign-in could not be completed: ${error instanceof Error ? error.message : String(error)}. Close this window and try again.`;
  document.body.replaceChildren(p);
});
