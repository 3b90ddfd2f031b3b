import type { Page } from 'playwright-core';
import { byTestId } from './staff-screens';

/** One person as typed into the Staff panel. */
export interface StaffRow {
  readonly name: string;
  /** Left as the panel offers it when not given (a manager). */
  readonly role?: 'cashier' | 'manager';
  readonly pin: string;
  /** The PIN typed again; the same as `pin` unless a test types it wrong on purpose. */
  readonly pinAgain?: string;
}

/** The manager Mei (PIN 2468) and the cashier Ali (PIN 1357), the staff the words tests list. */
export const MEI_AND_ALI: readonly [StaffRow, StaffRow] = [
  { name: 'Mei', pin: '2468' },
  { name: 'Ali', role: 'cashier', pin: '1357' },
];

/** Adds each person as a new row of an open Staff panel that lists nobody yet; saving is left to the test. */
export async function addStaffRows(page: Page, people: readonly StaffRow[]): Promise<void> {
  for (const [index, person] of people.entries()) {
    await byTestId(page, 'staff-add').click();
    const row = page.locator(`[data-testid="staff-row"][data-index="${String(index)}"]`);
    await byTestId(row, 'staff-name').fill(person.name);
    if (person.role !== undefined) await byTestId(row, 'staff-role').selectOption(person.role);
    await byTestId(row, 'staff-pin').fill(person.pin);
    await byTestId(row, 'staff-pin-again').fill(person.pinAgain ?? person.pin);
  }
}
