/**
 * Where a secret could leak from a browser session: console messages, request
 * URLs (every frame and popup of the context), page URLs, localStorage,
 * sessionStorage, every IndexedDB database, cookies, and the page's HTML.
 */
import type { BrowserContext, Page } from '@playwright/test';

export class SecretScanner {
  private readonly console: string[] = [];
  private readonly urls: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly context: BrowserContext,
  ) {
    page.on('console', (m) => this.console.push(m.text()));
    page.on('pageerror', (e) => this.console.push(`${e.name}: ${e.message}`));
    context.on('request', (r) => this.urls.push(r.url()));
    context.on('page', (p) => p.on('console', (m) => this.console.push(m.text())));
  }

  /** Each place's text, by name. */
  async surfaces(): Promise<Record<string, string>> {
    const storage = await this.page.evaluate(async () => {
      const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)).map((k) => `${k}=${k === null ? '' : s.getItem(k)}`).join('\n');
      const idb: string[] = [];
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(info.name!);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const [keys, values] = await Promise.all(
            (['getAllKeys', 'getAll'] as const).map(
              (m) =>
                new Promise<unknown[]>((resolve, reject) => {
                  const req = db.transaction(store, 'readonly').objectStore(store)[m]();
                  req.onsuccess = () => resolve(req.result as unknown[]);
                  req.onerror = () => reject(req.error);
                }),
            ),
          );
          idb.push(`${info.name}/${store}: ${JSON.stringify(keys)} ${JSON.stringify(values)}`);
        }
        db.close();
      }
      return { localStorage: dump(localStorage), sessionStorage: dump(sessionStorage), indexedDB: idb.join('\n') };
    });
    const cookies = await this.context.cookies();
    return {
      console: this.console.join('\n'),
      'request URLs': this.urls.join('\n'),
      'page URLs': this.context.pages().flatMap((p) => p.frames().map((f) => f.url())).join('\n'),
      ...storage,
      cookies: cookies.map((c) => `${c.domain} ${c.name}=${c.value}`).join('\n'),
      'page HTML': await this.page.content(),
    };
  }

  /** `place: secret` for every secret found, empty when none leaked. */
  async leaks(secrets: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const [place, text] of Object.entries(await this.surfaces())) {
      const hay = text.toUpperCase();
      for (const s of secrets) if (hay.includes(s.toUpperCase())) found.push(`${place}: ${s}`);
    }
    return found;
  }
}
