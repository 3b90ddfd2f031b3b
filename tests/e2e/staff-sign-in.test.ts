import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page, WebSocketRoute } from 'playwright-core';
import type { ServerMessage } from '../../app/ipc/ws-protocol';
import type { ScreenSession } from '../../electron/service/terminal/terminal-api';
import { axeViolations, describeSmallTargets, describeViolations, smallTargets } from '../support/accessibility-checks';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';
import { apiUrlOf, byTestId, leapingClock, signIn, typePin, type LeapingClock } from '../support/staff-screens';
import { connect } from '../support/ws-client';

/*
 * Issue 16, the staff screens, in Chromium against the real terminal in demo mode: a one-person shop
 * sells as before and Settings says what is unprotected; the staff are added from the screen (the
 * first must be a manager); the page then asks who is at the counter; wrong PINs are refused in
 * main's words and slowed; a cashier sells, and closing the day or refunding past the rule asks a
 * manager's PIN on the spot; a page that skips sign-in cannot sell; a dropped connection keeps the
 * cashier signed in, a reload does not. Every screen passes axe and fits 1024×768.
 */

const SMALL = { width: 1024, height: 768 };
const WIDE = { width: 1366, height: 768 };

let terminal: InProcessTerminal;
let clock: LeapingClock;
let browser: Browser;
let screens: Screens;
let cashier: Page;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  clock = leapingClock();
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', demo: { methods: ['demo', 'atome'] } }, {}, { clock });
  browser = await launchChromium();
  // axe-core is injected into the page, which its CSP would refuse otherwise.
  screens = await openScreens(browser, terminal.host.urls, { bypassCSP: true });
  cashier = screens.cashier;
  await cashier.setViewportSize(SMALL);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const testId = (id: string, within: Page | Locator = cashier) => byTestId(within, id);
const row = (index: number) => cashier.locator(`[data-testid="staff-row"][data-index="${String(index)}"]`);

async function expectClean(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
  const small = await smallTargets(page);
  expect(small, describeSmallTargets(where, small)).toEqual([]);
}

/** Each control lies wholly inside the viewport at both counter screen sizes: nothing to scroll to. */
async function expectInViewport(page: Page, controls: readonly Locator[]): Promise<void> {
  for (const size of [SMALL, WIDE]) {
    await page.setViewportSize(size);
    for (const control of controls) {
      const box = await control.boundingBox();
      const name = `${(await control.getAttribute('data-testid')) ?? 'control'} at ${String(size.width)}×${String(size.height)}`;
      expect(box, name).not.toBeNull();
      if (box === null) continue;
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height, name).toBeLessThanOrEqual(size.height);
    }
  }
  await page.setViewportSize(SMALL);
}

async function fillMember(index: number, member: { name: string; role: 'cashier' | 'manager'; pin: string; again?: string }): Promise<void> {
  await testId('staff-name', row(index)).fill(member.name);
  await testId('staff-role', row(index)).selectOption(member.role);
  await testId('staff-pin', row(index)).fill(member.pin);
  await testId('staff-pin-again', row(index)).fill(member.again ?? member.pin);
}

/** The journal's reports, read as Mei on a screen of the test's own (main answers nobody else once staff exist). */
const meiScreen: ScreenSession = { id: 'test-reader', operator: null, sessionToken: null };
const reportNumbers = async (): Promise<number[]> => {
  if (meiScreen.operator === null) await terminal.service.dispatch('signIn', { staffId: 'mei', pin: '2468' }, 'cashier', meiScreen);
  const result = await terminal.service.dispatch('listDayReports', {}, 'cashier', meiScreen);
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as readonly { number: number }[]).map((r) => r.number);
};

/** A page of its own, as on a second counter PC, at 1024×768. */
async function secondPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: SMALL });
  contexts.push(context);
  return context.newPage();
}

describe('a one-person shop (nobody listed)', () => {
  it('sells as before, with no sign-in, and Settings says what is unprotected', async () => {
    await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '500', shown: 'SGD 5.00' });
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();
    await newSale(screens);
    expect(await testId('sign-in').count()).toBe(0);
    expect(await testId('operator').count()).toBe(0);

    await testId('settings-open').click();
    await testId('staff-warning').waitFor();
    expect(await testId('staff-warning').innerText()).toBe(
      'Nobody is listed, so anyone at this counter can refund, close the day and change the settings: add a manager with a PIN to protect them.',
    );
    expect(await testId('staff-summary').innerText()).toBe('Nobody is listed: no PIN is asked at this counter.');
  });
});

describe('the staff list, from Settings', () => {
  it('refuses a first person who is not a manager, in main’s words at the field', async () => {
    await testId('staff-open').click();
    await testId('staff-panel').waitFor();
    expect(await testId('staff-panel-warning').innerText()).toMatch(/^Nobody is listed, so anyone at this counter can refund/);
    await testId('staff-add').click();
    expect(await testId('staff-role', row(0)).inputValue()).toBe('manager');
    await fillMember(0, { name: 'Ali', role: 'cashier', pin: '1357' });
    await testId('staff-save').click();
    await expect.poll(() => testId('staff-role-error', row(0)).innerText()).toBe(
      'Must list at least one manager: without one, nobody could refund, close the day or change settings',
    );
    expect(await testId('staff-role', row(0)).getAttribute('aria-invalid')).toBe('true');
    expect(await testId('staff-saved').innerText()).toBe('Nothing was saved: one field needs correcting, as shown at it');
  });

  it('asks for each new PIN twice, then keeps Mei (manager) and Ali (cashier) and the refund rule', async () => {
    await fillMember(0, { name: 'Mei', role: 'manager', pin: '2468' });
    await testId('staff-add').click();
    await fillMember(1, { name: 'Ali', role: 'cashier', pin: '1357', again: '1358' });
    await testId('refund-rule-over').check();
    await testId('refund-rule-threshold').fill('10.00');
    await testId('staff-save').click();
    await expect.poll(() => testId('staff-pin-again-error', row(1)).innerText()).toBe('Must be the same PIN as above');
    expect(await terminal.service.dispatch('getStaff', {}, 'cashier')).toMatchObject({ ok: true, value: { protected: false } });

    await testId('staff-pin-again', row(1)).fill('1357');
    await expectClean(cashier, 'the Staff panel');
    await expectInViewport(cashier, [testId('staff-save'), testId('staff-close')]);
    await saveScreenshot(cashier, 'cashier-staff');
    await testId('staff-save').click();

    // Saved: this screen has nobody signed in, so it asks who is at the counter.
    await testId('sign-in').waitFor();
    expect(await testId('sign-in-notice').innerText()).toBe('Staff are listed on this terminal now: sign in with your PIN');
    expect(await testId('sign-in-person').allInnerTexts()).toEqual(['Mei\nManager', 'Ali\nCashier']);
    expect(await testId('settings-panel').count()).toBe(0);
    expect(await terminal.service.dispatch('getStaff', {}, 'cashier')).toMatchObject({
      ok: true,
      value: { protected: true, refundApproval: { mode: 'over', thresholdMinor: 1000 }, members: [{ id: 'mei', role: 'manager' }, { id: 'ali', role: 'cashier' }] },
    });
  });
});

describe('signing in', () => {
  it('refuses a wrong PIN in main’s words, then makes the cashier wait, even for the right PIN', async () => {
    // The terminal's "now" stands still until the next test leaps past the wait: the accessibility check and
    // screenshot below may take longer than the 1 s wait on a loaded machine.
    clock.hold();
    await typePin(cashier, 'ali', '0000');
    await expect.poll(() => testId('sign-in-problem').innerText()).toBe('Wrong PIN for Ali');
    expect(await testId('sign-in-pin').inputValue()).toBe('');
    await typePin(cashier, 'ali', '0001');
    await expect.poll(() => testId('sign-in-problem').innerText()).toBe('Wrong PIN for Ali');
    // The same sentence twice: wait for the field to empty, so the next answer is the third's.
    await expect.poll(() => testId('sign-in-pin').inputValue()).toBe('');
    await typePin(cashier, 'ali', '0002');
    await expect.poll(() => testId('sign-in-problem').innerText()).toBe('Wrong PIN for Ali: try again in 1 s');
    await expectClean(cashier, 'the sign-in screen, after wrong PINs');
    await expectInViewport(cashier, [testId('sign-in-submit'), testId('sign-in-key-0'), testId('sign-in-key-backspace')]);
    await saveScreenshot(cashier, 'cashier-sign-in');

    await typePin(cashier, 'ali', '1357');
    await expect.poll(() => testId('sign-in-problem').innerText()).toBe('Too many wrong PINs: try again in 1 s');
    expect(await testId('operator').count()).toBe(0);
  });

  it('signs in with the right PIN once the wait is over, tapped on the keys, and Ali sells', async () => {
    clock.leap(2000);
    await cashier.locator('[data-testid="sign-in-person"][data-staff-id="ali"]').click();
    for (const digit of '1357') await testId(`sign-in-key-${digit}`).click();
    await testId('sign-in-submit').click();
    await expect.poll(() => testId('operator').innerText()).toBe('Ali (cashier)');
    expect(await testId('sign-in').count()).toBe(0);

    await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '1234', shown: 'SGD 12.34' });
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();
    await newSale(screens);
  });
});

describe('a manager’s PIN on the spot', () => {
  it('closes the day as Ali only with Mei’s PIN: Back closes nothing, a wrong PIN is refused in main’s words', async () => {
    await testId('eod-open').click();
    await testId('eod-close-day').click();
    await testId('eod-confirm-accept').click();
    const dialog = testId('manager-approval');
    await dialog.waitFor();
    expect(await testId('manager-approval-text').innerText()).toBe("A manager's PIN is needed to close the day");
    expect(await testId('manager-approval-manager').allInnerTexts()).toEqual(['Mei']);
    expect(await testId('manager-approval-manager').getAttribute('aria-pressed')).toBe('true');
    await expectClean(cashier, 'the manager’s approval over the close-day question');
    await expectInViewport(cashier, [testId('manager-approval-submit'), testId('manager-approval-back'), testId('manager-approval-key-0')]);
    await saveScreenshot(cashier, 'cashier-manager-approval');

    await testId('manager-approval-back').click();
    await dialog.waitFor({ state: 'detached' });
    await testId('eod-confirm').waitFor({ state: 'detached' });
    expect(await testId('eod-answer').count()).toBe(0);
    expect(await reportNumbers()).toEqual([]);

    await testId('eod-close-day').click();
    await testId('eod-confirm-accept').click();
    await dialog.waitFor();
    for (const digit of '1111') await cashier.keyboard.press(digit);
    await cashier.keyboard.press('Enter');
    await expect.poll(() => testId('manager-approval-problem').innerText()).toBe("A manager's PIN is needed to close the day: Wrong PIN for Mei");
    expect(await reportNumbers()).toEqual([]);

    for (const digit of '2468') await testId(`manager-approval-key-${digit}`).click();
    await testId('manager-approval-submit').click();
    await expect.poll(() => testId('eod-answer').innerText()).toBe('Day closed: report no. 1 is kept and printed');
    await dialog.waitFor({ state: 'detached' });
    expect(await reportNumbers()).toEqual([1]);
    await cashier.keyboard.press('Escape');
    await testId('eod-panel').waitFor({ state: 'detached' });
  });

  it('asks for a refund over the shop’s SGD 10.00, and not for one under it', async () => {
    await keySale(cashier, { currency: 'SGD', method: 'atome', keys: '2000', shown: 'SGD 20.00' });
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();

    await testId('refund-amount').fill('5.00');
    await testId('refund-submit').click();
    await testId('refund-confirm-accept').click();
    await expect.poll(() => testId('refund-answer').innerText()).toBe('Refunded SGD 5.00: SGD 15.00 can still be refunded');
    expect(await testId('manager-approval').count()).toBe(0);

    await testId('refund-amount').fill('12.00');
    await testId('refund-submit').click();
    await testId('refund-confirm-accept').click();
    await testId('manager-approval').waitFor();
    expect(await testId('manager-approval-text').innerText()).toBe("A manager's PIN is needed to refund SGD 12.00");
    for (const digit of '2468') await cashier.keyboard.press(digit);
    await cashier.keyboard.press('Enter');
    await expect.poll(() => testId('refund-answer').innerText()).toBe('Refunded SGD 12.00: SGD 3.00 can still be refunded');
    await testId('manager-approval').waitFor({ state: 'detached' });
    await newSale(screens);
  });
});

describe('main enforces the roles, whatever the page', () => {
  it('shows a fresh page the sign-in screen, and the cashier token alone cannot charge over the WebSocket', async () => {
    const page = await secondPage();
    await page.goto(terminal.host.urls.cashier);
    await byTestId(page, 'sign-in').waitFor();
    expect(await byTestId(page, 'amount').count()).toBe(0);

    const raw = await connect(apiUrlOf(terminal.host.urls.cashier));
    try {
      const answer: ServerMessage = await raw.command('charge', { amount: { minor: 500, currency: 'SGD' }, method: 'demo' });
      expect(answer).toMatchObject({ type: 'result', result: { ok: false, error: { code: 'sign_in_required', message: 'Sign in with your PIN first' } } });
    } finally {
      raw.close();
    }
  });
});

describe('staying signed in', () => {
  it('resumes the session after the connection drops, and a reload signs out', async () => {
    const page = await secondPage();
    const routes: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
    // Every WebSocket of this page goes through the test, which can cut it as a network would.
    await page.routeWebSocket(/\/api\?/, (ws) => {
      routes.push({ page: ws, server: ws.connectToServer() });
    });
    await page.goto(terminal.host.urls.cashier);
    await signIn(page, 'ali', '1357', 'Ali (cashier)');

    for (const route of routes.splice(0)) {
      await route.server.close();
      await route.page.close({ code: 4000, reason: 'cut by the test' });
    }
    await page.locator('[data-testid="connection-status"][data-status="reconnecting"]').waitFor();
    await byTestId(page, 'connection-status').waitFor({ state: 'detached' });
    expect(routes).toHaveLength(1);
    expect(await byTestId(page, 'operator').innerText()).toBe('Ali (cashier)');
    // The new connection sells only because the session was resumed on it.
    await keySale(page, { currency: 'SGD', method: 'demo', keys: '300', shown: 'SGD 3.00' });
    await byTestId(page, 'cancel').click();
    await status(page, 'cancelled').waitFor();
    await byTestId(page, 'new-sale').click();
    await byTestId(page, 'amount').waitFor();

    await page.reload();
    await byTestId(page, 'sign-in').waitFor();
    expect(await byTestId(page, 'operator').count()).toBe(0);
  });

  it('signs out with its button, and a screen whose cashier was removed returns to sign-in with a sentence', async () => {
    const ali = await secondPage();
    await ali.goto(terminal.host.urls.cashier);
    await signIn(ali, 'ali', '1357', 'Ali (cashier)');

    await testId('sign-out').click();
    await testId('sign-in').waitFor();
    expect(await testId('sign-in-notice').count()).toBe(0);
    await signIn(cashier, 'mei', '2468', 'Mei (manager)');

    await testId('settings-open').click();
    await testId('staff-open').click();
    await testId('staff-panel').waitFor();
    await testId('staff-remove', row(1)).click();
    await testId('staff-save').click();
    await expect.poll(() => testId('staff-saved').innerText()).toBe("Saved: Mei (manager). Refunds over SGD 10.00 need a manager's PIN.");
    expect(await testId('operator').innerText()).toBe('Mei (manager)');

    await byTestId(ali, 'history-open').click();
    await byTestId(ali, 'sign-in').waitFor();
    expect(await byTestId(ali, 'sign-in-notice').innerText()).toBe(
      'Ali is no longer signed in on this screen (the staff list changed, or the session ended): sign in with your PIN',
    );
    expect(await byTestId(ali, 'sign-in-person').allInnerTexts()).toEqual(['Mei\nManager']);
  });
});
