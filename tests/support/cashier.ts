import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { status } from './screens';

/** Keys a sale on the cashier screen as a person would, and waits for its QR to show. */
export async function keySale(cashier: Page, sale: { currency: string; method: string; keys: string; shown: string }): Promise<void> {
  await cashier.bringToFront();
  await cashier.locator('[data-testid="amount"]').waitFor();
  await cashier.locator('[data-testid="currency"]').selectOption(sale.currency);
  await cashier.locator('[data-testid="method"]').selectOption(sale.method);
  await cashier.locator('[data-testid="amount"]').click();
  for (const key of sale.keys) await cashier.keyboard.press(key);
  await expect.poll(() => cashier.locator('[data-testid="amount"]').innerText()).toContain(sale.shown);
  await cashier.locator('[data-testid="charge"]').click();
  await status(cashier, 'awaiting').waitFor();
}
