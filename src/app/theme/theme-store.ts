/**
 * The console's theme: the choice remembered per browser in localStorage
 * (a preference, not a secret) and the system's preferences, kept current as
 * either changes — another tab's choice (the `storage` event) or the system
 * switching to dark or to a contrast theme.
 */
import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY, parseThemeChoice, resolveTheme, type ResolvedTheme, type ThemeChoice } from './theme-choice.ts';

export interface ThemeState {
  choice: ThemeChoice;
  resolved: ResolvedTheme;
}

export interface ThemeEnvironment {
  matchMedia?: (query: string) => MediaQueryList;
  storage?: Storage;
  /** Where `storage` events from other tabs arrive. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

const QUERIES = { dark: '(prefers-color-scheme: dark)', forced: '(forced-colors: active)', contrast: '(prefers-contrast: more)' } as const;

export class ThemeStore {
  private readonly listeners = new Set<() => void>();
  private readonly media: MediaQueryList[];
  private readonly dark: MediaQueryList | undefined;
  private readonly highContrast: MediaQueryList[];
  private snapshot: ThemeState;

  constructor(private readonly env: ThemeEnvironment) {
    const mq = (q: string) => env.matchMedia?.(q);
    this.dark = mq(QUERIES.dark);
    this.highContrast = [mq(QUERIES.forced), mq(QUERIES.contrast)].filter((m): m is MediaQueryList => !!m);
    this.media = [this.dark, ...this.highContrast].filter((m): m is MediaQueryList => !!m);
    this.snapshot = this.take();
  }

  readonly getSnapshot = (): ThemeState => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) {
      this.media.forEach((m) => m.addEventListener('change', this.refresh));
      this.env.events?.addEventListener('storage', this.onStorage);
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.media.forEach((m) => m.removeEventListener('change', this.refresh));
      this.env.events?.removeEventListener('storage', this.onStorage);
    };
  };

  /** Remembers the choice for this browser ('system' forgets it). */
  readonly setChoice = (choice: ThemeChoice): void => {
    try {
      if (choice === 'system') this.env.storage?.removeItem(THEME_STORAGE_KEY);
      else this.env.storage?.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Storage may be full or disabled: the choice then lasts until the page is reloaded.
      this.snapshot = { choice, resolved: resolveTheme(choice, this.system()) };
      this.listeners.forEach((l) => l());
      return;
    }
    this.refresh();
  };

  private readonly onStorage = (e: Event) => {
    const key = (e as StorageEvent).key;
    if (key === THEME_STORAGE_KEY || key === null) this.refresh();
  };

  private readonly refresh = () => {
    const next = this.take();
    if (next.choice === this.snapshot.choice && next.resolved === this.snapshot.resolved) return;
    this.snapshot = next;
    this.listeners.forEach((l) => l());
  };

  private system() {
    return { dark: !!this.dark?.matches, highContrast: this.highContrast.some((m) => m.matches) };
  }

  private take(): ThemeState {
    let stored: string | null;
    try {
      stored = this.env.storage?.getItem(THEME_STORAGE_KEY) ?? null;
    } catch {
      stored = null;
    }
    const choice = parseThemeChoice(stored);
    return { choice, resolved: resolveTheme(choice, this.system()) };
  }
}

let store: ThemeStore | undefined;

function browserStore(): ThemeStore {
  if (!store) {
    let storage: Storage | undefined;
    try {
      storage = window.localStorage;
    } catch {
      storage = undefined;
    }
    store = new ThemeStore({ matchMedia: typeof window.matchMedia === 'function' ? (q) => window.matchMedia(q) : undefined, storage, events: window });
  }
  return store;
}

/** The theme in effect and the action that changes the choice. */
export function useTheme(): ThemeState & { setChoice: (choice: ThemeChoice) => void } {
  const s = browserStore();
  const state = useSyncExternalStore(s.subscribe, s.getSnapshot);
  return { ...state, setChoice: s.setChoice };
}
