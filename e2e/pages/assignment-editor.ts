/** The assignments section of a pool: Edit → pick groups → Review changes → Save; and the group pickers it shares with bulk assign. */
import { expect, type Locator, type Page } from '../fixtures.ts';

export type Picker = 'Included groups' | 'Excluded groups';

/**
 * Keyboard only: type, arrow down to the option, Enter. `scope` holds the picker (a pool's
 * assignments section, or the bulk-assign dialog).
 */
export async function pickGroup(page: Page, scope: Locator, picker: Picker, term: string, name: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: picker });
  await input.click();
  await input.pressSequentially(term);
  // The popup list, not the chosen tags (which are options too).
  await expect(input).toHaveAttribute('aria-controls', /.+/);
  const list = page.locator(`[id="${await input.getAttribute('aria-controls')}"]`);
  const option = list.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(option).toBeVisible();
  const optionId = await option.getAttribute('id');
  // Arrow keys move the active option until it is the one we want.
  for (let i = 0; i < 25 && (await input.getAttribute('aria-activedescendant')) !== optionId; i++) await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', optionId!);
  await input.press('Enter');
  await expect(scope.getByRole('listbox', { name: `${picker}: chosen` }).getByRole('option', { name: new RegExp(name) })).toBeVisible();
}

export class AssignmentEditor {
  readonly section: Locator;
  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Assignments' });
  }

  async edit(): Promise<void> {
    await this.section.getByRole('button', { name: 'Edit assignments' }).click();
  }

  /** Keyboard only: type, arrow down to the option, Enter. */
  async pickGroup(picker: Picker, term: string, name: string): Promise<void> {
    await pickGroup(this.page, this.section, picker, term, name);
  }

  chosen(picker: Picker): Locator {
    return this.section.getByRole('listbox', { name: `${picker}: chosen` });
  }

  async review(): Promise<void> {
    await this.section.getByRole('button', { name: 'Review changes' }).click();
    await expect(this.changes()).toBeVisible();
  }

  changes(): Locator {
    return this.section.getByRole('list', { name: 'Changes' });
  }

  saveButton(): Locator {
    return this.section.getByRole('button', { name: 'Save' });
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }

  /** Edit, add the given groups, review: the draft the flow then saves. */
  async draft(groups: { picker: Picker; term: string; name: string }[]): Promise<void> {
    await this.edit();
    for (const g of groups) await this.pickGroup(g.picker, g.term, g.name);
    await this.review();
  }

  failure(): Locator {
    return this.section.getByRole('alert').filter({ hasText: 'Assignments were not saved' });
  }

  table(which: Picker): Locator {
    return this.section.getByRole('table', { name: which });
  }

  /** Saved: the editor closed and the section lists the groups. */
  async expectSaved(groups: { picker: Picker; name: string }[]): Promise<void> {
    for (const g of groups) await expect(this.table(g.picker)).toContainText(g.name);
    await expect(this.section.getByRole('button', { name: 'Edit assignments' })).toBeVisible();
  }
}
