import { z } from 'zod';
import {
  OPN_ACCOUNT_COUNTRIES,
  OPN_ACCOUNT_LIMITS,
  OPN_SIM_METHODS,
  OPN_SIM_SOURCE_TYPES,
  type OpnAccountCountry,
  type OpnSimSourceType,
} from './opn-sim-methods';

/** A payment method the account has enabled, as `GET /capability` lists it: its name and currencies. */
export interface OpnEnabledMethod {
  readonly name: string;
  readonly currencies: readonly string[];
}

/** What the simulated Opn account has: its country (whose limits it reports) and its enabled methods. */
export interface OpnAccount {
  readonly country: OpnAccountCountry;
  readonly paymentMethods: readonly OpnEnabledMethod[];
}

/** The given QR methods, each with every currency its doc names: e.g. `enabledOpnMethods(['paynow', 'promptpay'])`. */
export function enabledOpnMethods(types: readonly OpnSimSourceType[] = OPN_SIM_SOURCE_TYPES): OpnEnabledMethod[] {
  return types.map((name) => ({ name, currencies: Object.keys(OPN_SIM_METHODS[name].currencies) }));
}

/** The account a simulator has unless told otherwise: Singapore, with every QR method it simulates. */
export const DEFAULT_OPN_ACCOUNT: OpnAccount = { country: 'SG', paymentMethods: enabledOpnMethods() };

/** The body of `POST /__control/capability`, and the check on the simulator's options alike. */
export const opnAccountSchema = z.strictObject({
  country: z.enum(OPN_ACCOUNT_COUNTRIES).default('SG'),
  paymentMethods: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a method name is lower-case letters, digits and _'),
        currencies: z.array(z.string().regex(/^[A-Z]{3}$/, 'a currency is three capital letters')).max(30),
      }),
    )
    .max(100),
});

/**
 * The currencies in which the account takes `type`: those it enabled for the method and the method's
 * doc allows. Null when the account has not enabled the method at all.
 */
export function enabledCurrencies(account: OpnAccount, type: OpnSimSourceType): readonly string[] | null {
  const entry = account.paymentMethods.find((m) => m.name === type);
  if (entry === undefined) return null;
  return entry.currencies.filter((c) => Object.hasOwn(OPN_SIM_METHODS[type].currencies, c));
}

/**
 * `GET /capability`, with the field names of Opn's own fixture (omise-php
 * tests/fixtures/api.omise.co/capability-get.json) [code]. opn-qr-sources.md relies on
 * `payment_methods[].name`/`currencies` and `limits.charge_amount`; those, with the object's kind,
 * location and country, are the default answer. The per-method fields the fixture shows null or empty
 * for a QR method, and its top-level extras, come only with the extensions switch; the fixture's
 * banks and transfer limits are left out, as nothing shows their values for this account.
 */
export function capabilityBody(account: OpnAccount, extensions: boolean): Record<string, unknown> {
  const limits = OPN_ACCOUNT_LIMITS[account.country];
  const methods = account.paymentMethods.map((m) => {
    const shown = { object: 'payment_method', name: m.name, currencies: [...m.currencies] };
    return extensions ? { ...shown, card_brands: null, installment_terms: null, loan_installment_terms: null, banks: [], provider: null } : shown;
  });
  const body = {
    object: 'capability',
    location: '/capability',
    country: account.country,
    limits: { charge_amount: { max: limits.max, min: limits.min } },
    payment_methods: methods,
  };
  return extensions ? { ...body, tokenization_methods: [], zero_interest_installments: false } : body;
}
