import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PaymentDetail } from '../../app/ipc/history';
import type { ScreenSession } from '../../electron/service/terminal/terminal-api';
import type { DemoSimulator } from '../../electron/simulators/demo/demo-simulator';
import type { Outage } from '../../electron/simulators/faults';
import { axeViolations, describeSmallTargets, describeViolations, smallTargets } from '../support/accessibility-checks';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { demoRecords, startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { openScreens, type Screens } from '../support/screens';
import { byTestId, signIn } from '../support/staff-screens';

/*
 * A cashier parks a sale the demo provider cannot be asked about, and only a manager closes it as not
 * paid: the reason is typed, a question is asked, and the manager's PIN is given on the spot over the
 * Needs attention list. The payment keeps who decided and why; the audit keeps the cashier and the
 * manager. The list passes axe at the counter's smallest screen.
 */

const MEI = { id: 'mei', name: 'Mei', role: 'manager' as const, pin: '2468' };
const ALI = { id: 'ali', name: 'Ali', role: 'cashier' as const, pin: '1357' };
const REASON = 'Not in the demo console at 14:20';

let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;
let cashier: Page;
let outage: Outage | null = null;

beforeAll(async () => {
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, payment: { pollIntervalMs: 250, backoffBaseMs: 250, backoffMaxMs: 1000 } });
  expect(await terminal.service.dispatch('saveStaff', { members: [MEI, ALI], refundApproval: { mode: 'all' } }, 'cashier')).toMatchObject({ ok: true });
  browser = await launchChromium();
  // axe-core is injected into the page, which its CSP would refuse otherwise.
  screens = await openScreens(browser, terminal.host.urls, { bypassCSP: true });
  cashier = screens.cashier;
  await cashier.setViewportSize({ width: 1024, height: 768 });
});

afterAll(async () => {
  outage?.end();
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const testId = (id: string) => byTestId(cashier, id);

describe('marking a parked sale resolved as not paid', () => {
  let parkedId = '';

  it('lets Ali park a sale whose provider stopped answering', async () => {
    await signIn(cashier, 'ali', ALI.pin, 'Ali (cashier)');
    await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '900', shown: '9.00' });
    parkedId = demoRecords(terminal.service).at(-1)?.reference ?? '';
    outage = (terminal.service.simulators.get('demo') as DemoSimulator).faults.startOutage({ fault: { kind: 'reset' } });
    await expect.poll(() => testId('payment-notice').innerText(), { timeout: 10_000 }).toMatch(/^No connection to the demo provider/);
    await testId('park-sale').click();
    await testId('charge').waitFor();
    expect(await testId('needs-attention-count').innerText()).toBe('1');
  });

  it('closes it only with a reason, a question and Mei’s PIN, and keeps who decided and why', async () => {
    await testId('needs-attention-open').click();
    await testId('needs-attention-panel').waitFor();
    const violations = await axeViolations(cashier);
    expect(violations, describeViolations('the Needs attention list', violations)).toEqual([]);
    const small = await smallTargets(cashier);
    expect(small, describeSmallTargets('the Needs attention list', small)).toEqual([]);

    const card = cashier.locator(`[data-testid="parked-sale"][data-id="${parkedId}"]`);
    await card.locator('[data-testid="parked-resolve"]').click();
    // Too short to say why: the button waits for a reason main would take.
    await card.locator('[data-testid="parked-reason"]').fill('no');
    expect(await card.locator('[data-testid="parked-resolve-ask"]').isDisabled()).toBe(true);
    await card.locator('[data-testid="parked-reason"]').fill(REASON);
    await card.locator('[data-testid="parked-resolve-ask"]').click();
    const question = testId('parked-resolve-confirm');
    await question.waitFor();
    expect(await testId('parked-resolve-confirm-text').innerText()).toBe(
      `Parked sale ${parkedId} of SGD 9.00 will be closed as not paid, with your reason and the manager's name, and the terminal stops checking it. Do this only once the provider’s console shows it was not paid.`,
    );
    await testId('parked-resolve-confirm-accept').click();

    await testId('manager-approval').waitFor();
    expect(await testId('manager-approval-text').innerText()).toBe("A manager's PIN is needed to mark a parked sale resolved as not paid");
    for (const digit of MEI.pin) await testId(`manager-approval-key-${digit}`).click();
    await testId('manager-approval-submit').click();
    await testId('manager-approval').waitFor({ state: 'detached' });
    await card.waitFor({ state: 'detached' });
    expect(await testId('parked-empty').innerText()).toBe('Nothing needs attention: no sale is parked.');
    await testId('needs-attention-close').click();
    expect(await testId('needs-attention-open').count()).toBe(0);

    // Read back as a manager would in History, on a screen of the test's own.
    const screen: ScreenSession = { id: 'history-check', operator: null, sessionToken: null };
    expect(await terminal.service.dispatch('signIn', { staffId: 'mei', pin: MEI.pin }, 'cashier', screen)).toMatchObject({ ok: true });
    const detail = await terminal.service.dispatch('paymentDetail', { paymentId: parkedId }, 'cashier', screen);
    if (!detail.ok) throw new Error(detail.error.message);
    const { payment, audit } = detail.value as PaymentDetail;
    expect(payment.state).toEqual({
      status: 'failed',
      failure: {
        code: 'resolved_by_manager',
        message: `Marked not paid by Mei, after checking with the provider: ${REASON}`,
        said: { area: 'payment', kind: 'marked_not_paid', by: 'Mei', reason: REASON },
      },
    });
    expect(audit.map((a) => [a.action, a.operator?.name ?? null, a.approvedBy?.name ?? null, a.detail['reason'] ?? null])).toEqual([
      ['park', 'Ali', null, null],
      ['resolve', 'Ali', 'Mei', REASON],
    ]);
  });
});
