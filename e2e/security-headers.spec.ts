import { expect, test } from './fixtures.ts';
import { ADMIN, signIn } from './support.ts';

/** Parses a Content-Security-Policy header into directive → sources. */
function directives(csp: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

const ATTACKER = 'http://attacker.test/';

// The pair's console is told its emulator at runtime (e2e/pairs.ts): its policy names that emulator, and no other host.
test('the console and every route it serves carry the strict policy, nosniff and no framing', async ({ request, pair }) => {
  for (const path of ['/', '/pools/some-id?name=x', '/config.json']) {
    const res = await request.get(path);
    const headers = res.headers();
    const csp = directives(headers['content-security-policy']);
    expect(csp.get('script-src'), path).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
    expect(csp.get('connect-src'), path).toEqual(["'self'", pair.emulatorOrigin]);
    expect(csp.get('frame-src'), path).toEqual(["'self'", pair.emulatorOrigin]);
    expect(csp.get('worker-src'), path).toEqual(["'self'"]);
    expect(csp.get('object-src'), path).toEqual(["'none'"]);
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['cross-origin-opener-policy'], path).toBe('same-origin-allow-popups');
  }
});

test('the redirect bridge may be framed by the console origin only, and has no COOP', async ({ request }) => {
  const headers = (await request.get('/redirect.html')).headers();
  const csp = directives(headers['content-security-policy']);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cross-origin-opener-policy']).toBeUndefined();
});

test('no source map is linked or served', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    const res = await request.get(script);
    expect(res.headers()['content-type']).toContain('javascript');
    expect(await res.text(), script).not.toContain('sourceMappingURL');
    const map = await request.get(`${script}.map`);
    // vite preview answers unknown paths with the console's index.html.
    expect(await map.text(), `${script}.map`).not.toContain('"mappings"');
  }
});

test('another site cannot frame the console or the redirect bridge; the console can frame the bridge', async ({ page, pair }) => {
  await page.route(ATTACKER, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>attacker</title>
        <iframe id="console" src="${pair.consoleOrigin}/pools" onload="this.dataset.loaded = 'yes'"></iframe>
        <iframe id="bridge" src="${pair.consoleOrigin}/redirect.html" onload="this.dataset.loaded = 'yes'"></iframe>`,
    }),
  );
  await page.goto(ATTACKER);
  // A refused frame still fires load, with the browser's error page instead of the document.
  await expect(page.locator('#console')).toHaveAttribute('data-loaded', 'yes');
  await expect(page.locator('#bridge')).toHaveAttribute('data-loaded', 'yes');
  await expect(page.frameLocator('#console').locator('#root')).toHaveCount(0);
  await expect(page.frameLocator('#bridge').getByText('Completing sign-in')).toHaveCount(0);
  await expect(page.frameLocator('#bridge').getByRole('alert')).toHaveCount(0);

  // The console's own origin (here: its config.json document) may frame the
  // bridge, as MSAL's silent renewal does. Without a pending sign-in the
  // bridge says it could not complete one — which shows it ran.
  await page.goto('/config.json');
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.id = 'bridge';
    frame.src = '/redirect.html';
    document.body.append(frame);
  });
  await expect(page.frameLocator('#bridge').getByRole('alert')).toContainText('Sign-in could not be completed');
});

// Signs in through the UI: it drops the cached tokens and leans on the sign-in host's own session.
test('renewal without cached tokens: the prompt=none iframe, then, if the sign-in host’s cookie is not sent, Sign in again from a click; all under the policy', async ({ page, emulator }) => {
  await signIn(page, ADMIN);
  await expect(page.getByRole('table', { name: 'eSIM activation-code pools' })).toBeVisible();
  // Leave the console first (to a plain file of its origin, same sessionStorage), so no
  // background read of the old page (the capacity column's) asks for a token in between.
  await page.goto('/config.json');
  // Drop every cached token, so the next token request can only be met by
  // the sign-in host's session cookie: a prompt=none iframe.
  const removed = await page.evaluate(() => {
    const keys = Object.keys(sessionStorage).filter((k) => /refreshtoken|accesstoken/i.test(k));
    for (const k of keys) sessionStorage.removeItem(k);
    return keys.map((k) => (/refreshtoken/i.test(k) ? 'refresh' : 'access'));
  });
  expect(new Set(removed)).toEqual(new Set(['refresh', 'access']));
  await emulator.clearRequests();
  await page.goto('/pools');
  // MSAL tries the hidden prompt=none iframe first. Whether it succeeds depends on the browser's
  // third-party cookie policy (the local sign-in host is another site than the console), so it may
  // end in "Sign in again": then the popup opens from that click. Either way no policy is violated
  // (the suite-wide fixture fails the test on any securitypolicyviolation).
  const table = page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('row').nth(1);
  const again = page.getByRole('button', { name: 'Sign in again' });
  await expect(table.or(again)).toBeVisible();
  const calls = (await emulator.requests()).map((r) => r.path);
  expect(calls.filter((p) => p.includes('/oauth2/v2.0/authorize') && p.includes('prompt=none'))).toHaveLength(1);
  if (await again.isVisible()) {
    const popup = page.waitForEvent('popup');
    await again.click();
    await popup; // the popup signs in with the session cookie and closes itself
  }
  await expect(table).toBeVisible();
  await expect(page.getByRole('button', { name: `Account: ${ADMIN.name}` })).toBeVisible();
});
