import type { SlipKind } from '../ipc/devices';
import type { MethodInfo } from '../payment/method';
import { isOverpaid, type Payment } from '../payment/payment';
import { assertNever } from '../util/assert-never';
import { err, ok, type Result } from '../util/result';
import type { ReceiptDocument } from './document';
import { amountText, type Merchant, type ReceiptLocale } from './layouts/common';
import { moneyBackSlip, outcomeSlip, paidReceipt, qrSlip, refundSlip } from './layouts/payment-slips';

export interface SlipContext {
  readonly merchant: Merchant;
  readonly locale: ReceiptLocale;
  readonly method: MethodInfo;
}

/** What the cashier reads about a slip's print job. */
export function slipLabel(kind: SlipKind, payment: Payment): string {
  switch (kind) {
    case 'qr_slip':
      return `QR slip ${payment.id}`;
    case 'receipt':
      return `Receipt ${payment.id}`;
    case 'refund_slip':
      return `Refund slip ${payment.id}`;
    default:
      return assertNever(kind, 'slip kind');
  }
}

/** The method as a slip names it: its receipt label, where it has one. */
const receiptName = (method: MethodInfo): string => method.receiptLabel ?? method.label;

/** The sale's order number for a slip, when it has one. */
const orderOf = (payment: Payment): { orderRef?: string } => (payment.orderRef === null ? {} : { orderRef: payment.orderRef });

/** The slip the customer scans: only while the payment can still be paid, and only for a QR the terminal can draw. */
function qrSlipFor(payment: Payment, ctx: SlipContext): Result<ReceiptDocument, string> {
  const { status } = payment.state;
  if (status !== 'awaiting' && status !== 'partially_paid') return err(`There is no QR to print: the payment is ${status.replace(/_/g, ' ')}`);
  if (payment.qr === null || payment.qr.payload === null || payment.expiresAt === null) {
    return err('This QR came from the provider only as a picture: it can be shown on the customer display, not printed');
  }
  return ok(
    qrSlip({
      merchant: ctx.merchant,
      amount: payment.amount,
      method: receiptName(ctx.method),
      reference: payment.id,
      validUntil: payment.expiresAt,
      payload: payment.qr.payload,
      instruction: ctx.method.instruction,
      ...orderOf(payment),
      locale: ctx.locale,
    }),
  );
}

/** The customer's proof of the sale: paid (with what was refunded), or of a payment that did not go through. */
function receiptFor(payment: Payment, ctx: SlipContext): Result<ReceiptDocument, string> {
  const state = payment.state;
  const common = { merchant: ctx.merchant, amount: payment.amount, method: receiptName(ctx.method), reference: payment.id, ...orderOf(payment), locale: ctx.locale };
  const chargeId = payment.providerRef ?? '-';
  // Part given back: the status says so, and the receipt shows what went back and what was kept.
  const partly = payment.refundedMinor > 0 ? { refunded: { minor: payment.refundedMinor, currency: payment.amount.currency } } : {};
  const refunded = payment.refundedMinor > 0 ? ', partly refunded' : '';
  switch (state.status) {
    case 'paid': {
      const received = state.received === undefined ? '' : ` ${amountText(state.received, ctx.locale)}`;
      // An overpayment is flagged whether or not the provider said how much arrived.
      const late = state.late !== true ? '' : state.kept === undefined ? ' late, not yet kept' : ' late, kept';
      const extra = `${isOverpaid(payment) ? ` \u2014 overpaid${received}` : received}${late}`;
      return ok(paidReceipt({ ...common, ...partly, paidAt: state.paidAt, providerChargeId: chargeId, status: `Paid${extra}${refunded}` }));
    }
    case 'paid_after_cancel':
      return ok(paidReceipt({ ...common, ...partly, paidAt: state.paidAt, providerChargeId: chargeId, status: `Paid after cancel${refunded}` }));
    case 'refunded':
      return refundSlipFor(payment, ctx);
    case 'failed':
      return ok(outcomeSlip({ ...common, at: payment.updatedAt, outcome: 'failed', reason: state.failure.message }));
    case 'expired':
      return ok(outcomeSlip({ ...common, at: payment.updatedAt, outcome: 'expired' }));
    case 'cancelled':
      return ok(outcomeSlip({ ...common, at: payment.updatedAt, outcome: 'cancelled' }));
    case 'cancelled_with_money':
      return ok(
        moneyBackSlip({
          ...common,
          received: state.received,
          providerRef: chargeId,
          at: payment.updatedAt,
          ...(state.returned === undefined ? {} : { returnedAt: state.returned.at }),
        }),
      );
    case 'creating':
    case 'awaiting':
    case 'cancelling':
    case 'unknown':
    case 'needs_attention':
    case 'partially_paid':
      return err('The receipt prints once the payment has ended');
    default:
      return assertNever(state, 'payment state');
  }
}

function refundSlipFor(payment: Payment, ctx: SlipContext): Result<ReceiptDocument, string> {
  if (payment.refundedMinor === 0 || payment.providerRef === null) return err('Nothing has been refunded on this payment');
  return ok(
    refundSlip({
      merchant: ctx.merchant,
      refund: { minor: payment.refundedMinor, currency: payment.amount.currency },
      original: payment.amount,
      method: receiptName(ctx.method),
      reference: payment.id,
      ...orderOf(payment),
      providerChargeId: payment.providerRef,
      at: payment.updatedAt,
      locale: ctx.locale,
    }),
  );
}

/** The document for a slip about a payment, or why it cannot be printed now. */
export function slipFor(kind: SlipKind, payment: Payment, ctx: SlipContext): Result<ReceiptDocument, string> {
  switch (kind) {
    case 'qr_slip':
      return qrSlipFor(payment, ctx);
    case 'receipt':
      return receiptFor(payment, ctx);
    case 'refund_slip':
      return refundSlipFor(payment, ctx);
    default:
      return assertNever(kind, 'slip kind');
  }
}
