/**
 * Themes: light, dark and high contrast (Fluent's own), following the system
 * by default, chosen in the account menu and remembered per browser; every
 * page passes axe in each theme.
 */
import { expect, test, type Page } from './fixtures.ts';
import { ADMIN, THEME_STORAGE_KEY, expectNoAxeViolations, signIn } from './support.ts';

/** colorNeutralBackground1 of webLightTheme, webDarkTheme and teamsHighContrastTheme, as the page's body shows it. */
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(41, 41, 41)', highContrast: 'rgb(0, 0, 0)' } as const;

const stored = (page: Page) => page.evaluate((key) => window.localStorage.getItem(key), THEME_STORAGE_KEY);

async function expectTheme(page: Page, theme: keyof typeof BACKGROUND): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect(page.locator('body')).toHaveCSS('background-color', BACKGROUND[theme]);
  // The Fluent root, not only the page behind it.
  await expect(page.locator('.fui-FluentProvider').first()).toHaveCSS('background-color', BACKGROUND[theme]);
}

async function choose(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `Account: ${ADMIN.name}` }).click();
  await page.getByRole('menuitemradio', { name: label }).click();
  await page.keyboard.press('Escape');
}

test('the account menu switches the theme, and the choice is remembered in this browser', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, ADMIN);
  await expectTheme(page, 'light');

  await choose(page, 'Dark');
  await expectTheme(page, 'dark');
  expect(await stored(page)).toBe('dark');
  await page.getByRole('button', { name: `Account: ${ADMIN.name}` }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByRole('button', { name: `Account: ${ADMIN.name}` })).toBeVisible();
  await expectTheme(page, 'dark');

  await choose(page, 'High contrast');
  await expectTheme(page, 'highContrast');

  // Back to the system: the choice is forgotten, and the system's light scheme shows.
  await choose(page, 'Follow the system');
  await expectTheme(page, 'light');
  expect(await stored(page)).toBeNull();
});

test('by default the console follows the system: dark, light, and high contrast when forced colours are on', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/pools');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectTheme(page, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expectTheme(page, 'light');
  await page.emulateMedia({ forcedColors: 'active' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'highContrast');
  await page.emulateMedia({ forcedColors: 'none', contrast: 'more' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'highContrast');
  await page.emulateMedia({ contrast: 'no-preference' });
  await expectTheme(page, 'light');
});

test('every page passes axe in light, dark and high contrast', async ({ page }) => {
  await page.goto('/pools');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);

  await signIn(page, ADMIN);
  await expect(page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('row').nth(1)).toBeVisible();
  await expectNoAxeViolations(page);

  // A pool, with its history open (consented from the click).
  await page.getByRole('table', { name: 'eSIM activation-code pools' }).getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'Device status' })).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.getByRole('region', { name: 'History' }).getByRole('button', { name: 'Show history' }).click();
  const win = await popup;
  await win.getByRole('button', { name: /Accept/ }).click();
  await expect(page.getByRole('table', { name: 'History' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A deleted pool's history page.
  await page.goto('/pools/00000000-0000-4000-8000-000000000000/history');
  await page.getByRole('button', { name: 'Show history' }).click();
  await expect(page.getByText(/holds no changes to this pool/)).toBeVisible();
  await expectNoAxeViolations(page);

  for (const [path, heading] of [
    ['/upload', /upload/i],
    ['/assignments', /assignments/i],
    ['/no-such-page', /not found|no page/i],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page);
  }

  // The account menu, open, with its theme choices.
  await page.getByRole('button', { name: `Account: ${ADMIN.name}` }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeVisible();
  await expectNoAxeViolations(page);
});
