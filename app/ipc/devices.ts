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
}

export interface ProviderReport extends DeviceReport {
  readonly method: MethodId;
}

export interface DeviceStatus {
  readonly printer: DeviceReport;
  readonly poleDisplay: DeviceReport;
  readonly customerDisplay: DeviceReport;
  /** One per configured payment method: can the terminal reach its provider? */
  readonly providers: readonly ProviderReport[];
}
