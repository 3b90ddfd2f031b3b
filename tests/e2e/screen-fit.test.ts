import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

/*
 * Issue 18, "Fits without scrolling", in Chromium against the real terminal in demo mode with all three
 * simulated methods. At the screens counters really have (1024×768, 1366×768, and 800×600), every main
 * step — idle, keyed, waiting, each result, each question before money moves or a day closes — shows its
 * main action and its error where the cashier can see and press them: wholly inside the viewport and
 * not covered or clipped (the element itself is what a tap at its centre reaches). The page itself never
 * scrolls; only panels do. Charge, Cancel and New sale sit in one pinned action column.
 */

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 800, height: 600 },
] as const;
type Size = (typeof SIZES)[number];
const sizeName = (size: Size) => `${size.width}x${size.height}`;

let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;
let cashier: Page;
let orangepill: OrangepillSimulator;
/** Where Charge, Cancel and New sale were seen, per size: they must share one column. */
const mainActions = new Map<string, { name: string; right: number; left: number }[]>();

beforeAll(async () => {
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', demo: { methods: ['demo', 'atome', 'orangepill'] } });
  const simulator = terminal.service.simulators.get('orangepill');
  if (simulator === undefined) throw new Error('demo mode should run the Orangepill simulator');
  orangepill = simulator as OrangepillSimulator;
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  cashier = screens.cashier;
  await cashier.locator('[data-testid="device-bar"]').waitFor();
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const testId = (id: string, within: Page | Locator = cashier) => within.locator(`[data-testid="${id}"]`);

/** How far the page itself scrolls, beyond the viewport: 0 when it fits. */
const pageOverflow = () =>
  cashier.evaluate(() => {
    const page = document.scrollingElement ?? document.documentElement;
    return { down: page.scrollHeight - window.innerHeight, across: page.scrollWidth - window.innerWidth };
  });

/** True when a tap at the element's centre reaches it: not clipped by a panel, nor covered. */
const reachable = (target: Locator) =>
  target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });

/** True when an error is announced: a live region itself, or inside one that was already there. */
const announced = (target: Locator) =>
  target.evaluate((el) => el.closest('[aria-live="polite"], [aria-live="assertive"], [role="alert"], [role="status"]') !== null);

async function expectVisible(target: Locator, what: string, size: Size): Promise<void> {
  const box = await target.boundingBox();
  expect(box, `${what} at ${sizeName(size)}: not shown`).not.toBeNull();
  if (box === null) return;
  const where = `${what} at ${sizeName(size)}: box ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;
  expect.soft(box.x, where).toBeGreaterThanOrEqual(0);
  expect.soft(box.y, where).toBeGreaterThanOrEqual(0);
  expect.soft(box.x + box.width, where).toBeLessThanOrEqual(size.width);
  expect.soft(box.y + box.height, where).toBeLessThanOrEqual(size.height);
  expect.soft(await reachable(target), `${where}: clipped or covered`).toBe(true);
}

interface Step {
  /** e.g. "demo keyed": names the screenshots and the failures. */
  readonly name: string;
  /** The main actions: wholly on screen and pressable. */
  readonly actions: readonly Locator[];
  /** Errors (or refusals) shown now: on screen and announced. */
  readonly errors?: readonly Locator[];
  /** Charge, Cancel or New sale: recorded to prove they share the pinned column. */
  readonly pinned?: Locator;
}

/** The step at each counter size: its actions and errors in view, and no page scroll. */
async function expectFits(step: Step): Promise<void> {
  for (const size of SIZES) {
    await cashier.setViewportSize(size);
    for (const action of step.actions) await expectVisible(action, `${step.name}: ${await action.getAttribute('data-testid')}`, size);
    for (const error of step.errors ?? []) {
      await expectVisible(error, `${step.name}: error "${await error.innerText()}"`, size);
      expect(await announced(error), `${step.name}: error not announced`).toBe(true);
    }
    expect.soft(await pageOverflow(), `${step.name} at ${sizeName(size)}: the page scrolls`).toEqual({ down: 0, across: 0 });
    if (step.pinned !== undefined) {
      const box = await step.pinned.boundingBox();
      if (box !== null) {
        const seen = mainActions.get(sizeName(size)) ?? [];
        seen.push({ name: step.name, left: box.x, right: box.x + box.width });
        mainActions.set(sizeName(size), seen);
      }
    }
    await saveScreenshot(cashier, `fit-${step.name.replace(/\W+/g, '-')}-${sizeName(size)}`);
  }
  await cashier.setViewportSize(SIZES[0]);
}

/** The text of an element sits on one line (every line box of its text shares one top) and is not cut off. */
const oneLine = (target: Locator) =>
  target.evaluate((el) => {
    const tops = new Set<number>();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    }
    return { lines: tops.size, fits: el.scrollWidth <= el.clientWidth + 1 };
  });

async function chooseMethod(method: string): Promise<void> {
  await cashier.bringToFront();
  await testId('currency').selectOption('SGD');
  await testId('method').selectOption(method);
  await testId('amount').click();
}

const charge = () => testId('charge');
const clear = () => cashier.locator('.keypad [data-key="clear"]').click();

describe.each(['demo', 'atome', 'orangepill'])('the %s method at 1024×768, 1366×768 and 800×600', (method) => {
  it('idle, keyed to the most digits, and the keypad\u2019s refusal beside the keypad', async () => {
    await chooseMethod(method);
    await expectFits({ name: `${method} idle`, actions: [charge(), testId('amount')], pinned: charge() });

    for (const key of '123456789') await cashier.keyboard.press(key);
    await expect.poll(() => testId('amount').innerText()).toContain('1,234,567.89');
    await expectFits({ name: `${method} keyed`, actions: [charge(), testId('amount')], pinned: charge() });
    for (const size of SIZES) {
      await cashier.setViewportSize(size);
      expect(await oneLine(testId('amount')), `amount at ${sizeName(size)}`).toEqual({ lines: 1, fits: true });
      expect(await oneLine(charge()), `Charge at ${sizeName(size)}`).toEqual({ lines: 1, fits: true });
    }

    await cashier.keyboard.press('0');
    const error = testId('cashier-error');
    await expect.poll(() => error.innerText()).toBe('At most 9 digits can be keyed');
    await expectFits({ name: `${method} too many digits`, actions: [charge(), testId('amount')], errors: [error] });
    // Beside the keypad: in its column, just above or below it.
    for (const size of SIZES) {
      await cashier.setViewportSize(size);
      const keypad = await cashier.locator('.keypad').boundingBox();
      const shown = await error.boundingBox();
      if (keypad === null || shown === null) throw new Error('keypad and error should both show');
      expect(shown.x + shown.width, `error overlaps the keypad's column at ${sizeName(size)}`).toBeGreaterThan(keypad.x);
      expect(shown.x, `error overlaps the keypad's column at ${sizeName(size)}`).toBeLessThan(keypad.x + keypad.width);
      const gap = Math.max(shown.y - (keypad.y + keypad.height), keypad.y - (shown.y + shown.height));
      expect(gap, `error's distance from the keypad at ${sizeName(size)}`).toBeLessThan(48);
    }
    await cashier.setViewportSize(SIZES[0]);
    await clear();
  });

  it('waiting for the customer, and each result: paid, failed, expired, cancelled', async () => {
    for (const outcome of ['paid', 'failed', 'expired', 'cancelled'] as const) {
      await keySale(cashier, { currency: 'SGD', method, keys: '2000', shown: '20.00' });
      if (outcome === 'paid') await expectFits({ name: `${method} waiting`, actions: [testId('cancel')], pinned: testId('cancel') });
      if (outcome === 'cancelled') await testId('cancel').click();
      else await testId(`demo-${outcome}`).click();
      // Orangepill has no EXPIRED status: a request that timed out ends CANCELLED by Orangepill, a failure here.
      const shown = method === 'orangepill' && outcome === 'expired' ? 'failed' : outcome;
      await status(cashier, shown).waitFor();
      // After a failure or expiry, Charge again is a main action too.
      const again = (await testId('charge-again').count()) > 0 ? [testId('charge-again')] : [];
      await expectFits({ name: `${method} ${outcome}`, actions: [testId('new-sale'), ...again], pinned: testId('new-sale') });
      await newSale(screens);
    }
  });
});

describe('the money-safety questions, and the errors they can give', () => {
  it('a refund that is too large says so beside the refund form; the refund question fits', async () => {
    await keySale(cashier, { currency: 'SGD', method: 'atome', keys: '2000', shown: '20.00' });
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();
    await testId('refund-amount').fill('25');
    await testId('refund-submit').click();
    const answer = testId('refund-answer');
    await expect.poll(() => answer.innerText()).toContain('more than');
    await expectFits({ name: 'atome refund error', actions: [testId('new-sale'), testId('refund-submit')], errors: [answer] });

    await testId('refund-amount').fill('5');
    await testId('refund-submit').click();
    await testId('refund-confirm').waitFor();
    await expectFits({ name: 'atome refund question', actions: [testId('refund-confirm-accept'), testId('refund-confirm-back')] });
    await testId('refund-confirm-back').click();
    await testId('refund-confirm').waitFor({ state: 'detached' });
    await newSale(screens);
  });

  it('Atome\u2019s minimum, refused beside Charge', async () => {
    await chooseMethod('atome');
    for (const key of '120') await cashier.keyboard.press(key);
    await charge().click();
    const error = testId('cashier-error');
    await expect.poll(() => error.innerText()).toBe('Atome needs at least SGD 1.50');
    await expectFits({ name: 'atome below minimum', actions: [charge()], errors: [error] });
    await clear();
  });

  it('cancelling after money arrived asks first; the result says the money is to be returned', async () => {
    await keySale(cashier, { currency: 'SGD', method: 'orangepill', keys: '2000', shown: '20.00' });
    const request = orangepill.requests().at(-1);
    if (request === undefined) throw new Error('no request reached the simulator');
    const done = orangepill.simulate(request.id, 'partial');
    if (!done.ok) throw new Error(done.error);
    await status(cashier, 'partially_paid').waitFor();
    await expectFits({ name: 'orangepill part paid', actions: [testId('cancel')], pinned: testId('cancel') });
    await testId('cancel').click();
    await testId('cancel-money-confirm').waitFor();
    await expectFits({ name: 'orangepill cancel question', actions: [testId('cancel-money-confirm-accept'), testId('cancel-money-confirm-back')] });
    await testId('cancel-money-confirm-accept').click();
    await status(cashier, 'cancelled_with_money').waitFor();
    await expectFits({ name: 'orangepill cancelled with money', actions: [testId('new-sale')], pinned: testId('new-sale') });
    await newSale(screens);
  });

  it('closing the day asks first, over the figures', async () => {
    await testId('eod-open').click();
    await testId('eod-close-day').waitFor();
    await expectFits({ name: 'end of day', actions: [testId('eod-close-day'), testId('eod-dismiss')] });
    await testId('eod-close-day').click();
    await testId('eod-confirm').waitFor();
    await expectFits({ name: 'close day question', actions: [testId('eod-confirm-accept'), testId('eod-confirm-back')] });
    await testId('eod-confirm-back').click();
    await testId('eod-confirm').waitFor({ state: 'detached' });
    await testId('eod-dismiss').click();
    await testId('eod-panel').waitFor({ state: 'detached' });
  });
});

describe('one pinned action column, and a device bar of one row', () => {
  it('holds Charge, Cancel and New sale in the same column at every size', () => {
    for (const size of SIZES) {
      const seen = mainActions.get(sizeName(size)) ?? [];
      expect(seen.length, `main actions seen at ${sizeName(size)}`).toBeGreaterThan(10);
      const [first] = seen;
      if (first === undefined) continue;
      for (const action of seen) {
        expect(Math.abs(action.right - first.right), `${action.name} right edge at ${sizeName(size)}`).toBeLessThanOrEqual(2);
        expect(Math.abs(action.left - first.left), `${action.name} left edge at ${sizeName(size)}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('shows every device as one chip in one row, saying what it means, with details a tap away', async () => {
    for (const size of SIZES) {
      await cashier.setViewportSize(size);
      const chips = cashier.locator('[data-testid="device-bar"] button');
      const tops = new Set<number>();
      for (const chip of await chips.all()) {
        const box = await chip.boundingBox();
        if (box !== null) tops.add(Math.round(box.y));
        // A bare "…" reads as loading: a chip not yet heard from says so in words.
        const text = (await chip.innerText()).trim();
        expect(text).not.toMatch(/^…|^\.\.\./);
        if ((await chip.getAttribute('data-health')) === 'unknown') expect(text).toMatch(/Checking…|Not checked yet/);
        if ((await chip.getAttribute('data-health')) === 'off') expect(text).toMatch(/Not set up|Off|None|Stopped/);
      }
      expect([...tops], `device chips' rows at ${sizeName(size)}`).toHaveLength(1);
      await saveScreenshot(cashier, `fit-device-bar-${sizeName(size)}`);
    }
    await cashier.setViewportSize(SIZES[0]);
    // Each method is named as the Method picker names it (the demo banner says "simulated" once for all).
    const picker = await testId('method').locator('option').allInnerTexts();
    expect(picker).toHaveLength(3);
    const bar = await testId('device-bar').innerText();
    for (const name of picker) expect(bar).toContain(name.replace(/ \(simulated\)$/, '').trim());
    for (const provider of ['Opn', 'The demo provider']) expect(bar).not.toContain(provider);
    await testId('device-printer').click();
    await cashier.locator('[data-testid="devices-panel"]').waitFor();
    await testId('devices-close').click();
    await cashier.locator('[data-testid="devices-panel"]').waitFor({ state: 'detached' });
  });
});
