import type { Checkout } from '../../../app/pos-api/checkout-schemas';

/** A refusal as the API answers it: the HTTP status, a stable code and a sentence. */
export interface PosError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An answer with a checkout: 201 made, 200 read or replayed, 202 queued. */
export interface PosAnswer<T = Checkout> {
  readonly status: number;
  readonly body: T;
  readonly headers?: Readonly<Record<string, string>>;
}

export type PosOutcome<T = Checkout> = { readonly ok: true; readonly value: PosAnswer<T> } | { readonly ok: false; readonly error: PosError };

export const answer = <T>(status: number, body: T, headers?: Readonly<Record<string, string>>): PosOutcome<T> => ({
  ok: true,
  value: headers === undefined ? { status, body } : { status, body, headers },
});

export const refuse = (status: number, code: string, message: string, headers?: Readonly<Record<string, string>>): { readonly ok: false; readonly error: PosError } => ({
  ok: false,
  error: headers === undefined ? { status, code, message } : { status, code, message, headers },
});

export const notFound = (id: string): { readonly ok: false; readonly error: PosError } =>
  refuse(404, 'checkout_not_found', `No checkout ${id.slice(0, 64)} is visible to this key`);
