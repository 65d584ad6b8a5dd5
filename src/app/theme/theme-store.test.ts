import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from './theme-choice.ts';
import { ThemeStore } from './theme-store.ts';
import { memoryStorage } from '../../testing/memory-storage.ts';

/** A media query whose `matches` the test flips, firing 'change' like the browser. */
function fakeMedia(initial: Record<string, boolean>) {
  const lists = new Map<string, MediaQueryList & { set(v: boolean): void }>();
  const matchMedia = (query: string) => {
    let list = lists.get(query);
    if (!list) {
      const target = new EventTarget();
      let matches = initial[query] ?? false;
      Object.defineProperty(target, 'matches', { get: () => matches });
      list = Object.assign(target, {
        media: query,
        set(v: boolean) {
          matches = v;
          target.dispatchEvent(new Event('change'));
        },
      }) as unknown as MediaQueryList & { set(v: boolean): void };
      lists.set(query, list);
    }
    return list;
  };
  return { matchMedia, query: (q: string) => lists.get(q)! };
}

describe('ThemeStore', () => {
  it('follows the system until a choice is made, and follows it when it changes', () => {
    const media = fakeMedia({ '(prefers-color-scheme: dark)': true });
    const store = new ThemeStore({ matchMedia: media.matchMedia, storage: memoryStorage() });
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().resolved));
    expect(store.getSnapshot()).toEqual({ choice: 'system', resolved: 'dark' });
    media.query('(prefers-color-scheme: dark)').set(false);
    media.query('(forced-colors: active)').set(true);
    expect(seen).toEqual(['light', 'highContrast']);
  });

  it('remembers an explicit choice in storage, and forgets it for "system"', () => {
    const storage = memoryStorage();
    const store = new ThemeStore({ matchMedia: fakeMedia({}).matchMedia, storage });
    store.setChoice('dark');
    expect(storage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(new ThemeStore({ storage }).getSnapshot()).toEqual({ choice: 'dark', resolved: 'dark' });
    store.setChoice('system');
    expect(storage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(store.getSnapshot()).toEqual({ choice: 'system', resolved: 'light' });
  });

  it('takes another tab’s choice from the storage event', () => {
    const storage = memoryStorage();
    const events = new EventTarget();
    const store = new ThemeStore({ storage, events: events as unknown as Window });
    store.subscribe(() => undefined);
    storage.setItem(THEME_STORAGE_KEY, 'highContrast');
    events.dispatchEvent(Object.assign(new Event('storage'), { key: THEME_STORAGE_KEY }));
    expect(store.getSnapshot().resolved).toBe('highContrast');
  });

  it('keeps working when storage refuses writes', () => {
    const storage = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } } as Storage;
    const store = new ThemeStore({ storage });
    store.setChoice('dark');
    expect(store.getSnapshot()).toEqual({ choice: 'dark', resolved: 'dark' });
  });
});
