/** The Alarms view as e2e tests drive it, on one screen or on several sharing one broker. */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { connectionStatus, expect } from './fixtures';

export const activeTable = (page: Page): Locator => page.getByRole('table', { name: 'Active alarms' });
export const alarmRow = (page: Page, name: string): Locator => activeTable(page).getByRole('row').filter({ hasText: name });
/** The State column (4th) of a row. */
export const stateCell = (row: Locator): Locator => row.getByRole('cell').nth(3);

export async function openAlarms(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Alarms', exact: true }).click();
  await expect(activeTable(page)).toBeVisible();
}

/** Another control-room screen on the same broker: its own browser context (own storage, own station). */
export async function openScreen(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });
  await openAlarms(page);
  return { context, page };
}
