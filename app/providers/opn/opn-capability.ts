import { z } from 'zod';
import { CURRENCY_CODES, isCurrencyCode, type CurrencyCode } from '../../money/currency';
import type { OpnCapability } from './opn-api';
import { OPN_METHOD_IDS, OPN_METHODS, type OpnMethodId } from './opn-methods';

/*
 * Which Opn QR methods a shop is offered: what the account has enabled (GET /capability), less what
 * the shop's settings leave out. The last answer is kept in the data folder, so an offline start
 * offers the same, and a method that disappeared since is explained to the cashier.
 */

/** One method the account has, in the currencies both Opn and the terminal take for it. */
export interface EnabledOpnMethod {
  readonly id: OpnMethodId;
  readonly currencies: readonly CurrencyCode[];
}

const currencyCode = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);
const methodId = z.enum(OPN_METHOD_IDS);

/** The kept answer (opn-capability.json): for one account only, so another key's answer is never compared with it. */
export const keptCapabilitySchema = z.strictObject({
  version: z.literal(1),
  /** A fingerprint of the base URL and key (never the key). */
  account: z.string().regex(/^[0-9a-f]{8,64}$/),
  checkedAt: z.number().int().nonnegative(),
  methods: z.array(z.strictObject({ id: methodId, currencies: z.array(currencyCode).max(20) })).max(OPN_METHOD_IDS.length),
  /** Methods the account had and no longer has, since when: explained until they come back. */
  gone: z.array(z.strictObject({ id: methodId, since: z.number().int().nonnegative() })).max(OPN_METHOD_IDS.length),
});
export type KeptCapability = z.infer<typeof keptCapabilitySchema>;

/** The table's methods in Opn's answer, each in the currencies both name; one in no shared currency is left out. */
export function enabledOpnMethods(capability: OpnCapability): EnabledOpnMethod[] {
  const enabled: EnabledOpnMethod[] = [];
  for (const id of OPN_METHOD_IDS) {
    const method = OPN_METHODS[id];
    const listed = capability.payment_methods.filter((m) => m.name === method.sourceType);
    const named = new Set(listed.flatMap((m) => m.currencies.map((c) => c.toUpperCase())).filter(isCurrencyCode));
    const currencies = method.currencies.filter((c) => named.has(c));
    if (currencies.length > 0) enabled.push({ id, currencies });
  }
  return enabled;
}

/** The kept answer after a fresh one: methods now missing join `gone` (keeping their first date), returning ones leave it. */
export function keepCapability(before: KeptCapability | null, account: string, fresh: readonly EnabledOpnMethod[], now: number): KeptCapability {
  const had = before !== null && before.account === account ? before : null;
  const present = new Set(fresh.map((m) => m.id));
  const gone = new Map<OpnMethodId, number>();
  for (const g of had?.gone ?? []) if (!present.has(g.id)) gone.set(g.id, g.since);
  for (const m of had?.methods ?? []) if (!present.has(m.id) && !gone.has(m.id)) gone.set(m.id, now);
  return {
    version: 1,
    account,
    checkedAt: now,
    methods: fresh.map((m) => ({ id: m.id, currencies: [...m.currencies] })),
    gone: OPN_METHOD_IDS.filter((id) => gone.has(id)).map((id) => ({ id, since: gone.get(id) ?? now })),
  };
}

/** A method the shop is not offered, with the sentence the cashier reads about it. */
export interface MissingOpnMethod {
  readonly id: OpnMethodId;
  readonly sentence: string;
}

export interface OpnOffer {
  readonly offered: readonly EnabledOpnMethod[];
  /** Methods the cashier is told about: gone from the account, or chosen in settings but not on it. */
  readonly missing: readonly MissingOpnMethod[];
}

const day = (at: number, locale: string): string => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);

/** Why a method that was offered is gone, and what to do; shown where the device bar explains each method. */
export function goneSentence(id: OpnMethodId, since: number, locale: string): string {
  const name = OPN_METHODS[id].names.en;
  return `Opn no longer offers ${name} on this account (noticed on ${day(since, locale)}), so the terminal does not offer it. Ask Opn to enable ${name} again, then press Test connection in Settings.`;
}

function notEnabledSentence(id: OpnMethodId): string {
  const name = OPN_METHODS[id].names.en;
  return `${name} is chosen in providers.opn.methods, but Opn does not offer it on this account, so the terminal does not offer it. Ask Opn to enable ${name}, or take it out of that setting.`;
}

/**
 * What the shop is offered from the account's methods: those chosen in settings (all when `chosen` is
 * null). A method gone from the account is explained unless the shop chose to leave it out anyway.
 */
export function offerOpnMethods(kept: KeptCapability, chosen: readonly OpnMethodId[] | null, locale: string): OpnOffer {
  const wanted = (id: OpnMethodId): boolean => chosen === null || chosen.includes(id);
  const offered = kept.methods.filter((m) => wanted(m.id));
  const missing: MissingOpnMethod[] = kept.gone.filter((g) => wanted(g.id)).map((g) => ({ id: g.id, sentence: goneSentence(g.id, g.since, locale) }));
  for (const id of chosen ?? []) {
    if (!offered.some((m) => m.id === id) && !missing.some((m) => m.id === id)) missing.push({ id, sentence: notEnabledSentence(id) });
  }
  return { offered, missing };
}

/**
 * With no answer from Opn ever (first start offline): the methods chosen in settings, or else Atome (as
 * before) and each method that takes one of the shop's currencies. Opn refuses a charge for a method the
 * account lacks, with its own words, so nothing is lost by offering one too many until it answers.
 */
export function unconfirmedOpnMethods(chosen: readonly OpnMethodId[] | null, shop: readonly CurrencyCode[]): EnabledOpnMethod[] {
  const ids = chosen ?? OPN_METHOD_IDS.filter((id) => id === 'atome' || OPN_METHODS[id].currencies.some((c) => shop.includes(c)));
  return ids.map((id) => ({ id, currencies: OPN_METHODS[id].currencies }));
}

/** "PayNow (SGD), Alipay+ (SGD, THB)": what the account offers, for the connection test's answer. */
export function describeOpnMethods(methods: readonly EnabledOpnMethod[]): string {
  return methods.map((m) => `${OPN_METHODS[m.id].names.en} (${m.currencies.join(', ')})`).join(', ');
}
