import { randomBytes } from 'node:crypto';
import type { CommandArgs } from '../../../app/ipc/contract';
import type { ConnectionSaid } from '../../../app/i18n/said/settings';
import type { ConnectionCheck } from '../../../app/ipc/settings-schemas';
import type { ProviderError } from '../../../app/providers/provider';
import { opnSecretKey, orangepillApiKey, type Settings } from '../../../app/settings/settings';
import { describeOpnMethods, goneSentence, keepCapability } from '../../../app/providers/opn/opn-capability';
import type { OpnClient } from '../../../app/providers/opn/opn-client';
import { OPN_METHOD_IDS, OPN_METHODS } from '../../../app/providers/opn/opn-methods';
import type { Logger } from '../logging/logger';
import { askOpnMethods, keepOpnMethods, opnAccount } from './opn-offer';
import { opnClient, orangepillClient } from './provider-clients';

const OPN = 'Opn';
const ORANGEPILL = 'Orangepill';

/**
 * Asks the provider one read-only question with the key (a list of at most one payment), so a
 * wrong key, a wrong address or no network each get their own sentence before any sale is tried.
 * The key is never part of an answer: the clients' messages are written without it.
 */
export async function testConnection(
  args: CommandArgs<'testConnection'>,
  settings: Settings,
  log: Logger,
  now: () => number,
  locked: Readonly<Record<string, string>> = {},
  dataDir: string | null = null,
): Promise<ConnectionCheck> {
  const provider = args.provider;
  const answer = (ok: boolean, message: string, said: ConnectionSaid): ConnectionCheck => ({ provider, ok, message, said });
  const failed = (error: ProviderError): ConnectionCheck =>
    answer(false, error.message, { area: 'settings', kind: 'test_failed', provider, problem: error.kind, detail: error.message });
  const refusal = keyDestinationProblem(args, settings, locked);
  if (refusal !== null) return answer(false, refusal.message, refusal.said);
  const name = provider === 'opn' ? OPN : ORANGEPILL;
  const noKey = answer(false, `No ${name} ${provider === 'opn' ? 'secret' : 'API'} key is set: type the key, then test it`, { area: 'settings', kind: 'test_no_key', provider });
  const notKey = (rule: string): ConnectionCheck => answer(false, `That is not an ${name} ${rule}`, { area: 'settings', kind: 'test_not_a_key', provider });
  if (provider === 'opn') {
    const key = args.key ?? settings.providers.opn.secretKey;
    const baseUrl = args.baseUrl ?? settings.providers.opn.baseUrl;
    if (key === null) return noKey;
    if (!opnSecretKey.safeParse(key).success) return notKey('secret key: it starts with skey_');
    log.redact(key);
    const client = opnClient(settings, baseUrl, key, now, false);
    const listed = await client.listCharges({ limit: 1, order: 'reverse_chronological' });
    if (!listed.ok) return failed(listed.error);
    const testKey = key.startsWith('skey_test_');
    const inForce = key === settings.providers.opn.secretKey && baseUrl === settings.providers.opn.baseUrl;
    const methods = await opnMethodsAnswer({ client, settings, account: opnAccount(baseUrl, key), keep: inForce ? dataDir : null, now, log });
    const mode = testKey ? ' (a test key: no real money moves)' : '';
    return answer(true, `${OPN} accepted the key at ${baseUrl}${mode}. ${methods.message}`, { area: 'settings', kind: 'test_opn_ok', url: baseUrl, testKey, ...methods.said });
  }
  const op = settings.providers.orangepill;
  const key = args.key ?? op.apiKey;
  const baseUrl = args.baseUrl ?? op.baseUrl;
  if (key === null) return noKey;
  if (!orangepillApiKey.safeParse(key).success) return notKey('API key: it is at least 8 characters');
  log.redact(key);
  // Any alias will do for a list; the answer is filtered by it, not the request.
  const client = orangepillClient(settings, baseUrl, key, op.merchantAlias ?? '@connection_test', now, false);
  const listed = await client.list({ 'data.order': `connection-test-${randomBytes(6).toString('hex')}` });
  if (!listed.ok) return failed(listed.error);
  return answer(true, `${ORANGEPILL} accepted the key at ${baseUrl}`, { area: 'settings', kind: 'test_orangepill_ok', url: baseUrl });
}

/** What the Opn account offers, as `test_opn_ok` carries it. */
type MethodsSaid = Pick<Extract<ConnectionSaid, { kind: 'test_opn_ok' }>, 'methods' | 'methodsDetail' | 'gone'>;

interface MethodsQuestion {
  readonly client: Pick<OpnClient, 'capability'>;
  readonly settings: Settings;
  readonly account: string;
  /** The data folder when the key and address tested are the ones in force: the answer is then kept. */
  readonly keep: string | null;
  readonly now: () => number;
  readonly log: Logger;
}

/**
 * What the account offers, from `GET /capability`, and each method gone since the kept answer. Kept
 * for the next start only for the key in force: a key typed to try it is not the shop's account yet.
 */
async function opnMethodsAnswer(q: MethodsQuestion): Promise<{ readonly message: string; readonly said: MethodsSaid }> {
  const asked = await askOpnMethods(q.client);
  if (!asked.ok) {
    const detail = asked.error.message.replace(/\s*\u2014 retrying$/, '');
    return { message: `It did not say which QR methods this account has: ${detail}.`, said: { methods: null, methodsDetail: detail, gone: [] } };
  }
  const kept = q.keep === null ? keepCapability(null, q.account, asked.value, q.now()) : keepOpnMethods(q.keep, q.account, asked.value, q.now(), q.log);
  const gone = kept.gone.map((g) => goneSentence(g.id, g.since, q.settings.locale));
  const offers =
    asked.value.length === 0
      ? `This account offers none of the QR methods the terminal takes (${OPN_METHOD_IDS.map((id) => OPN_METHODS[id].names.en).join(', ')}).`
      : `This account offers ${describeOpnMethods(asked.value)}.`;
  return { message: [offers, ...gone].join(' '), said: { methods: asked.value, methodsDetail: null, gone: kept.gone } };
}

/**
 * A key goes only to the base URL in force. A test at another address must bring its own typed key,
 * so a screen (or anyone holding the cashier token) cannot send the stored key somewhere else; and an
 * address the environment sets cannot be swapped from a screen at all.
 */
function keyDestinationProblem(
  args: CommandArgs<'testConnection'>,
  settings: Settings,
  locked: Readonly<Record<string, string>>,
): { readonly message: string; readonly said: ConnectionSaid } | null {
  const { provider } = args;
  const name = provider === 'opn' ? OPN : ORANGEPILL;
  const inForce = settings.providers[provider].baseUrl;
  if (args.baseUrl === undefined || args.baseUrl === inForce) return null;
  const variable = locked[`providers.${provider}.baseUrl`];
  if (variable !== undefined) {
    return {
      message: `The ${name} base URL is set by the environment variable ${variable} (${inForce}); it cannot be changed from this screen`,
      said: { area: 'settings', kind: 'test_url_locked', provider, variable, inForce },
    };
  }
  if (args.key === undefined) {
    return {
      message: `Type the ${name} key to test it at ${args.baseUrl}: the key in force is only ever sent to ${inForce}`,
      said: { area: 'settings', kind: 'test_type_key', provider, url: args.baseUrl, inForce },
    };
  }
  return null;
}
