import type { AmountEntryWords } from '../amount-entry';

export const zh: AmountEntryWords = {
  negative: '金额不能为负数',
  zero: '金额必须大于零',
  notAnAmount: (typed) => `“${typed}”不是有效金额：请输入数字，可带小数点，例如 12.34`,
  wholeOnly: (currency) => `${currency} 没有小数单位：请输入整数金额`,
  decimals: (currency, places, typed, typedPlaces) => `${currency} 只有 ${places} 位小数，“${typed}”有 ${typedPlaces} 位`,
  tooLarge: (max, currency) => `金额超过终端上限 ${max} ${currency}`,
  unknownCurrency: (currency) => `未知币种 ${currency}：终端不支持此币种`,
};
