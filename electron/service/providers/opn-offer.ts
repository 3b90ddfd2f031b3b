import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ProviderReport } from '../../../app/ipc/devices';
import { shopCurrencies } from '../../../app/payment/offered-currencies';
import {
  enabledOpnMethods,
  keepCapability,
  keptCapabilitySchema,
  offerOpnMethods,
  unconfirmedOpnMethods,
  type EnabledOpnMethod,
  type KeptCapability,
  type MissingOpnMethod,
} from '../../../app/providers/opn/opn-capability';
import type { OpnClient } from '../../../app/providers/opn/opn-client';
import { OPN_METHOD_IDS, OPN_METHODS } from '../../../app/providers/opn/opn-methods';
import type { ProviderError } from '../../../app/providers/provider';
import type { Settings } from '../../../app/settings/settings';
import { err, ok, type Result } from '../../../app/util/result';
import { readJsonFile, writeJsonFile } from '../files/json-file';
import type { Logger } from '../logging/logger';

/** The last `GET /capability` answer, beside the journal, for starts without a network. */
export const OPN_CAPABILITY_FILE = 'opn-capability.json';

/** Which account an answer is for: a fingerprint of the base URL and key, never the key itself. */
export function opnAccount(baseUrl: string, secretKey: string): string {
  return createHash('sha256').update(`${baseUrl}\n${secretKey}`).digest('hex').slice(0, 16);
}

/** The methods the account has, from Opn now. */
export async function askOpnMethods(client: Pick<OpnClient, 'capability'>): Promise<Result<EnabledOpnMethod[], ProviderError>> {
  const answer = await client.capability();
  return answer.ok ? ok(enabledOpnMethods(answer.value)) : err(answer.error);
}

/** The kept answer for this account, or null (none, another account's, or unreadable: said in the log). */
export function readKeptCapability(dataDir: string | null, account: string, log: Logger): KeptCapability | null {
  if (dataDir === null) return null;
  const read = readJsonFile(join(dataDir, OPN_CAPABILITY_FILE), keptCapabilitySchema, 'the Opn methods are asked again');
  if (!read.ok) {
    log.log('warn', 'kept Opn capability unreadable', { error: read.error.message });
    return null;
  }
  return read.value !== null && read.value.account === account ? read.value : null;
}

/** Keeps a fresh answer (with what went missing since the last one); a write problem is logged, not fatal. */
export function keepOpnMethods(dataDir: string | null, account: string, fresh: readonly EnabledOpnMethod[], now: number, log: Logger): KeptCapability {
  const kept = keepCapability(readKeptCapability(dataDir, account, log), account, fresh, now);
  if (dataDir !== null) {
    const written = writeJsonFile(join(dataDir, OPN_CAPABILITY_FILE), kept, 'list of Opn methods');
    if (!written.ok) log.log('warn', 'Opn capability not kept', { error: written.error });
  }
  return kept;
}

export interface OpnOfferOptions {
  readonly settings: Settings;
  readonly client: Pick<OpnClient, 'capability'>;
  readonly dataDir: string | null;
  readonly now: () => number;
  readonly log: Logger;
}

export interface OpnStartOffer {
  readonly offered: readonly EnabledOpnMethod[];
  /** One device-bar report per method the cashier is told about (gone from the account, or chosen but missing). */
  readonly notices: readonly ProviderReport[];
}

const notice = (missing: MissingOpnMethod): ProviderReport => ({ method: missing.id, health: 'off', summary: OPN_METHODS[missing.id].names.en, detail: missing.sentence });

/**
 * The Opn methods this start offers: what Opn says the account has now; else what it said last time
 * (kept in the data folder); else, never having heard, the methods the settings choose (see
 * unconfirmedOpnMethods). Settings' `providers.opn.methods` narrows each.
 */
export async function opnStartOffer(options: OpnOfferOptions): Promise<OpnStartOffer> {
  const { settings, log } = options;
  const opn = settings.providers.opn;
  const account = opnAccount(opn.baseUrl, opn.secretKey ?? '');
  const chosen = opn.methods;
  const asked = await askOpnMethods(options.client);
  let kept: KeptCapability | null;
  if (asked.ok) {
    kept = keepOpnMethods(options.dataDir, account, asked.value, options.now(), log);
  } else {
    kept = readKeptCapability(options.dataDir, account, log);
    log.log('warn', 'Opn did not say which methods the account has', { error: asked.error.message, kept: kept !== null });
  }
  if (kept === null) return { offered: unconfirmedOpnMethods(chosen, shopCurrencies(settings)), notices: [] };
  const offer = offerOpnMethods(kept, chosen, settings.locale);
  const notices = offer.missing.map(notice);
  if (offer.offered.length === 0 && notices.length === 0) {
    const names = OPN_METHOD_IDS.map((id) => OPN_METHODS[id].names.en).join(', ');
    notices.push({
      method: 'atome',
      health: 'off',
      summary: 'Opn',
      detail: `Opn offers none of the QR methods the terminal takes (${names}) on this account. Ask Opn to enable one, then press Test connection in Settings.`,
    });
  }
  return { offered: offer.offered, notices };
}
