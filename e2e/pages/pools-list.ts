import { expect, type Locator, type Page } from '../fixtures.ts';

export class PoolsList {
  readonly table: Locator;
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'eSIM activation-code pools' });
    this.rows = this.table.getByRole('row');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  error(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Pools could not be loaded' });
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh', exact: true }).click();
  }

  async expectLoaded(count?: number): Promise<void> {
    if (count === undefined) await expect(this.rows.nth(1)).toBeVisible();
    else await expect(this.rows).toHaveCount(count + 1);
  }
}
