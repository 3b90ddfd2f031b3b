import type { Payment, PaymentState } from '../payment/payment';
import { assertNever } from '../util/assert-never';
import type { ApiResult, CommandName, EventName, EventPayloads, Snapshot, TerminalInfo } from './contract';

/*
 * What a customer display may know. Its token sits on a tablet the customer can touch, so it sees the
 * sale on the counter as the customer sees it, and nothing the shop keeps to itself: no print jobs or
 * receipts, no device details, no order numbers, payer aliases, provider references, cashier notices
 * or provider sentences. Both transports (the WebSocket and Electron IPC) send through these.
 */

/** The state as the display draws it: the status and amounts, without the sentences meant for the cashier. */
function displayState(state: PaymentState): PaymentState {
  switch (state.status) {
    case 'needs_attention':
      return { status: 'needs_attention', reason: '' };
    case 'unknown':
      return { status: 'unknown', providerStatus: '' };
    case 'failed':
      return { status: 'failed', failure: { code: state.failure.code, message: '' } };
    case 'partially_paid':
      // `leftOpen` is the cashier's sentence about a declined cancel.
      return { status: 'partially_paid', received: state.received };
    case 'cancelled_with_money':
      // Who marked the money returned is the shop's to know; the customer sees what is owed to them.
      return { status: 'cancelled_with_money', received: state.received };
    case 'paid':
      // Who kept a late payment stays with the shop; that it was kept (the customer may go) does not.
      return state.kept === undefined ? state : { ...state, kept: { at: state.kept.at, by: null } };
    case 'creating':
    case 'awaiting':
    case 'cancelling':
    case 'expired':
    case 'cancelled':
    case 'paid_after_cancel':
    case 'refunded':
      return state;
    default:
      return assertNever(state, 'payment state');
  }
}

export function displayPayment(payment: Payment | null): Payment | null {
  if (payment === null) return null;
  return {
    id: payment.id,
    amount: payment.amount,
    method: payment.method,
    orderRef: null,
    payerAlias: null,
    providerRef: null,
    qr: payment.qr,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
    expiresAt: payment.expiresAt,
    state: displayState(payment.state),
    refundedMinor: payment.refundedMinor,
    notice: null,
  };
}

export function displayTerminal(terminal: TerminalInfo): TerminalInfo {
  return {
    merchantName: terminal.merchantName,
    demo: terminal.demo,
    locale: terminal.locale,
    defaultCurrency: terminal.defaultCurrency,
    // Labels and scan instructions are what the customer reads; the demo controls are the cashier's.
    methods: terminal.methods.map((method) => ({ ...method, simulator: null })),
    language: terminal.language,
    sounds: { enabled: false },
    entryMode: terminal.entryMode,
  };
}

export function displaySnapshot(snapshot: Snapshot): Snapshot {
  return {
    terminal: displayTerminal(snapshot.terminal),
    payment: displayPayment(snapshot.payment),
    devices: null,
    lastPrint: null,
    serverTime: snapshot.serverTime,
  };
}

/** The event as a display receives it, or null when a display is not told of it at all. */
export function displayEvent<E extends EventName>(event: E, payload: EventPayloads[E]): EventPayloads[E] | null {
  const name: EventName = event;
  switch (name) {
    case 'payment': {
      const { payment, serverTime } = payload as EventPayloads['payment'];
      return { payment: displayPayment(payment), serverTime } as EventPayloads[E];
    }
    case 'terminal':
      return displayTerminal(payload as EventPayloads['terminal']) as EventPayloads[E];
    case 'devices':
    case 'print':
    case 'parked':
    case 'posOffer':
      return null;
    default:
      return assertNever(name, 'event');
  }
}

/** A command's answer as a display receives it (it may only run the read-only commands). */
export function displayResult(command: CommandName, result: ApiResult<unknown>): ApiResult<unknown> {
  if (!result.ok) return result;
  if (command === 'getSnapshot') return { ok: true, value: displaySnapshot(result.value as Snapshot) };
  // Nothing else is answered for a display; should that ever change, it must be projected here first.
  return { ok: false, error: { code: 'forbidden', message: `The customer display may not run ${command}` } };
}
