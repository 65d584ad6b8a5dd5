import { expect, test } from './fixtures.ts';
import { ADMIN, EmulatorControl, signIn } from './support.ts';

test('debug large', async ({ page }) => {
  const emulator = await EmulatorControl.create();
  await emulator.reset('large');
  await emulator.throttle({ enabled: true });
  await emulator.clearRequests();
  page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 300)));
  await signIn(page, ADMIN);
  await expect(page.getByRole('table', { name: 'eSIM activation-code pools' })).toBeVisible();
  await page.waitForTimeout(8000);
  const log = await emulator.requests();
  const byKind = new Map<string, number>();
  for (const r of log) {
    const k = `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '{id}')} ${r.status}`;
    byKind.set(k, (byKind.get(k) ?? 0) + 1);
  }
  console.log([...byKind].map(([k, v]) => `${v} ${k}`).join('\n'));
  console.log(await page.getByRole('status').allTextContents());
  await emulator.dispose();
});
