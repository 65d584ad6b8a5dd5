/** The upload page: drop carrier files, (choose replace), upload, follow the progress. */
import { expect, type Locator, type Page } from '../fixtures.ts';
import type { CarrierFile } from '../../src/testing/carrier-csv.ts';

export class UploadPage {
  readonly uploadButton: Locator;
  readonly progress: Locator;
  /** The drop zone's file input (Browse files, the keyboard path). */
  readonly fileInput: Locator;
  constructor(readonly page: Page) {
    this.uploadButton = page.getByRole('button', { name: /^Upload \d+ (remaining )?pools?$/ });
    this.progress = page.getByRole('table', { name: 'Upload progress by pool' });
    this.fileInput = page.getByLabel('Carrier CSV files');
  }

  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Upload carrier CSV files' })).toBeVisible();
  }

  /** Drops files on the drop zone the way a browser does: a DataTransfer, dragenter/dragover/drop. */
  async drop(files: CarrierFile[]): Promise<void> {
    await this.fileInput.evaluate(
      (input, list) => {
        const target = input.parentElement ?? input;
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([f.content], f.name, { type: 'text/csv' }));
        for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      files.map((f) => ({ name: f.name, content: f.content })),
    );
  }

  card(host: string): Locator {
    return this.page.getByRole('region', { name: host, exact: true });
  }

  /** Drops the files and waits until the batch can be uploaded. */
  async dropReady(files: CarrierFile[]): Promise<void> {
    await this.drop(files);
    await expect(this.uploadButton).toBeEnabled();
  }

  /** For a host whose pool exists: choose "Replace …" and wait until the batch can be uploaded. */
  async chooseReplace(host: string): Promise<void> {
    const card = this.card(host);
    await expect(card.getByTestId('pool-status')).toHaveText('Choose an option');
    await card.getByRole('radio', { name: /^Replace/ }).check();
    await expect(this.uploadButton).toBeEnabled();
  }

  async start(): Promise<void> {
    await this.uploadButton.click();
  }

  replaceDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: /^Replace/ });
  }

  /** The replace dialog is open and has read the pool it replaces (its confirm button turns on then). */
  async expectReplaceDialogReady(): Promise<void> {
    await expect(this.replaceDialog()).toBeVisible();
    await expect(this.replaceDialog().getByRole('button', { name: /Replace and upload/ })).toBeEnabled();
  }

  /** Upload, confirming the replace dialog. */
  async startReplace(): Promise<void> {
    await this.start();
    await this.replaceDialog().getByRole('button', { name: /Replace and upload/ }).click();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel upload' }).click();
  }

  row(poolName: string): Locator {
    return this.progress.getByRole('row').filter({ hasText: poolName });
  }

  async expectComplete(): Promise<void> {
    await expect(this.page.getByText('Upload complete')).toBeVisible({ timeout: 30_000 });
  }
}
