import { describe, expect, it } from 'vitest';
import { CASHIER_LANGUAGES } from '../../app/i18n/languages';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

type Leaf = string | ((...args: never[]) => string);

/** Every string or sentence-function in a catalog, by its dotted path. */
function leaves(value: unknown, path = ''): Map<string, Leaf> {
  const found = new Map<string, Leaf>();
  if (typeof value === 'string' || typeof value === 'function') {
    found.set(path, value as Leaf);
    return found;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      for (const [p, leaf] of leaves(inner, path === '' ? key : `${path}.${key}`)) found.set(p, leaf);
    }
  }
  return found;
}

/**
 * Where a Malay or Chinese text may read exactly as the English one: names, codes and words the
 * languages share ("Status" is Malay too). Anything else identical is an English string left behind.
 */
const SAME_AS_ENGLISH: Readonly<Record<'ms' | 'zh-Hans', ReadonlySet<string>>> = {
  ms: new Set([
    'history.status',
    'settings.display.monitor',
    'settings.providers.orangepillLegend',
    'lookup.status',
    'endOfDay.csv',
  ]),
  'zh-Hans': new Set<string>([
    'settings.providers.orangepillLegend',
    'settings.providers.aliasPlaceholder',
    'endOfDay.csv',
  ]),
};

/** The texts, without the catalog's own language tag. */
const texts = (language: (typeof CASHIER_LANGUAGES)[number]): Map<string, Leaf> => new Map([...leaves(CASHIER_WORDS[language])].filter(([path]) => path !== 'language'));
const english = texts('en');

describe('the cashier catalogs', () => {
  it.each(CASHIER_LANGUAGES)('%s has every text English has, and nothing else', (language) => {
    const words = CASHIER_WORDS[language];
    expect(words.language).toBe(language);
    const mine = texts(language);
    expect([...mine.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, leaf] of mine) {
      const en = english.get(path);
      expect(typeof leaf, path).toBe(typeof en);
      if (typeof leaf === 'string') expect(leaf.trim(), path).not.toBe('');
      // The service's sentences (`said.*`) all take (said, format) by their type; a wording may leave the format unused.
      if (typeof leaf === 'function' && typeof en === 'function' && !path.startsWith('said.')) {
        expect(leaf.length, `${path} takes the same arguments`).toBe(en.length);
      }
    }
  });

  it.each(['ms', 'zh-Hans'] as const)('%s leaves no English text behind', (language) => {
    const copied = [...texts(language)]
      .filter(([path, leaf]) => typeof leaf === 'string' && leaf === english.get(path) && !SAME_AS_ENGLISH[language].has(path))
      .map(([path]) => path);
    expect(copied).toEqual([]);
  });

  it('Chinese texts are written in Chinese characters', () => {
    const latinOnly = [...texts('zh-Hans')]
      .filter(([path, leaf]) => typeof leaf === 'string' && !/\p{Script=Han}/u.test(leaf) && !SAME_AS_ENGLISH['zh-Hans'].has(path))
      .map(([path]) => path);
    expect(latinOnly).toEqual([]);
  });
});
