import { describe, expect, it } from 'vitest';
import type { Said } from '../../app/i18n/said';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { DEVICE_SAMPLES } from '../support/said-samples/devices';
import { PAYMENT_SAMPLES } from '../support/said-samples/payment';
import { RECORDS_SAMPLES } from '../support/said-samples/records';
import { REFUND_SAMPLES } from '../support/said-samples/refund';
import { SALE_SAMPLES } from '../support/said-samples/sale';
import { SETTINGS_SAMPLES } from '../support/said-samples/settings';
import { STAFF_SAMPLES } from '../support/said-samples/staff';

const SAMPLES: readonly Said[] = [...SALE_SAMPLES, ...REFUND_SAMPLES, ...DEVICE_SAMPLES, ...SETTINGS_SAMPLES, ...STAFF_SAMPLES, ...RECORDS_SAMPLES, ...PAYMENT_SAMPLES];
const format = saidFormat(null);
const word = (said: Said, language: keyof typeof CASHIER_WORDS): string | null => wordSaid(said, CASHIER_WORDS[language].said, format);
const kindOf = (said: Said): string => `${said.area}.${said.kind}`;
/** The kind, and its values where one kind has several examples. */
const name = (said: Said): string => `${kindOf(said)} ${JSON.stringify(said)}`;

/**
 * Sentences whose Malay reads as the English (a bare name or code); none yet. Anything else worded the
 * same in Malay or Chinese as in English is English left behind.
 */
const SAME_AS_ENGLISH: ReadonlySet<string> = new Set<string>([]);

describe("the service's sentences, worded for the cashier", () => {
  it('every kind of every area has an example here, so each is worded below', () => {
    const sampled = new Set(SAMPLES.map(kindOf));
    const kinds = Object.entries(CASHIER_WORDS.en.said).flatMap(([area, table]) => Object.keys(table as object).map((kind) => `${area}.${kind}`));
    expect(kinds.filter((kind) => !sampled.has(kind))).toEqual([]);
  });

  it.each(SAMPLES.map((said) => [name(said), said] as const))('%s reads as a sentence in every language', (_, said) => {
    const en = word(said, 'en');
    const ms = word(said, 'ms');
    const zh = word(said, 'zh-Hans');
    for (const text of [en, ms, zh]) {
      expect(text).not.toBeNull();
      expect(text?.trim()).not.toBe('');
      expect(text).not.toMatch(/undefined|NaN|null|\[object /);
    }
    if (!SAME_AS_ENGLISH.has(kindOf(said))) {
      expect(ms).not.toBe(en);
      expect(zh).not.toBe(en);
    }
    expect(zh).toMatch(/\p{Script=Han}/u);
  });

  it('a kind this screen has no words for is left to the English sentence', () => {
    const unknown = { area: 'sale', kind: 'from_a_newer_terminal' } as unknown as Said;
    expect(wordSaid(unknown, CASHIER_WORDS.ms.said, format)).toBeNull();
  });
});
