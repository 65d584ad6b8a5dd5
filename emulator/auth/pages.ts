/**
 * The sign-in provider's HTML pages: account picker, error and signed-out
 * pages. Plain server-rendered HTML, no script; WCAG 2.1 AA (language,
 * title, headings, landmarks, labelled controls, ≥ 4.5:1 contrast, visible
 * focus, native buttons for keyboard use).
 */
import { escapeHtml } from '../http.ts';
import type { SeedUser } from '../constants.ts';

const STYLE = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 "Segoe UI", system-ui, -apple-system, sans-serif; color: #1b1b1b; background: #f3f2f1; }
  main { max-width: 30rem; margin: 3rem auto; padding: 2rem; background: #fff; border: 1px solid #8a8886; border-radius: 4px; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  p { margin: 0 0 1rem; }
  .note { color: #3b3a39; font-size: .9rem; }
  fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
  legend { font-weight: 600; margin-bottom: .5rem; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { margin: 0 0 .5rem; }
  button { font: inherit; cursor: pointer; }
  .account { display: block; width: 100%; text-align: left; padding: .75rem 1rem; background: #fff; color: #1b1b1b; border: 1px solid #605e5c; border-radius: 4px; }
  .account:hover { background: #edebe9; }
  .account .name { display: block; font-weight: 600; }
  .account .user, .account .desc { display: block; color: #3b3a39; font-size: .9rem; }
  .account[data-suggested] { border: 2px solid #0f6cbd; }
  .secondary { padding: .5rem 1rem; background: #fff; color: #0f548c; border: 1px solid #0f548c; border-radius: 4px; }
  a { color: #0f548c; }
  button:focus-visible, a:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
  code { font-family: ui-monospace, Consolas, monospace; font-size: .9em; word-break: break-all; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function signInPage(opts: {
  action: string;
  transactionId: string;
  users: readonly SeedUser[];
  suggested?: string;
}): string {
  const items = opts.users
    .map((u) => {
      const suggested = opts.suggested && u.username.toLowerCase() === opts.suggested.toLowerCase();
      return `<li><button type="submit" class="account" name="username" value="${escapeHtml(u.username)}"${suggested ? ' data-suggested autofocus' : ''}>
<span class="name">${escapeHtml(u.name)}${suggested ? ' (suggested)' : ''}</span>
<span class="user">${escapeHtml(u.username)}</span>
<span class="desc">${escapeHtml(u.description)}</span>
</button></li>`;
    })
    .join('\n');
  return layout(
    'Sign in to Contoso (local)',
    `<h1>Sign in to Contoso (local)</h1>
<p class="note">This is the local eSIM emulator's sign-in page. No password is needed: choose a test account.</p>
<form method="post" action="${escapeHtml(opts.action)}">
<input type="hidden" name="txn" value="${escapeHtml(opts.transactionId)}">
<fieldset>
<legend>Choose an account</legend>
<ul>
${items}
</ul>
</fieldset>
<button type="submit" class="secondary" name="action" value="cancel">Cancel</button>
</form>`,
  );
}

export function errorPage(title: string, code: string, description: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p role="alert"><strong>${escapeHtml(code)}</strong>: ${escapeHtml(description)}</p>
<p class="note">The application that sent you here is misconfigured or the request expired. Close this window and try again from the application.</p>`,
  );
}

export function signedOutPage(): string {
  return layout(
    "You're signed out",
    `<h1>You're signed out</h1>
<p>You have signed out of Contoso (local). It's a good idea to close all browser windows.</p>`,
  );
}

/** Entra's consent prompt for on-demand permissions, or "Need admin approval" for a user who may not grant them. */
export function consentPage(opts: {
  action: string;
  transactionId: string;
  user: SeedUser;
  appName: string;
  permissions: readonly { name: string; title: string }[];
}): string {
  const list = opts.permissions.map((p) => `<li><strong>${escapeHtml(p.title)}</strong> <code>${escapeHtml(p.name)}</code></li>`).join('\n');
  const who = `<p class="note">Signed in as ${escapeHtml(opts.user.username)}</p>`;
  const form = (buttons: string) =>
    `<form method="post" action="${escapeHtml(opts.action)}">
<input type="hidden" name="txn" value="${escapeHtml(opts.transactionId)}">
${buttons}
</form>`;
  if (!opts.user.mayGrantAdminConsent) {
    return layout(
      'Need admin approval',
      `<h1>Need admin approval</h1>
${who}
<p>${escapeHtml(opts.appName)} needs permission to access resources in your organization that only an admin can grant. Ask an admin to grant permission to this app before you can use it.</p>
<ul>
${list}
</ul>
${form('<button type="submit" class="secondary" name="action" value="cancel">Return to the application without granting consent</button>')}`,
    );
  }
  return layout(
    'Permissions requested',
    `<h1>Permissions requested</h1>
${who}
<p>${escapeHtml(opts.appName)} would like to:</p>
<ul>
${list}
</ul>
<p class="note">Accepting grants these permissions for everyone in Contoso (local) (admin consent). You can remove them in the application's permissions in Entra ID.</p>
${form(`<button type="submit" class="account" name="action" value="accept"><span class="name">Accept</span></button>
<button type="submit" class="secondary" name="action" value="cancel">Cancel</button>`)}`,
  );
}
