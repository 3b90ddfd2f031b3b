import { describe, expect, it } from 'vitest';
import { DISPLAY_CATALOGS, displayLanguages, formatAmountIn, formatTimeIn, LANGUAGES, localeFor, type DisplayCatalog } from '../../app/i18n';
import { METHOD_IDS } from '../../app/payment/method';
import { DEMO_METHOD } from '../../app/providers/demo/demo-client';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { OPN_METHOD_IDS, OPN_METHODS } from '../../app/providers/opn/opn-methods';
import { orangepillMethodInfo } from '../../app/providers/orangepill/orangepill-method';

/** Every text a catalog can produce, by key, with sample arguments for the ones that take one. */
function texts(catalog: DisplayCatalog | object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog) as [string, unknown][]) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') out[path] = value;
    else if (typeof value === 'function') out[path] = String((value as (arg: string) => string)('§ARG§'));
    else if (typeof value === 'object' && value !== null) Object.assign(out, texts(value, `${path}.`));
  }
  return out;
}

describe('customer display catalogs', () => {
  const english = texts(DISPLAY_CATALOGS.en);

  it.each(LANGUAGES)('%s has every key English has, each non-empty', (language) => {
    const catalog = texts(DISPLAY_CATALOGS[language]);
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(catalog)) expect(text.trim(), `${language} ${key}`).not.toBe('');
  });

  it.each(LANGUAGES)('%s puts the argument into each message that takes one', (language) => {
    const catalog = DISPLAY_CATALOGS[language];
    expect(catalog.expiresIn('01:59')).toContain('01:59');
    expect(catalog.qrTitle('SGD 12.34')).toContain('SGD 12.34');
    expect(catalog.pairing.codeLabel('1 2 3 4 5 6')).toContain('1 2 3 4 5 6');
  });

  it('has an instruction for every method in every language', () => {
    for (const language of LANGUAGES) {
      for (const method of METHOD_IDS) expect(DISPLAY_CATALOGS[language].instructions[method].length).toBeGreaterThan(5);
    }
  });

  it('is really translated: Malay and Chinese differ from English on every plain message', () => {
    for (const language of ['ms', 'zh-Hans'] as const) {
      const catalog = texts(DISPLAY_CATALOGS[language]);
      for (const [key, text] of Object.entries(catalog)) expect(text, `${language} ${key}`).not.toBe(english[key]);
    }
    for (const text of Object.values(texts(DISPLAY_CATALOGS['zh-Hans']))) expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  it("keeps English's instructions word for word the providers' own", () => {
    expect(DISPLAY_CATALOGS.en.instructions).toEqual({
      demo: DEMO_METHOD.instruction,
      ...Object.fromEntries(OPN_METHOD_IDS.map((id) => [id, opnMethodInfo(false, id).instruction])),
      orangepill: orangepillMethodInfo(false).instruction,
    });
  });

  it("takes every Opn method's line, in each language, from the method table", () => {
    for (const language of LANGUAGES) {
      for (const id of OPN_METHOD_IDS) expect(DISPLAY_CATALOGS[language].instructions[id]).toBe(OPN_METHODS[id].instructions[language]);
    }
    expect(DISPLAY_CATALOGS.ms.instructions.promptpay).toBe('Imbas dengan mana-mana aplikasi bank Thailand (PromptPay)');
    expect(DISPLAY_CATALOGS['zh-Hans'].instructions.wechatpay).toBe('请使用微信扫码');
    // Atome's lines read as they always have.
    expect([DISPLAY_CATALOGS.en.instructions.atome, DISPLAY_CATALOGS.ms.instructions.atome, DISPLAY_CATALOGS['zh-Hans'].instructions.atome]).toEqual([
      'Scan with the Atome app',
      'Imbas dengan aplikasi Atome',
      '请使用 Atome 应用扫码',
    ]);
  });
});

describe('languages and formatting', () => {
  it('reads the setting as primary and optional secondary', () => {
    expect(displayLanguages(['en'])).toEqual({ primary: 'en', secondary: null });
    expect(displayLanguages(['ms', 'en'])).toEqual({ primary: 'ms', secondary: 'en' });
    expect(displayLanguages([])).toEqual({ primary: 'en', secondary: null });
  });

  it("formats amounts in each language's locale, honouring the shop's locale for its own language", () => {
    const amount = { minor: 123_450, currency: 'SGD' } as const;
    for (const language of LANGUAGES) expect(formatAmountIn(language, amount)).toMatch(/SGD\s?1,234\.50/);
    expect(formatAmountIn('ms', { minor: 4590, currency: 'MYR' })).toBe('MYR 45.90');
    expect(localeFor('en', 'en-MY')).toBe('en-MY');
    expect(localeFor('ms', 'en-MY')).toBe('ms-MY');
    expect(localeFor('zh-Hans', 'zh-CN')).toBe('zh-CN');
    expect(formatAmountIn('en', { minor: 5, currency: 'JPY' }, 'en-SG')).toMatch(/JPY\s?5$/);
  });

  it('writes the time of day as each language does', () => {
    const at = Date.UTC(2026, 0, 5, 14, 7);
    expect(formatTimeIn('en', at, 'UTC')).toMatch(/2:07\s?pm/i);
    expect(formatTimeIn('ms', at, 'UTC')).toMatch(/2:07/);
    expect(formatTimeIn('zh-Hans', at, 'UTC')).toMatch(/下午\s?2:07/);
  });
});
