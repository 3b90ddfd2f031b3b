import type { Money } from '../../../app/money/money';
import type { DeviceSaid } from '../../../app/i18n/said/devices';
import type { PaymentSaid } from '../../../app/i18n/said/payment';
import type { RecordsSaid } from '../../../app/i18n/said/records';
import type { RefundSaid } from '../../../app/i18n/said/refund';
import type { SaleSaid } from '../../../app/i18n/said/sale';
import type { SettingsSaid } from '../../../app/i18n/said/settings';
import type { StaffSaid } from '../../../app/i18n/said/staff';

/** How a sentence's values are written on this screen: amounts and times in the shop's locale, methods by their names. */
export interface SaidFormat {
  readonly money: (amount: Money) => string;
  /** A method's name as the cashier knows it ("Atome", "PayNow"), from its id. */
  readonly method: (id: string) => string;
  /** A method's label as the method list shows it ("Demo QR", "Atome (simulated)"), from its id. */
  readonly label: (id: string) => string;
  /** A time of day or date, from epoch ms. */
  readonly time: (at: number) => string;
  /** A day, from epoch ms, written out as the service writes one ("7 December 2026" in en-SG). */
  readonly date: (at: number) => string;
}

/** One wording per kind of an area's sentences, each given that kind's values: a kind without words fails the build. */
export type SaidWordsFor<S extends { readonly kind: string }> = {
  readonly [K in S['kind']]: (said: Extract<S, { readonly kind: K }>, format: SaidFormat) => string;
};

/** The service's sentences (app/i18n/said.ts), worded for the cashier, by area. */
export interface SaidWords {
  readonly sale: SaidWordsFor<SaleSaid>;
  readonly refund: SaidWordsFor<RefundSaid>;
  readonly devices: SaidWordsFor<DeviceSaid>;
  readonly settings: SaidWordsFor<SettingsSaid>;
  readonly staff: SaidWordsFor<StaffSaid>;
  readonly records: SaidWordsFor<RecordsSaid>;
  readonly payment: SaidWordsFor<PaymentSaid>;
}
