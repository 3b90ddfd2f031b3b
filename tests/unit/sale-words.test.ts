import { describe, expect, it } from 'vitest';
import { LOST_CONNECTION_MESSAGE, NO_ANSWER_MESSAGE, NOT_CONNECTED_MESSAGE, UNAUTHORIZED_MESSAGE } from '../../renderer/api/connection-status';
import type { SaleRefusal } from '../../renderer/cashier/sale/entry-slice';
import { chargeLabel, errorText, refusalText } from '../../renderer/cashier/sale/sale-words';
import { hostErrorText, saidToCashier } from '../../renderer/cashier/shared/terminal-said';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { saidFormat } from '../../renderer/cashier/shared/say';

const { en, ms } = CASHIER_WORDS;
const zh = CASHIER_WORDS['zh-Hans'];

// A refusal, and how English, Malay and Chinese say it.
const REFUSALS: readonly (readonly [SaleRefusal, string, string, string])[] = [
  [{ kind: 'second_point' }, 'The amount already has a decimal point', 'Amaun sudah ada titik perpuluhan', '金额已有小数点'],
  [{ kind: 'too_many_decimals', currency: 'JPY', places: 0 }, 'JPY takes no decimal places', 'JPY tiada tempat perpuluhan', 'JPY 不能输入小数'],
  [{ kind: 'too_many_decimals', currency: 'BHD', places: 3 }, 'BHD takes 3 decimal places', 'BHD hanya ada 3 tempat perpuluhan', 'BHD 最多只能输入 3 位小数'],
  [{ kind: 'too_many_digits', max: 9, beforePointIn: null }, 'At most 9 digits can be keyed', 'Maksimum 9 digit boleh dimasukkan', '最多只能输入 9 位数字'],
  [
    { kind: 'too_many_digits', max: 7, beforePointIn: 'SGD' },
    'At most 7 digits can be keyed before the decimal point in SGD',
    'Maksimum 7 digit boleh dimasukkan sebelum titik perpuluhan dalam SGD',
    'SGD 金额的小数点前最多只能输入 7 位数字',
  ],
  [{ kind: 'paste_too_long' }, 'The pasted text is too long to be an amount', 'Teks yang ditampal terlalu panjang untuk menjadi amaun', '粘贴的内容太长，不是金额'],
  [{ kind: 'paste_negative' }, 'An amount cannot be negative', 'Amaun tidak boleh negatif', '金额不能为负数'],
  [{ kind: 'no_method', currency: 'MYR' }, 'Choose a payment method for MYR', 'Pilih kaedah bayaran untuk MYR', '请为 MYR 选择付款方式'],
];

describe('the sale refusals in the cashier language', () => {
  it.each(REFUSALS)('%j', (refusal, english, malay, chinese) => {
    expect([en, ms, zh].map((words) => refusalText(words.sale, refusal))).toEqual([english, malay, chinese]);
  });
});

describe('the Charge button', () => {
  it('names the amount once there is one, and says when it is on its way', () => {
    expect(chargeLabel(en.sale, false, null)).toBe('Charge');
    expect(chargeLabel(en.sale, false, 'SGD 12.34')).toBe('Charge SGD 12.34');
    expect(chargeLabel(en.sale, true, 'SGD 12.34')).toBe('Charging…');
    expect(chargeLabel(ms.sale, false, 'SGD 12.34')).toBe('Caj SGD 12.34');
    expect(chargeLabel(zh.sale, false, 'SGD 12.34')).toBe('收款 SGD 12.34');
    expect(chargeLabel(zh.sale, true, null)).toBe('正在收款…');
  });
});

describe("the terminal's sentences", () => {
  it('are worded in the cashier language when they come as a Said, else shown as they came', () => {
    const format = saidFormat(null);
    expect(errorText(ms, { message: 'Atome rejected the request: amount too small' }, format)).toBe('Atome rejected the request: amount too small');
    expect(errorText(ms, { message: NOT_CONNECTED_MESSAGE }, format)).toBe(ms.common.notConnected);
    const busy = { message: 'A payment is already in progress: wait for it, or cancel it first', said: { area: 'sale', kind: 'payment_in_progress' } } as const;
    expect(errorText(en, busy, format)).toBe(busy.message);
    expect(errorText(ms, busy, format)).toBe('Satu bayaran sedang berjalan: tunggu sehingga selesai, atau batalkannya dahulu');
    expect(errorText(zh, busy, format)).toBe('已有一笔付款正在进行：请等待其完成，或先取消');
    expect(saidToCashier(LOST_CONNECTION_MESSAGE, zh.common)).toBe('与终端的连接已断开');
    expect(saidToCashier(UNAUTHORIZED_MESSAGE, zh.common)).toBe(zh.common.connection.unauthorized);
    expect(saidToCashier(NO_ANSWER_MESSAGE, ms.common)).toBe('Terminal tidak menjawab dalam masa yang ditetapkan');
  });

  it('the English words are the sentences the link itself writes, so a translated one is found', () => {
    expect([en.common.lostConnection, en.common.notConnected, en.common.noAnswer, en.common.connection.unauthorized]).toEqual([
      LOST_CONNECTION_MESSAGE,
      NOT_CONNECTED_MESSAGE,
      NO_ANSWER_MESSAGE,
      UNAUTHORIZED_MESSAGE,
    ]);
  });

  it("word a snapshot the host could not give, with the terminal's reason as it came", () => {
    const snapshot = { kind: 'snapshot', message: 'The journal is busy' } as const;
    expect(hostErrorText(en.common, snapshot)).toBe("Could not read the terminal's state: The journal is busy");
    expect(hostErrorText(ms.common, snapshot)).toBe('Keadaan terminal tidak dapat dibaca: The journal is busy');
    expect(hostErrorText(zh.common, snapshot)).toBe('无法读取终端状态：The journal is busy');
    expect(hostErrorText(zh.common, { kind: 'said', message: 'Bad frame' })).toBe('Bad frame');
  });
});
