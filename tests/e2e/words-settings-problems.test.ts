import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../app/i18n/said';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startServe, type ServeProcess } from '../support/serve-process';
import { byTestId } from '../support/staff-screens';

/*
 * A Malay cashier opens Settings on a terminal whose data folder holds a damaged paired-displays file
 * and a damaged provider keys file: the real headless host (`serve`) reads them at start, and the
 * settings panel says each problem in Malay, with none of the service's English sentences left.
 */

let browser: Browser;
let dir: string;
let data: string;
let serve: ServeProcess | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'settings-problems-e2e-'));
  data = join(dir, 'data');
  const config = join(dir, 'settings.json');
  writeFileSync(config, JSON.stringify({ language: { cashier: 'ms' } }), { mode: 0o600 });
  serve = await startServe(['--config', config, '--data', data]);
  await serve.stop();
  // Damaged while the host is down, as a power cut or a bad restore would leave them.
  writeFileSync(join(data, 'screen-links.json'), '{"version": 1, "displays": [{"id"', { mode: 0o600 });
  writeFileSync(join(data, 'credentials.json'), '["not", "keys"]', { mode: 0o600 });
  serve = await startServe(['--config', config, '--data', data]);
});

afterAll(async () => {
  await serve?.stop();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the settings panel’s problems with what was saved before, for a Malay cashier', () => {
  it('says a damaged paired-displays file and a damaged keys file in Malay, with no English left', async () => {
    if (serve === undefined) throw new Error('serve did not start');
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(serve.cashierUrl);
    await byTestId(page, 'device-bar').waitFor();
    await byTestId(page, 'settings-open').click();
    const problem = byTestId(page, 'settings-problem');
    await problem.waitFor();
    const say = (said: Said): string => wordSaid(said, CASHIER_WORDS.ms.said, saidFormat(null)) ?? '';
    const keys = say({ area: 'settings', kind: 'keys_file_damaged', file: join(data, 'credentials.json'), problem: 'unexpected' });
    const links = say({ area: 'settings', kind: 'paired_displays_damaged', file: join(data, 'screen-links.json'), problem: 'not_json' });
    expect(keys).toContain('rosak');
    expect(links).toContain('rosak');
    const text = await problem.innerText();
    expect(text.split('\n').filter((line) => line.trim() !== '')).toEqual([keys, links]);
    expect(text).not.toMatch(/is damaged|not valid JSON|unexpected contents|pair again|set the provider keys/);
    expect(englishLeftIn(text, 'ms')).toEqual([]);
    await page.context().close();
  });
});
