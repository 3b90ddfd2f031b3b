import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../app/ipc/contract';
import { describeRefusal, expiryHint, keyStatus, saveAnswerText } from '../../renderer/cashier/settings/settings-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { saidFormat, toldText } from '../../renderer/cashier/shared/say';
import type { Told } from '../../renderer/cashier/shared/told';

const en = CASHIER_WORDS.en.settings;
const ms = CASHIER_WORDS.ms.settings;
const zh = CASHIER_WORDS['zh-Hans'].settings;
/** What the terminal told, as a screen in that language words it. */
const sayIn = (language: keyof typeof CASHIER_WORDS) => (told: Told): string => toldText(told, CASHIER_WORDS[language], saidFormat(null));
const SAY = new Map([[en, sayIn('en')], [ms, sayIn('ms')], [zh, sayIn('zh-Hans')]]);
const say = (words: typeof en) => SAY.get(words) ?? sayIn('en');
const fields = (count: number): ApiError => ({
  code: 'invalid_args',
  message: 'Invalid arguments',
  fields: Object.fromEntries(Array.from({ length: count }, (_, i) => [`field.${String(i)}`, 'must be set'])),
});
const busy: ApiError = { code: 'invalid_state', message: 'Settings cannot change while a sale is in progress' };

describe('a refused save, in words', () => {
  it('counts the fields to correct, in the singular for one', () => {
    expect(describeRefusal(fields(1), en, say(en))).toBe('Nothing was saved: one setting needs correcting, as shown at its field');
    expect(describeRefusal(fields(3), en, say(en))).toBe('Nothing was saved: 3 settings need correcting, as shown at each field');
    expect(describeRefusal(fields(1), ms, say(ms))).toBe('Tiada apa-apa disimpan: satu tetapan perlu dibetulkan, seperti yang ditunjukkan pada medannya');
    expect(describeRefusal(fields(3), ms, say(ms))).toBe('Tiada apa-apa disimpan: 3 tetapan perlu dibetulkan, seperti yang ditunjukkan pada setiap medan');
    expect(describeRefusal(fields(3), zh, say(zh))).toBe('未保存：3 项设置需要更正，请看各项下方的提示');
  });

  it('passes any other refusal on as the terminal said it, in every language', () => {
    for (const words of [en, ms, zh]) expect(describeRefusal(busy, words, say(words))).toBe(busy.message);
    expect(describeRefusal({ ...fields(0), message: 'No settings were sent' }, ms, say(ms))).toBe('No settings were sent');
  });

  it("words a refusal that came with a Said in the cashier's language", () => {
    const sale: ApiError = {
      ...busy,
      message: 'A sale of SGD 12.34 is in progress: finish or cancel it before changing settings (nothing was saved)',
      said: { area: 'settings', kind: 'sale_in_progress', amount: { minor: 1234, currency: 'SGD' } },
    };
    expect(describeRefusal(sale, en, say(en))).toBe(sale.message);
    expect(describeRefusal(sale, ms, say(ms))).toBe('Jualan SGD 12.34 sedang berjalan: selesaikan atau batalkannya sebelum menukar tetapan (tiada apa-apa disimpan)');
    expect(describeRefusal(sale, zh, say(zh))).toMatch(/^一笔 SGD 12\.34 的销售正在进行/);
  });
});

describe('a save answer, in words', () => {
  it('says saved, and where only as a detail', () => {
    expect(saveAnswerText({ kind: 'saved', savedIn: '/data/settings.json' }, en, say(en))).toEqual({ ok: true, text: 'Saved; the terminal restarted with them', details: 'Saved in /data/settings.json' });
    expect(saveAnswerText({ kind: 'saved', savedIn: '/data/settings.json' }, ms, say(ms))).toEqual({ ok: true, text: 'Disimpan; terminal dimulakan semula dengan tetapan baharu', details: 'Disimpan dalam /data/settings.json' });
    expect(saveAnswerText({ kind: 'saved', savedIn: null }, zh, say(zh))).toEqual({ ok: true, text: '仅本次运行有效（此终端不保存设置文件）；终端已按新设置重新启动' });
  });

  it('says a refusal is not a success', () => {
    expect(saveAnswerText({ kind: 'refused', error: fields(2) }, zh, say(zh))).toEqual({ ok: false, text: '未保存：2 项设置需要更正，请看各项下方的提示' });
  });
});

describe("a key's status, in words", () => {
  it('says whether a key is set and where from', () => {
    expect(keyStatus({ set: false, source: null }, undefined, en)).toBe('Not set');
    expect(keyStatus({ set: true, source: 'environment' }, 'OPN_SECRET_KEY', en)).toBe('Set by the environment variable OPN_SECRET_KEY');
    expect(keyStatus({ set: true, source: 'environment' }, undefined, en)).toBe('Set by the environment variable');
    expect(keyStatus({ set: true, source: 'settings file' }, undefined, en)).toBe('Set in the settings file');
    expect(keyStatus({ set: true, source: 'this terminal' }, undefined, en)).toBe('Set on this terminal');
  });

  it('says it in Malay and Chinese', () => {
    expect(keyStatus({ set: false, source: null }, undefined, ms)).toBe('Belum ditetapkan');
    expect(keyStatus({ set: true, source: 'this terminal' }, undefined, ms)).toBe('Ditetapkan pada terminal ini');
    expect(keyStatus({ set: true, source: 'environment' }, 'OPN_SECRET_KEY', zh)).toBe('由环境变量 OPN_SECRET_KEY 设置');
    expect(keyStatus({ set: true, source: 'environment' }, undefined, zh)).toBe('由环境变量设置');
    expect(keyStatus({ set: true, source: 'settings file' }, undefined, zh)).toBe('已在设置文件中设置');
  });

  it('names the box for a replacing key in each language', () => {
    expect(en.keys.newKey(en.providers.secretKey)).toBe('New secret key (replaces the one in force)');
    expect(ms.keys.newKey(ms.providers.secretKey)).toBe('Kunci rahsia baharu (menggantikan yang sedang digunakan)');
    expect(zh.keys.newKey(zh.providers.secretKey)).toBe('新密钥（替换现用的）');
    expect(zh.keys.newKey(zh.providers.apiKey)).toBe('新 API 密钥（替换现用的）');
  });
});

describe("the QR's life, in words", () => {
  it('gives the minutes and the range allowed', () => {
    expect(expiryHint(900, en)).toBe('15 minutes; from 30 seconds to 12 hours');
    expect(expiryHint(45, en)).toBe('0.8 minutes; from 30 seconds to 12 hours');
    expect(expiryHint(Number.NaN, en)).toBe('From 30 seconds to 12 hours');
    expect(expiryHint(900, ms)).toBe('15 minit; dari 30 saat hingga 12 jam');
    expect(expiryHint(0, ms)).toBe('Dari 30 saat hingga 12 jam');
    expect(expiryHint(600, zh)).toBe('10 分钟；可设 30 秒至 12 小时');
  });
});
