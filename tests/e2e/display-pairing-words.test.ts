import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { DISPLAY_CATALOGS } from '../../app/i18n/catalogs';
import { WS_CLOSE, WS_PATH } from '../../app/ipc/ws-protocol';
import { axeViolations, describeViolations } from '../support/accessibility-checks';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { openPairing } from '../support/pairing-client';
import { saveScreenshot } from '../support/screens';

/*
 * The screens a customer display shows before it is the shop's: the pairing code, in the languages
 * the shop chose for its display (the host names them with the code), a code the host refuses to hand
 * out (it names the languages with its reason), and a refused link, which cannot know the shop's
 * languages and so says it in all three. Each passes axe-core.
 */

let browser: Browser;
let terminal: InProcessTerminal;
let tablet: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  terminal = await startInProcessTerminal({ merchant: { name: 'Kedai Kopi' }, language: { display: ['ms', 'zh-Hans'] } });
  // axe-core is injected as a script, which the pages' CSP (rightly) refuses.
  tablet = await browser.newContext({ viewport: { width: 1024, height: 600 }, bypassCSP: true });
});

afterAll(async () => {
  await tablet?.close();
  await browser?.close();
  await terminal?.close();
});

const displayPage = (): string => new URL('/display/', terminal.host.urls.display).toString();

describe('the display before it is paired', () => {
  it('shows its pairing code in the display languages the shop chose, Malay first and Chinese beneath', async () => {
    const page = await tablet.newPage();
    await page.goto(displayPage());
    const code = page.locator('[data-testid="pairing-code"]');
    await code.waitFor();
    const main = page.locator('[data-testid="display-pairing"]');
    const ms = DISPLAY_CATALOGS.ms.pairing;
    const zh = DISPLAY_CATALOGS['zh-Hans'].pairing;
    await expect.poll(() => main.locator('[lang="ms"]').allInnerTexts()).toEqual([ms.title, ms.instruction, ms.hint]);
    expect(await main.locator('[lang="zh-Hans"]').allInnerTexts()).toEqual([zh.title, zh.instruction, zh.hint]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ms');
    expect(await code.getAttribute('aria-label')).toMatch(/^Kod pasangan \d \d \d \d \d \d$/);
    expect(await main.innerText()).not.toContain('Pair this screen');
    expect(await main.innerText()).not.toContain('Kedai Kopi');
    expect(describeViolations('pairing screen (ms + zh-Hans)', await axeViolations(page))).toBe('pairing screen (ms + zh-Hans): no violations');
    await saveScreenshot(page, 'display-pairing-ms-zh');
    await page.close();
  });

  it('says why the terminal gives it no code, in the display languages, with no English', async () => {
    // Another page at the same address already holds a code: the terminal gives one code per address.
    // (The page before may still be closing: until the host has seen it go, its code holds the address.)
    let holder = openPairing(terminal.host.port);
    await expect
      .poll(async () => {
        if ((await holder.code) !== null) return true;
        holder = openPairing(terminal.host.port);
        return false;
      })
      .toBe(true);
    const page = await tablet.newPage();
    try {
      await page.goto(displayPage());
      const main = page.locator('[data-testid="display-pairing"][data-state="waiting"]');
      await main.waitFor();
      const ms = DISPLAY_CATALOGS.ms.pairing;
      const zh = DISPLAY_CATALOGS['zh-Hans'].pairing;
      await expect.poll(() => main.locator('[role="status"] [lang]').allInnerTexts()).toEqual([ms.refusedWhy.already_waiting, zh.refusedWhy.already_waiting]);
      const text = await main.innerText();
      for (const english of [DISPLAY_CATALOGS.en.pairing.refused, DISPLAY_CATALOGS.en.pairing.refusedWhy.already_waiting, 'already has a pairing code']) expect(text).not.toContain(english);
      expect(describeViolations('pairing refused (ms + zh-Hans)', await axeViolations(page))).toBe('pairing refused (ms + zh-Hans): no violations');
      await saveScreenshot(page, 'display-pairing-refused-ms-zh');
    } finally {
      await page.close();
      holder.ws.close();
      await holder.closed;
    }
  });

  it('says a refused link in all three languages, since it cannot know the shop’s', async () => {
    const page = await tablet.newPage();
    // A printed link whose token the terminal no longer knows (it was restarted without pairing): the
    // page is the one it had, and the terminal turns its socket away as it does for a stale token.
    await page.routeWebSocket((url) => url.pathname === WS_PATH, (ws) => ws.close({ code: WS_CLOSE.badToken, reason: 'unknown token' }));
    await page.goto(terminal.host.urls.display);
    const notice = page.locator('[data-testid="connection-status"][data-status="unauthorized"]');
    await notice.waitFor();
    expect(await notice.locator('[lang]').allInnerTexts()).toEqual([DISPLAY_CATALOGS.en.linkRefused, DISPLAY_CATALOGS.ms.linkRefused, DISPLAY_CATALOGS['zh-Hans'].linkRefused]);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(describeViolations('refused display link', await axeViolations(page))).toBe('refused display link: no violations');
    await page.close();
  });
});
