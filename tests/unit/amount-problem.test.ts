import { describe, expect, it } from 'vitest';
import type { CashierLanguage } from '../../app/i18n/languages';
import { parseDecimal, type MoneyError } from '../../app/money/money';
import { emptyFilter, filterArgs } from '../../renderer/cashier/history/history-filter';
import { proposeRefund } from '../../renderer/cashier/refund/refund-words';
import { amountProblemText } from '../../renderer/cashier/shared/amount-problem';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { aPayment } from '../support/payment-fixture';

/** Each of the money parser's refusals, as typed (or, for those typing cannot give, as the check writes them). */
const CASES: readonly (readonly [MoneyError['kind'], string, string])[] = [
  ['negative', '-5', 'SGD'],
  ['zero', '0.00', 'SGD'],
  ['bad_format', 'ten', 'SGD'],
  ['too_many_decimals', '5.001', 'SGD'],
  ['too_many_decimals', '5.5', 'JPY'],
  ['too_large', '99999999999999', 'SGD'],
  ['unknown_currency', '5', 'XYZ'],
];

const EXPECTED: Readonly<Record<CashierLanguage, readonly string[]>> = {
  en: [
    'Amount cannot be negative',
    'Amount must be more than zero',
    '"ten" is not an amount: use digits with an optional decimal point, e.g. 12.34',
    'SGD has 2 decimal places, "5.001" has 3',
    'JPY has no minor unit: enter a whole amount',
    "Amount is larger than the terminal's maximum of 999999999.99 SGD",
    'Unknown currency XYZ: the terminal does not support it',
  ],
  ms: [
    'Jumlah tidak boleh negatif',
    'Jumlah mesti lebih daripada sifar',
    '"ten" bukan jumlah: gunakan digit, dengan titik perpuluhan jika perlu, cth. 12.34',
    'SGD mempunyai 2 tempat perpuluhan, "5.001" mempunyai 3',
    'JPY tidak mempunyai pecahan: masukkan jumlah bulat',
    'Jumlah melebihi had maksimum terminal, iaitu 999999999.99 SGD',
    'Mata wang XYZ tidak dikenali: terminal tidak menyokongnya',
  ],
  'zh-Hans': [
    '金额不能为负数',
    '金额必须大于零',
    '“ten”不是有效金额：请输入数字，可带小数点，例如 12.34',
    'SGD 只有 2 位小数，“5.001”有 3 位',
    'JPY 没有小数单位：请输入整数金额',
    '金额超过终端上限 999999999.99 SGD',
    '未知币种 XYZ：终端不支持此币种',
  ],
};

const problem = (text: string, code: string): MoneyError => {
  const parsed = parseDecimal(text, code);
  if (parsed.ok) throw new Error(`${text} ${code} reads as an amount`);
  return parsed.error;
};

describe('one wording for "that is not an amount"', () => {
  it.each(CASES.map((c, i) => [c[0], c[1], c[2], i] as const))('%s ("%s" in %s), in every language', (kind, text, code, i) => {
    const error = problem(text, code);
    expect(error.kind).toBe(kind);
    for (const language of ['en', 'ms', 'zh-Hans'] as const) {
      expect(amountProblemText(error, text, code, CASHIER_WORDS[language].amountEntry)).toBe(EXPECTED[language][i]);
    }
    // The English words are the money parser's own sentence, word for word.
    expect(EXPECTED.en[i]).toBe(error.message);
  });

  it('the refund form, the History filter and the staff threshold say it alike, in their own frames, with no English in Malay', () => {
    const ms = CASHIER_WORDS.ms;
    const payment = aPayment({ amount: { minor: 2000, currency: 'SGD' }, state: { status: 'paid', paidAt: 0 } });
    expect(proposeRefund('ten', payment, 'en-SG', ms.refund)).toEqual({ ok: false, error: EXPECTED.ms[2] });
    expect(filterArgs({ ...emptyFilter('SGD', 'en-SG'), max: '5.001' }, ms.history.problems)).toEqual({
      ok: false,
      error: ms.history.problems.ofField(ms.history.problems.highest, EXPECTED.ms[3] ?? ''),
    });
    for (const part of [ms.refund.amount, ms.history.problems.amount, ms.staff.rule.amount]) expect(part).toBe(ms.amountEntry);
  });
});
