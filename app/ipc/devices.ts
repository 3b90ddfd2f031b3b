import type { Said } from '../i18n/said';
import type { MethodId } from '../payment/method';

/**
 * How a device stands, for the cashier's device bar: ok; attention (works, but look: paper near end,
 * no customer display); fault (cannot work: offline, unplugged, no connection); off (not configured);
 * unknown (not heard from yet).
 */
export type DeviceHealth = 'ok' | 'attention' | 'fault' | 'off' | 'unknown';

export interface DeviceReport {
  readonly health: DeviceHealth;
  /** A few words for the bar, e.g. "Printer: out of paper". */
  readonly summary: string;
  /** A plain sentence for the tooltip: what it means and what to do. */
  readonly detail: string;
  /** `summary` as what it says (a `devices` summary), for the cashier's language; the English stays. */
  readonly summarySaid?: Said;
  /** `detail` as what it says, for the cashier's language (app/i18n/said.ts); the English stays. */
  readonly said?: Said;
}

export interface ProviderReport extends DeviceReport {
  readonly method: MethodId;
}

export interface DeviceStatus {
  readonly printer: DeviceReport;
  readonly poleDisplay: DeviceReport;
  readonly customerDisplay: DeviceReport;
  /** Can the terminal save sales? A fault here (disk full…) stops new sales until it is fixed. */
  readonly journal: DeviceReport;
  /** One per configured payment method: can the terminal reach its provider? */
  readonly providers: readonly ProviderReport[];
}

/** The slips a cashier can ask for about a payment. */
export const SLIP_KINDS = ['qr_slip', 'receipt', 'refund_slip'] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

/** Pages that belong to no payment: a QR to check the printer, and Orangepill's counter card. */
export const TEST_PRINTS = ['test_qr', 'counter_card'] as const;
export type TestPrint = (typeof TEST_PRINTS)[number];

/** The last thing sent to the printer, for the cashier: how it went, and what it looks like. */
export interface PrintReport {
  readonly jobId: string;
  /** For people: "Receipt T20261201-…". */
  readonly label: string;
  /** `label` as what was printed, for the cashier's language. */
  readonly labelSaid?: Said;
  readonly paymentId: string | null;
  /** What to ask for again to reprint it; null for a page that is not about a payment. */
  readonly slip: SlipKind | null;
  readonly outcome: 'printing' | 'printed' | 'failed';
  /** "Printed", or why not, in English. */
  readonly message: string;
  /** `message` as what it says, for the cashier's language; the English stays. */
  readonly said?: Said;
  readonly at: number;
  /** The receipt as plain text lines, as wide as the paper: the on-screen preview. */
  readonly preview: readonly string[];
  /** In demo mode, the virtual printer's picture of the printed slip (a data: URL); otherwise null. */
  readonly image: string | null;
}

/** A device's refusal: the English sentence, and where the service can say it so, the same as a `Said`. */
export interface DeviceRefusal {
  readonly message: string;
  readonly said?: Said;
}
