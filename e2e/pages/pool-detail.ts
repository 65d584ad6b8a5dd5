/** A pool's page (/pools/:id), reached from the pools list: its actions and their dialogs. */
import { expect, type Locator, type Page } from '../fixtures.ts';
import { PoolsList } from './pools-list.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class PoolDetail {
  readonly renameDialog: Locator;
  readonly deleteDialog: Locator;
  constructor(readonly page: Page) {
    this.renameDialog = page.getByRole('dialog', { name: 'Rename pool' });
    this.deleteDialog = page.getByRole('alertdialog', { name: 'Delete this pool?' });
  }

  /** Follows the pool's link in the pools list (the page is on /pools) and waits for its page. */
  async openFromList(pool: { id: string; displayName: string }): Promise<void> {
    await new PoolsList(this.page).table.getByRole('link', { name: pool.displayName, exact: true }).click();
    await expect(this.page).toHaveURL(new RegExp(`/pools/${escape(pool.id)}$`));
    await expect(this.page.getByRole('heading', { level: 1, name: pool.displayName })).toBeVisible();
  }

  /** Rename or Delete in the pool's action bar. */
  action(name: 'Rename' | 'Delete'): Locator {
    return this.page.getByRole('group', { name: 'Pool actions' }).getByRole('button', { name });
  }

  /** Back to the list through the breadcrumb. */
  async backToList(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'eSIM cellular profiles' }).click();
  }
}
