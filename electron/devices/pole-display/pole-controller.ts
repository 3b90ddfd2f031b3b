import type { Clock } from '../../../app/engine/clock';
import { msUntilNextSecond } from '../../../app/payment/countdown';
import { layoutPoleScreen } from '../../../app/pole-display/layout';
import { sameScreen, type PoleScreen } from '../../../app/pole-display/screen';
import type { MethodId } from '../../../app/payment/method';
import type { Payment } from '../../../app/payment/payment';

export interface PoleControllerOptions {
  readonly display: { readonly show: (screen: PoleScreen) => void };
  readonly clock: Clock;
  readonly welcome: readonly [string, string];
  /** The method's label as the customer knows it, e.g. "Atome" (MethodInfo.label). */
  readonly methodLabel: (method: MethodId) => string;
}

export interface PoleController {
  /** The payment on the counter (or null when idle); call on every payment event. */
  readonly update: (payment: Payment | null) => void;
  readonly setWelcome: (welcome: readonly [string, string]) => void;
  readonly stop: () => void;
}

/**
 * Follows the payment onto the display. While a countdown shows, it wakes exactly when the seconds
 * change, so the text changes at most once a second and nothing is sent in between.
 */
export function createPoleController(options: PoleControllerOptions): PoleController {
  const { display, clock } = options;
  let payment: Payment | null = null;
  let welcome = options.welcome;
  let last: PoleScreen | null = null;
  let cancelTick: (() => void) | null = null;
  let stopped = false;

  const render = (): void => {
    cancelTick?.();
    cancelTick = null;
    if (stopped) return;
    const now = clock.now();
    const methodLabel = payment === null ? '' : options.methodLabel(payment.method);
    const screen = layoutPoleScreen({ payment, now, welcome, methodLabel });
    if (!sameScreen(screen, last)) {
      last = screen;
      display.show(screen);
    }
    if (payment !== null && payment.expiresAt !== null) {
      // A countdown changes each second; a partly paid screen once, when the QR runs out and comes down.
      const status = payment.state.status;
      const expiresIn = payment.expiresAt - now;
      const wait = status === 'awaiting' ? msUntilNextSecond(payment.expiresAt, now) : status === 'partially_paid' && expiresIn > 0 ? expiresIn : null;
      if (wait !== null) cancelTick = clock.setTimer(render, wait);
    }
  };

  render();
  return {
    update: (next) => {
      payment = next;
      render();
    },
    setWelcome: (next) => {
      welcome = next;
      render();
    },
    stop: () => {
      stopped = true;
      cancelTick?.();
      cancelTick = null;
    },
  };
}
