/**
 * Matching IDs (the secret half of an activation code) never leave the upload's
 * memory and its request bodies to Graph: after a full upload of a new pool and a
 * replace of it, none is in the console, a URL, localStorage, sessionStorage,
 * IndexedDB, a cookie, or the page. The scanner proves itself on planted values.
 */
import { expect, test } from './fixtures.ts';
import { blockPrefix, carrierFile, codes } from '../src/testing/carrier-csv.ts';
import { SecretScanner } from './pages/secret-scan.ts';
import { UploadPage } from './pages/upload-page.ts';

test.use({ user: 'admin' });

// The tag sits in the middle of every matching ID, where the masked preview shows dots: finding it anywhere is a leak.
const TAG = 'SECRETQ9';

test('no matching ID is left in storage, cookies, URLs, the console or the page after an upload and a replace', async ({ page, context, app, graph }) => {
  const scanner = new SecretScanner(page, context);
  const host = 'smdp.leakcheck-mobile.example.com';
  const first = carrierFile('leakcheck-2025.csv', host, codes(15, { prefix: blockPrefix(720), from: 0, tag: TAG }));
  const second = carrierFile('leakcheck-2026.csv', host, codes(15, { prefix: blockPrefix(720), from: 10, tag: TAG }));
  const secrets = [TAG, ...new Set([...first.codes, ...second.codes].map((c) => c.matchingId))];

  await app.open('/upload');
  const upload = new UploadPage(page);
  await upload.expectOpen();
  await upload.dropReady([first]);
  await upload.start();
  await upload.expectComplete();

  // Replace it: the earlier file and the new one, merged (25 distinct codes).
  await page.goto('/upload');
  await upload.expectOpen();
  await upload.drop([first, second]);
  await upload.chooseReplace(host);
  await upload.startReplace();
  await upload.expectComplete();
  expect((await graph.poolsNamed('leakcheck-mobile')).map((p) => p.activationCodeCount)).toEqual([25]);

  // The preview masks them; the progress and the results never had them.
  expect(await scanner.leaks(secrets)).toEqual([]);
  await page.goto('/pools');
  await expect(page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('link', { name: 'leakcheck-mobile' })).toBeVisible();
  expect(await scanner.leaks(secrets)).toEqual([]);

  // The scanner would have seen a leak in each place.
  const planted = `${TAG}-PLANTED`;
  await page.evaluate(async (p) => {
    console.log(`planted ${p}`);
    localStorage.setItem('planted', p);
    sessionStorage.setItem('planted', p);
    document.cookie = `planted=${p}`;
    const el = document.createElement('span');
    el.textContent = p;
    document.body.append(el);
    await fetch(`/config.json?planted=${p}`);
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('planted-db', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('s');
      req.onsuccess = () => {
        const tx = req.result.transaction('s', 'readwrite');
        tx.objectStore('s').put({ value: p }, 'k');
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
  }, planted);
  await expect
    .poll(async () => (await scanner.leaks([planted])).map((l) => l.split(':')[0]).sort())
    .toEqual(['console', 'cookies', 'indexedDB', 'localStorage', 'page HTML', 'request URLs', 'sessionStorage'].sort());
  await page.evaluate(() => indexedDB.deleteDatabase('planted-db'));
});
