import { describe, expect, it } from 'vitest';
import { CASHIER_LANGUAGES } from '../../app/i18n/languages';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

/** One Opn key serves every Opn QR method (issue 19): its settings section names the provider, not Atome alone. */
describe('the Opn section of Settings', () => {
  it.each(CASHIER_LANGUAGES)('in %s names Opn Payments and its QR methods, not only Atome', (language) => {
    const legend = CASHIER_WORDS[language].settings.providers.opnLegend;
    expect(legend).toMatch(/^Opn Payments — /);
    expect(legend).toMatch(/QR|二维码/);
    expect(legend).not.toContain('Atome');
  });
});
