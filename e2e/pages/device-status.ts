import { expect, type Locator, type Page } from '../fixtures.ts';

export class DeviceStatus {
  readonly section: Locator;
  readonly legend: Locator;
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Device status' });
    this.legend = this.section.getByRole('list', { name: 'Devices by status' });
    this.table = this.section.getByRole('table', { name: 'Devices with a profile from this pool' });
  }

  error(): Locator {
    return this.section.getByRole('alert').filter({ hasText: /Device status could not be (loaded|refreshed)/ });
  }

  async refresh(): Promise<void> {
    await this.section.getByRole('button', { name: 'Refresh device status' }).click();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.legend).toBeVisible();
    await expect(this.table).toBeVisible();
  }
}
