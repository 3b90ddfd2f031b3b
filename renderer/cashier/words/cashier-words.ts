import type { CashierLanguage } from '../../../app/i18n/languages';
import type { CommonWords } from './common';
import { en as enCommon } from './en/common';
import { ms as msCommon } from './ms/common';
import { zh as zhCommon } from './zh/common';
import type { SaleWords } from './sale';
import { en as enSale } from './en/sale';
import { ms as msSale } from './ms/sale';
import { zh as zhSale } from './zh/sale';
import type { PaymentWords } from './payment';
import { en as enPayment } from './en/payment';
import { ms as msPayment } from './ms/payment';
import { zh as zhPayment } from './zh/payment';
import type { ParkedWords } from './parked';
import { en as enParked } from './en/parked';
import { ms as msParked } from './ms/parked';
import { zh as zhParked } from './zh/parked';
import type { RefundWords } from './refund';
import { en as enRefund } from './en/refund';
import { ms as msRefund } from './ms/refund';
import { zh as zhRefund } from './zh/refund';
import type { HistoryWords } from './history';
import { en as enHistory } from './en/history';
import { ms as msHistory } from './ms/history';
import { zh as zhHistory } from './zh/history';
import type { EndOfDayWords } from './end-of-day';
import { en as enEndOfDay } from './en/end-of-day';
import { ms as msEndOfDay } from './ms/end-of-day';
import { zh as zhEndOfDay } from './zh/end-of-day';
import type { LookupWords } from './lookup';
import { en as enLookup } from './en/lookup';
import { ms as msLookup } from './ms/lookup';
import { zh as zhLookup } from './zh/lookup';
import type { SettingsWords } from './settings';
import { en as enSettings } from './en/settings';
import { ms as msSettings } from './ms/settings';
import { zh as zhSettings } from './zh/settings';
import type { DeviceWords } from './devices';
import { en as enDevices } from './en/devices';
import { ms as msDevices } from './ms/devices';
import { zh as zhDevices } from './zh/devices';
import type { StaffWords } from './staff';
import type { AmountEntryWords } from './amount-entry';
import { en as enAmountEntry } from './en/amount-entry';
import { ms as msAmountEntry } from './ms/amount-entry';
import { zh as zhAmountEntry } from './zh/amount-entry';
import { en as enStaff } from './en/staff';
import { ms as msStaff } from './ms/staff';
import { zh as zhStaff } from './zh/staff';

import type { SaidWords } from './said';
import { en as enSaidSale } from './en/said-sale';
import { ms as msSaidSale } from './ms/said-sale';
import { zh as zhSaidSale } from './zh/said-sale';
import { en as enSaidRefund } from './en/said-refund';
import { ms as msSaidRefund } from './ms/said-refund';
import { zh as zhSaidRefund } from './zh/said-refund';
import { en as enSaidDevices } from './en/said-devices';
import { ms as msSaidDevices } from './ms/said-devices';
import { zh as zhSaidDevices } from './zh/said-devices';
import { en as enSaidSettings } from './en/said-settings';
import { ms as msSaidSettings } from './ms/said-settings';
import { zh as zhSaidSettings } from './zh/said-settings';
import { en as enSaidStaff } from './en/said-staff';
import { ms as msSaidStaff } from './ms/said-staff';
import { zh as zhSaidStaff } from './zh/said-staff';
import { en as enSaidRecords } from './en/said-records';
import { ms as msSaidRecords } from './ms/said-records';
import { zh as zhSaidRecords } from './zh/said-records';
import { en as enSaidPayment } from './en/said-payment';
import { ms as msSaidPayment } from './ms/said-payment';
import { zh as zhSaidPayment } from './zh/said-payment';

/**
 * Every word the cashier screen shows, by part of the screen. Each language's copy of each part has
 * that part's type, so a string missing in Malay or Chinese fails the typecheck (and so `npm test`).
 * A sentence the terminal's service says (a provider's refusal, a settings check) arrives as a `Said`
 * (app/i18n/said.ts) and is worded by `said`; one that arrives as English text only is shown as it is.
 */
export interface CashierWords {
  readonly language: CashierLanguage;
  readonly common: CommonWords;
  readonly sale: SaleWords;
  readonly payment: PaymentWords;
  readonly parked: ParkedWords;
  readonly refund: RefundWords;
  readonly history: HistoryWords;
  readonly endOfDay: EndOfDayWords;
  readonly lookup: LookupWords;
  readonly settings: SettingsWords;
  readonly devices: DeviceWords;
  readonly staff: StaffWords;
  /** Why a typed amount is not one: one wording for every screen that takes money as text (shared/amount-problem.ts). */
  readonly amountEntry: AmountEntryWords;
  readonly said: SaidWords;
}

const en: CashierWords = {
  language: 'en',
  common: enCommon,
  sale: enSale,
  payment: enPayment,
  parked: enParked,
  refund: enRefund,
  history: enHistory,
  endOfDay: enEndOfDay,
  lookup: enLookup,
  settings: enSettings,
  devices: enDevices,
  staff: enStaff,
  amountEntry: enAmountEntry,
  said: { sale: enSaidSale, refund: enSaidRefund, devices: enSaidDevices, settings: enSaidSettings, staff: enSaidStaff, records: enSaidRecords, payment: enSaidPayment },
};

const ms: CashierWords = {
  language: 'ms',
  common: msCommon,
  sale: msSale,
  payment: msPayment,
  parked: msParked,
  refund: msRefund,
  history: msHistory,
  endOfDay: msEndOfDay,
  lookup: msLookup,
  settings: msSettings,
  devices: msDevices,
  staff: msStaff,
  amountEntry: msAmountEntry,
  said: { sale: msSaidSale, refund: msSaidRefund, devices: msSaidDevices, settings: msSaidSettings, staff: msSaidStaff, records: msSaidRecords, payment: msSaidPayment },
};

const zh: CashierWords = {
  language: 'zh-Hans',
  common: zhCommon,
  sale: zhSale,
  payment: zhPayment,
  parked: zhParked,
  refund: zhRefund,
  history: zhHistory,
  endOfDay: zhEndOfDay,
  lookup: zhLookup,
  settings: zhSettings,
  devices: zhDevices,
  staff: zhStaff,
  amountEntry: zhAmountEntry,
  said: { sale: zhSaidSale, refund: zhSaidRefund, devices: zhSaidDevices, settings: zhSaidSettings, staff: zhSaidStaff, records: zhSaidRecords, payment: zhSaidPayment },
};

export const CASHIER_WORDS: Readonly<Record<CashierLanguage, CashierWords>> = { en, ms, 'zh-Hans': zh };
