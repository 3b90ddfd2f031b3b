import type { Locator, Page } from 'playwright-core';
import type { Clock } from '../../app/engine/clock';

/**
 * Helpers for the staff screens: a real clock a test can move ahead (to wait out the delay after
 * wrong PINs without sleeping), and signing in as a cashier would.
 */

export interface LeapingClock extends Clock {
  /** Moves "now" ahead by `ms` at once; timers keep real time. */
  leap(ms: number): void;
}

export function leapingClock(): LeapingClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    setTimer: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    leap: (ms) => {
      offset += ms;
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
