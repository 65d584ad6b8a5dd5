/** Bulk assign from the pools list: select pools, "Assign groups to N pools", pick groups in the dialog. */
import type { Locator, Page } from '../fixtures.ts';
import { pickGroup, type Picker } from './assignment-editor.ts';
import { PoolsList } from './pools-list.ts';

export class BulkAssign {
  /** The dialog, whatever step it is on. */
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  /** Ticks each pool's checkbox in the pools list. */
  async select(pools: { displayName: string }[]): Promise<void> {
    const table = new PoolsList(this.page).table;
    for (const p of pools) await table.getByRole('checkbox', { name: `Select ${p.displayName}` }).check();
  }

  /** The toolbar button for the selection. */
  button(count: number): Locator {
    return this.page.getByRole('button', { name: `Assign groups to ${count} pool${count === 1 ? '' : 's'}` });
  }

  async open(count: number): Promise<void> {
    await this.button(count).click();
  }

  /** Picks a group in the dialog, by keyboard. */
  async pickGroup(picker: Picker, term: string, name: string, dialog: Locator = this.dialog): Promise<void> {
    await pickGroup(this.page, dialog, picker, term, name);
  }
}
