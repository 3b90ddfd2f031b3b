import type { OpnProblem } from './opn-ledger';
import type { OpnCharge, OpnRefund } from './opn-charge';

/*
 * What the Opn simulator sends by default, held to ../shared/providers/opn-atome-qr.txt. The charge
 * and its source are sent field for field as the doc's "Creating a charge" answer shows them. The
 * doc shows no error object and no refund object, so those carry only what the design brief states
 * ("Error objects look like {"object":"error","code":…,"message":…}") and what a refund answer must
 * say for the terminal to check it; the rest of Opn's fields come only with the extensions switch.
 */

/** An error answer: the brief's three fields; Opn's `location` link only with the extensions. */
export function errorBody(p: OpnProblem, extensions: boolean): Record<string, string> {
  const body = { object: 'error', code: p.code, message: p.message };
  return extensions ? { ...body, location: `https://www.omise.co/api-errors#${p.code.replace(/_/g, '-')}` } : body;
}

/**
 * A refund as the API shows it. The doc says "Atome QR charges can be partially or fully refunded" and
 * shows the charge's `refunded_amount` and `refunds` list, but no refund object: by default a refund
 * says which it is, for which charge, how much and when; location, transaction, status, funding and
 * metadata are extensions.
 */
export function shownRefund(r: OpnRefund, extensions: boolean): Partial<OpnRefund> {
  if (extensions) return r;
  return { object: r.object, id: r.id, amount: r.amount, currency: r.currency, charge: r.charge, created_at: r.created_at };
}

/** A charge as the API shows it: the doc's fields, its refunds list holding refunds as shown above. */
export function shownCharge(c: OpnCharge, extensions: boolean): OpnCharge | Record<string, unknown> {
  if (extensions) return c;
  return { ...c, refunds: { ...c.refunds, data: c.refunds.data.map((r) => shownRefund(r, false)) } };
}
