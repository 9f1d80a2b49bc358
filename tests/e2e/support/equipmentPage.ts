// The equipment register's CSV imports as a team lead or admin does them, on
// the "Godkjente modeller" page: a file as Excel on a Norwegian Windows saves
// it, chosen and imported. The specs check the result lines themselves.
import type { Page } from '@playwright/test';

/** A CSV file as Excel on a Norwegian Windows saves it: Windows-1252 (æøå are single bytes). */
export const excelFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'latin1'),
});

/** Imports the approved models (the page must be open). */
export async function importModels(page: Page, csv: string): Promise<void> {
  await page.getByTestId('import-models').setInputFiles(excelFile('modeller.csv', csv));
  await page
    .getByRole('form', { name: 'Importer godkjente modeller (CSV)' })
    .getByRole('button', { name: 'Importer' })
    .click();
}

/** Imports the existing devices (the page must be open). */
export async function importDevices(page: Page, csv: string): Promise<void> {
  await page.getByTestId('import-devices').setInputFiles(excelFile('utstyr.csv', csv));
  await page
    .getByRole('form', { name: 'Importer eksisterende utstyr (CSV)' })
    .getByRole('button', { name: 'Importer' })
    .click();
}
