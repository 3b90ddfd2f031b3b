import type { MethodId } from '../payment/method';
import type { PairingRefusedWhy } from '../ipc/pairing-constants';

/**
 * Every word the customer display shows. Each language's catalog has this type, so a missing
 * translation is a build error, not an English word on a Malay screen.
 */
export interface DisplayCatalog {
  readonly welcome: string;
  readonly preparingQr: string;
  readonly pleaseWait: string;
  readonly cashierChecking: string;
  readonly stillToPay: string;
  /** Part of the payment arrived and the provider did not say how much: the cashier takes over. */
  readonly partPaymentArrived: string;
  readonly thankYou: string;
  readonly paymentReceived: string;
  readonly paymentNotCompleted: string;
  readonly askCashier: string;
  readonly qrExpired: string;
  /** The QR ran out while the payment's outcome is still being checked: it comes down, and the cashier takes over. */
  readonly qrExpiredSeeCashier: string;
  readonly paymentCancelled: string;
  readonly paymentRefunded: string;
  /** The cashier cancelled a sale after money had arrived: that money goes back to the customer. */
  readonly saleCancelled: string;
  /** `amount` is already formatted: what arrived and will be given back. */
  readonly amountWillBeReturned: (amount: string) => string;
  /** The same, when the provider did not report how much arrived. */
  readonly moneyWillBeReturned: string;
  /** A payment arrived after its QR expired: the cashier decides whether to keep it before anyone says thanks. */
  readonly waitForCashier: string;
  readonly scanToPay: string;
  readonly demoLabel: string;
  /** The display is reaching the terminal for the first time. */
  readonly connecting: string;
  /** The link to the terminal dropped; what is on screen may be out of date until it is back. */
  readonly connectionLost: string;
  /** `time` is already formatted, mm:ss. */
  readonly expiresIn: (time: string) => string;
  /** The QR's accessible name; `amount` is already formatted. */
  readonly qrTitle: (amount: string) => string;
  /** The pairing screen (an unpaired tablet or PC), read by the shop's staff. */
  readonly pairing: PairingWords;
  /** A display page whose link or token the terminal refused: it cannot know the shop's languages, so it says this in all. */
  readonly linkRefused: string;
  readonly loading: string;
  /** The one-line instruction under the amount, per method. */
  readonly instructions: Readonly<Record<MethodId, string>>;
}

/** What an unpaired display says while it pairs. */
export interface PairingWords {
  readonly title: string;
  /** Where on the cashier screen the code is typed. */
  readonly instruction: string;
  readonly hint: string;
  /** The code's accessible name; `digits` are already spaced one by one. */
  readonly codeLabel: (digits: string) => string;
  readonly asking: string;
  readonly cannotReach: string;
  /** The terminal refused to hand out another code for now, when it did not say why. */
  readonly refused: string;
  /** The same, by why the terminal said (app/ipc/pairing-constants.ts PAIRING_REFUSALS); the page tries again by itself. */
  readonly refusedWhy: Readonly<Record<PairingRefusedWhy, string>>;
  readonly paired: string;
}
