import { randomBytes } from 'node:crypto';
import { qrFilename } from './opn-qr-image';
import type { OpnQrFormat, OpnSimSourceType } from './opn-sim-methods';

/** Opn's list envelope, as every list endpoint and the charge's `refunds` return it. */
export interface OpnList<T> {
  readonly object: 'list';
  readonly data: readonly T[];
  readonly limit: number;
  readonly offset: number;
  readonly total: number;
  readonly location: string;
  readonly order: 'chronological' | 'reverse_chronological';
  readonly from: string;
  readonly to: string;
}

export interface OpnRefund {
  readonly object: 'refund';
  readonly id: string;
  readonly location: string;
  readonly amount: number;
  readonly currency: string;
  readonly charge: string;
  readonly transaction: string;
  readonly created_at: string;
  readonly voided: false;
  readonly status: 'closed';
  readonly funding_amount: number;
  readonly funding_currency: string;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface OpnDocument {
  readonly object: 'document';
  readonly livemode: false;
  readonly id: string;
  readonly deleted: false;
  readonly filename: string;
  readonly location: string;
  readonly kind: 'qr';
  readonly download_uri: string;
  readonly created_at: string;
}

export interface OpnScannableCode {
  readonly object: 'barcode';
  readonly type: 'qr';
  readonly image: OpnDocument;
}

/**
 * A source as embedded in its charge, with the fields of the Atome QR doc's "Creating a charge"; every
 * offline QR type has the same shape [doc: sources-api]. Only an offline source carries a scannable code.
 */
export interface OpnSource {
  readonly object: 'source';
  readonly id: string;
  readonly livemode: false;
  readonly location: string;
  readonly amount: number;
  readonly barcode: null;
  readonly bank: null;
  readonly created_at: string;
  readonly currency: string;
  readonly email: null;
  readonly flow: 'offline' | 'redirect';
  readonly installment_term: null;
  readonly absorption_type: null;
  readonly name: null;
  readonly mobile_number: null;
  readonly phone_number: null;
  readonly platform_type: null;
  readonly scannable_code: OpnScannableCode | null;
  readonly billing: null;
  readonly shipping: null;
  readonly items: readonly never[];
  readonly references: null;
  readonly store_id: null;
  readonly store_name: null;
  readonly terminal_id: null;
  readonly type: OpnSimSourceType;
  readonly zero_interest_installments: null;
  readonly charge_status: string;
  readonly receipt_amount: null;
  readonly discounts: readonly never[];
}

/** A QR charge, field for field as the Atome QR doc shows it. */
export interface OpnCharge {
  readonly object: 'charge';
  readonly id: string;
  readonly location: string;
  readonly amount: number;
  readonly net: number;
  readonly fee: number;
  readonly fee_vat: number;
  readonly interest: 0;
  readonly interest_vat: 0;
  readonly funding_amount: number;
  readonly refunded_amount: number;
  readonly transaction_fees: { readonly fee_flat: string; readonly fee_rate: string; readonly vat_rate: string };
  readonly platform_fee: { readonly fixed: null; readonly amount: null; readonly percentage: null };
  readonly currency: string;
  readonly funding_currency: string;
  readonly ip: null;
  readonly refunds: OpnList<OpnRefund>;
  readonly link: null;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly card: null;
  readonly source: OpnSource;
  readonly schedule: null;
  readonly customer: null;
  readonly dispute: null;
  readonly transaction: string | null;
  readonly failure_code: string | null;
  readonly failure_message: string | null;
  readonly status: 'pending' | 'successful' | 'failed' | 'expired';
  /** Only a redirect charge has one (a test-only flow here); null for every offline charge. */
  readonly authorize_uri: string | null;
  readonly return_uri: string | null;
  readonly created_at: string;
  readonly paid_at: string | null;
  readonly expires_at: string;
  readonly expired_at: string | null;
  readonly reversed_at: null;
  readonly zero_interest_installments: true;
  readonly branch: null;
  readonly terminal: null;
  readonly device: null;
  readonly authorized: boolean;
  readonly capturable: false;
  readonly capture: true;
  readonly disputable: boolean;
  readonly livemode: false;
  readonly refundable: boolean;
  readonly reversed: false;
  readonly reversible: false;
  readonly voided: false;
  readonly paid: boolean;
  readonly expired: boolean;
}

/** Opn's timestamp style: whole seconds, Z. */
export const opnTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Test-mode ids look like `chrg_test_5ug0fxc8vlqb5zg9g4p`. */
export function opnId(prefix: string): string {
  const digits = [...randomBytes(19)].map((b) => (b % 36).toString(36)).join('');
  return `${prefix}_test_${digits}`;
}

/** The doc's fee figures (3.65% plus 7% VAT on the fee); only for realistic numbers. */
export function fees(amount: number): { fee: number; fee_vat: number; net: number } {
  const fee = Math.round(amount * 0.0365);
  const fee_vat = Math.round(fee * 0.07);
  return { fee, fee_vat, net: amount - fee - fee_vat };
}

export function emptyList<T>(location: string, at: string): OpnList<T> {
  return { object: 'list', data: [], limit: 20, offset: 0, total: 0, location, order: 'chronological', from: '1970-01-01T00:00:00Z', to: at };
}

export interface NewCharge {
  readonly type: OpnSimSourceType;
  readonly amount: number;
  readonly currency: string;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly expiresAt: number;
  readonly now: number;
  /** Where the simulator serves documents, e.g. http://127.0.0.1:PORT. */
  readonly baseUrl: string;
  /**
   * Offline (a QR document in the given format), as every method here is by default; or, for a test of
   * the client's refusal only, redirect: an `authorize_uri` to send the payer to and no scannable code.
   */
  readonly flow: { readonly kind: 'offline'; readonly format: OpnQrFormat } | { readonly kind: 'redirect'; readonly returnUri: string | null };
}

/** The QR document Opn attaches to an offline source, downloadable at a tokenised address. */
function qrDocument(chargeId: string, format: OpnQrFormat, baseUrl: string, at: string): OpnScannableCode {
  const docu = opnId('docu');
  const token = randomBytes(8).toString('hex').toUpperCase();
  return {
    object: 'barcode',
    type: 'qr',
    image: {
      object: 'document', livemode: false, id: docu, deleted: false, filename: qrFilename(format),
      location: `/charges/${chargeId}/documents/${docu}`, kind: 'qr',
      download_uri: `${baseUrl}/charges/${chargeId}/documents/${docu}/downloads/${token}`, created_at: at,
    },
  };
}

/** A fresh pending QR charge with its source and QR document, as `POST /charges` returns it. */
export function newCharge(input: NewCharge): OpnCharge {
  const id = opnId('chrg');
  const at = opnTime(input.now);
  const offline = input.flow.kind === 'offline';
  const sourceId = opnId('src');
  const source: OpnSource = {
    object: 'source', id: sourceId, livemode: false, location: `/sources/${sourceId}`, amount: input.amount, barcode: null, bank: null,
    created_at: at, currency: input.currency, email: null, flow: input.flow.kind, installment_term: null, absorption_type: null,
    name: null, mobile_number: null, phone_number: null, platform_type: null,
    scannable_code: input.flow.kind === 'offline' ? qrDocument(id, input.flow.format, input.baseUrl, at) : null,
    billing: null, shipping: null, items: [], references: null, store_id: null, store_name: null, terminal_id: null,
    type: input.type, zero_interest_installments: null, charge_status: 'pending', receipt_amount: null, discounts: [],
  };
  return {
    object: 'charge', id, location: `/charges/${id}`, amount: input.amount, ...fees(input.amount), interest: 0, interest_vat: 0,
    funding_amount: input.amount, refunded_amount: 0,
    transaction_fees: { fee_flat: '0.0', fee_rate: '3.65', vat_rate: '7.0' },
    platform_fee: { fixed: null, amount: null, percentage: null },
    currency: input.currency, funding_currency: input.currency, ip: null,
    refunds: emptyList(`/charges/${id}/refunds`, at),
    link: null, description: input.description, metadata: input.metadata, card: null, source,
    schedule: null, customer: null, dispute: null, transaction: null, failure_code: null, failure_message: null,
    status: 'pending',
    authorize_uri: offline ? null : `${input.baseUrl}/payments/${opnId('pay2')}/authorize`,
    return_uri: input.flow.kind === 'redirect' ? input.flow.returnUri : null,
    created_at: at, paid_at: null,
    expires_at: opnTime(input.expiresAt), expired_at: null, reversed_at: null, zero_interest_installments: true,
    branch: null, terminal: null, device: null, authorized: false, capturable: false, capture: true, disputable: false,
    livemode: false, refundable: false, reversed: false, reversible: false, voided: false, paid: false, expired: false,
  };
}
