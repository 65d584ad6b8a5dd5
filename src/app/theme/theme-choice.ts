/**
 * Which Fluent theme the console shows: the admin's choice from the account
 * menu, or (the default) the system's — high contrast when Windows runs a
 * contrast theme (`forced-colors: active`) or the system asks for more
 * contrast (`prefers-contrast: more`), else dark or light after
 * `prefers-color-scheme`. Pure: src/app/theme/theme-store.ts feeds it.
 */

export const THEME_CHOICES = ['system', 'light', 'dark', 'highContrast'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type ResolvedTheme = Exclude<ThemeChoice, 'system'>;

export const THEME_LABELS: Readonly<Record<ThemeChoice, string>> = {
  system: 'Follow the system',
  light: 'Light',
  dark: 'Dark',
  highContrast: 'High contrast',
};

/** Per browser, not a secret: the choice only. */
export const THEME_STORAGE_KEY = 'esim-console.theme';

export interface SystemPreferences {
  dark: boolean;
  /** `forced-colors: active` or `prefers-contrast: more`. */
  highContrast: boolean;
}

/** A stored value, or 'system' when absent or not one of the choices. */
export function parseThemeChoice(raw: string | null | undefined): ThemeChoice {
  return (THEME_CHOICES as readonly string[]).includes(raw ?? '') ? (raw as ThemeChoice) : 'system';
}

export function resolveTheme(choice: ThemeChoice, system: SystemPreferences): ResolvedTheme {
  if (choice !== 'system') return choice;
  if (system.highContrast) return 'highContrast';
  return system.dark ? 'dark' : 'light';
}
