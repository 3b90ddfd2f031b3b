import type { Locator, Page } from 'playwright-core';
import type { Clock } from '../../app/engine/clock';

/**
 * Helpers for the staff screens: a real clock a test can move ahead (to wait out the delay after
 * wrong PINs without sleeping), and signing in as a cashier would.
 */

export interface LeapingClock extends Clock {
  /** Stops "now" where it is (timers keep real time), so a wait the test checks cannot run out while a slow machine works. */
  hold(): void;
  /** Moves "now" ahead by `ms` at once (from where it was held, and lets it run again); timers keep real time. */
  leap(ms: number): void;
}

export function leapingClock(): LeapingClock {
  let offset = 0;
  let heldAt: number | null = null;
  const now = (): number => heldAt ?? Date.now() + offset;
  return {
    now,
    setTimer: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    hold: () => {
      heldAt = now();
    },
    leap: (ms) => {
      offset = now() + ms - Date.now();
      heldAt = null;
    },
  };
}

export const byTestId = (within: Page | Locator, id: string): Locator => within.locator(`[data-testid="${id}"]`);

/** The WebSocket address a page of this link speaks to. */
export const apiUrlOf = (pageUrl: string): string => pageUrl.replace(/^http/, 'ws').replace(/\/(cashier|display)\/\?/, '/api?');

/** Taps a name on the sign-in screen and types the PIN on the keyboard, then Enter. */
export async function typePin(page: Page, staffId: string, pin: string): Promise<void> {
  await page.locator(`[data-testid="sign-in-person"][data-staff-id="${staffId}"]`).click();
  const field = byTestId(page, 'sign-in-pin');
  await field.waitFor();
  await field.fill('');
  await field.focus();
  for (const digit of pin) await page.keyboard.press(digit);
  await page.keyboard.press('Enter');
}

/** Signs in and waits for the chip that names who is signed in. */
export async function signIn(page: Page, staffId: string, pin: string, shown: string): Promise<void> {
  await typePin(page, staffId, pin);
  await page.locator('[data-testid="operator"]', { hasText: shown }).waitFor();
}
