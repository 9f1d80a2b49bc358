// What a person does with tickets on a desk page, in bokmål: find the parts
// of the ticket page, type a time the way an agent would (Oslo time), and
// read the ticket lists. Shared by the ticket end-to-end specs.
import { expect, type Locator, type Page } from '@playwright/test';
import { DateTime } from 'luxon';

/** "27.11.2026 14:05": an instant `minutesAgo` before now, as typed in Oslo time. */
export function osloTimeAgo(minutesAgo: number): string {
  return DateTime.now().setZone('Europe/Oslo').minus({ minutes: minutesAgo }).toFormat('dd.MM.yyyy HH:mm');
}

export function clock(page: Page, which: 'response' | 'resolution'): Locator {
  return page.getByTestId(`clock-${which}`);
}

export function ticketHeader(page: Page): Locator {
  return page.locator('header.ticket-head');
}

export function timeline(page: Page): Locator {
  return page.getByTestId('timeline');
}

export function ticketList(page: Page, name: 'Åpne saker' | 'Mine saker' | 'Alle saker'): Locator {
  return page.getByRole('grid', { name });
}

/** The rows of a ticket list (its header row left out). */
export function ticketRows(list: Locator): Locator {
  return list.locator('[role="row"][data-ticket-id]');
}

/** Waits for the ticket page to show the status, in words. */
export async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(ticketHeader(page).getByTestId('status')).toHaveText(status);
}
