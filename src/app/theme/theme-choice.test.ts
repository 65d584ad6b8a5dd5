import { describe, expect, it } from 'vitest';
import { parseThemeChoice, resolveTheme } from './theme-choice.ts';

describe('theme choice', () => {
  it('follows the system by default: high contrast first, then dark or light', () => {
    expect(resolveTheme('system', { dark: false, highContrast: false })).toBe('light');
    expect(resolveTheme('system', { dark: true, highContrast: false })).toBe('dark');
    expect(resolveTheme('system', { dark: true, highContrast: true })).toBe('highContrast');
    expect(resolveTheme('system', { dark: false, highContrast: true })).toBe('highContrast');
  });

  it('an explicit choice wins over the system', () => {
    expect(resolveTheme('light', { dark: true, highContrast: true })).toBe('light');
    expect(resolveTheme('dark', { dark: false, highContrast: false })).toBe('dark');
    expect(resolveTheme('highContrast', { dark: false, highContrast: false })).toBe('highContrast');
  });

  it('reads a stored value, and anything else as the system default', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('highContrast')).toBe('highContrast');
    for (const raw of [null, undefined, '', 'Dark', 'purple', '{"x":1}']) expect(parseThemeChoice(raw)).toBe('system');
  });
});
