import { describe, expect, it } from 'vitest';
import { closeEvent } from '../../app/engine/close-outcome';
import { amountMismatch } from '../../app/engine/trust';
import type { TerminalInfo } from '../../app/ipc/contract';
import type { Said } from '../../app/i18n/said';
import type { Payment } from '../../app/payment/payment';
import { transition } from '../../app/payment/transition';
import { DEMO_FAILURES } from '../../app/providers/demo/demo-api';
import { DEMO_METHOD, mapDemoStatus } from '../../app/providers/demo/demo-client';
import { OPN_FAILURE_DESCRIPTIONS } from '../../app/providers/opn/opn-api';
import { opnHttpError, transportError, unreadable } from '../../app/providers/opn/opn-errors';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { OPN_METHOD_IDS, OPN_METHODS } from '../../app/providers/opn/opn-methods';
import { opnFailure } from '../../app/providers/opn/opn-status';
import { mapOrangepillStatus } from '../../app/providers/orangepill/orangepill-status';
import { rateLimited, transportFailure } from '../../app/providers/provider-errors';
import type { ProviderStatus } from '../../app/providers/provider';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import { err, ok } from '../../app/util/result';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { aPayment } from '../support/payment-fixture';

/** A demo terminal with every method, as the cashier screen knows it: names as the service's sentences use them. */
const TERMINAL: TerminalInfo = {
  merchantName: 'Kopi Corner',
  demo: true,
  locale: 'en-SG',
  defaultCurrency: 'SGD',
  methods: [DEMO_METHOD, ...OPN_METHOD_IDS.map((id) => opnMethodInfo(true, id))],
  language: DEFAULT_SETTINGS.language,
  sounds: DEFAULT_SETTINGS.sounds,
  entryMode: 'cents',
};
const format = saidFormat(TERMINAL);

/** What the service told: its English sentence and the Said it sent with it. */
interface Told {
  readonly message: string;
  readonly said?: Said | undefined;
}

/** The cashier screen's English wording of `told.said` is the service's own sentence, word for word. */
function expectEnglishAsSaid(told: Told): void {
  expect(told.said, told.message).toBeDefined();
  if (told.said === undefined) return;
  expect(wordSaid(told.said, CASHIER_WORDS.en.said, format)).toBe(told.message);
  for (const language of ['ms', 'zh-Hans'] as const) expect(wordSaid(told.said, CASHIER_WORDS[language].said, format)).not.toBe(told.message);
}

const failureOf = (status: ProviderStatus): Told => {
  if (status.kind !== 'failed') throw new Error(`expected a failure, got ${status.kind}`);
  return status.failure;
};

describe('a payment’s sentences, worded by the cashier screen exactly as the service said them in English', () => {
  it('Opn’s documented codes and an unknown or missing code, for every Opn method', () => {
    for (const method of Object.values(OPN_METHODS)) {
      for (const code of [...Object.keys(OPN_FAILURE_DESCRIPTIONS), 'card_stolen', null]) expectEnglishAsSaid(opnFailure(code, method));
    }
  });

  it('the demo provider’s codes, listed and not', () => {
    const demo = (failure_code: string | null) =>
      mapDemoStatus({
        object: 'demo_payment',
        id: 'dp_1',
        reference: 'T1',
        amount_minor: 1234,
        currency: 'SGD',
        description: '',
        status: 'failed',
        failure_code,
        qr_payload: 'DEMO-1',
        created_at: '2026-12-07T07:00:00Z',
        expires_at: '2026-12-07T07:10:00Z',
        paid_at: null,
      });
    for (const code of [...Object.keys(DEMO_FAILURES), 'constructor', null]) expectEnglishAsSaid(failureOf(demo(code)));
  });

  it('Orangepill’s ends, with and without its reason', () => {
    const request = (status: string, error?: unknown) => ({ id: 'req_1', destination: { alias: '@shop' }, status, ...(error === undefined ? {} : { error }) });
    const context = { now: 0, cancelledByUs: false };
    expectEnglishAsSaid(failureOf(mapOrangepillStatus(request('CANCELLED'), context)));
    expectEnglishAsSaid(failureOf(mapOrangepillStatus(request('FAILED', { message: 'Payer wallet frozen' }), context)));
    expectEnglishAsSaid(failureOf(mapOrangepillStatus(request('ERROR', 'Ledger unavailable'), context)));
  });

  it('the provider link’s notes: no answer, no connection, slow down, trouble, unreadable', () => {
    for (const label of ['Opn', 'the demo provider', 'Orangepill']) {
      expectEnglishAsSaid(transportFailure(label, true, false));
      expectEnglishAsSaid(transportFailure(label, false, true));
      expectEnglishAsSaid(rateLimited(label, null, 0));
    }
    expectEnglishAsSaid(transportError(true, false));
    expectEnglishAsSaid(unreadable(false));
    expectEnglishAsSaid(opnHttpError({ status: 503, error: null, retryAfter: null, mayHaveTakenEffect: false }, [], 0));
  });

  it('an answer for another amount or currency, however the provider put it', () => {
    const asked = { minor: 1234, currency: 'SGD' } as const;
    const answers = [
      { minor: 1000, currency: 'SGD' },
      { minor: 1234, currency: 'myr' },
      { minor: null, currency: 'USD' },
      { minor: null, currency: '' },
      { minor: 1234, currency: 'XYZ' },
      { minor: 1234, currency: '' },
    ];
    for (const answered of answers) {
      const mistrust = amountMismatch(asked, answered, 'Atome', 'en-SG');
      expect(mistrust).not.toBeNull();
      if (mistrust !== null) expectEnglishAsSaid(mistrust);
    }
  });

  it('a cancel that found money left the request open, with and without the amount; a hidden outcome keeps its facts', () => {
    const payment = aPayment({ state: { status: 'awaiting' } });
    const context = { provider: 'The demo provider', locale: 'en-SG' };
    for (const received of [null, { minor: 600, currency: 'SGD' } as const]) {
      const event = closeEvent(payment, ok({ kind: 'partially_paid', received }), 'cancel', context);
      expect(event.type).toBe('left_open');
      if (event.type === 'left_open') expectEnglishAsSaid(event);
      const after = transition(payment, event, 1);
      expect(after.state).toMatchObject({ status: 'partially_paid', leftOpenSaid: { kind: 'left_open' } });
    }
    const hidden = { kind: 'outcome_unknown', message: 'hidden', said: { area: 'payment', kind: 'closed_after_part' }, ambiguous: false } as const;
    const unresolved = transition(payment, closeEvent(payment, err(hidden), 'cancel', context), 1);
    expect(unresolved.state).toEqual({ status: 'needs_attention', reason: 'hidden', said: hidden.said });
  });

  it('a partly paid request closed at the provider needs attention, and says why in the cashier’s language', () => {
    const partly: Payment = aPayment({ state: { status: 'partially_paid', received: null } });
    const after = transition(partly, { type: 'provider_status', status: { kind: 'expired' } }, 1);
    expect(after.state.status).toBe('needs_attention');
    if (after.state.status === 'needs_attention') expectEnglishAsSaid({ message: after.state.reason, said: after.state.said });
  });

  it('a notice’s Said goes with its notice: replaced with it, and dropped when the notice clears', () => {
    const payment = aPayment({ state: { status: 'awaiting' } });
    const noted = transition(payment, { type: 'notice', ...transportFailure('Opn', true, false) }, 1);
    expect(noted.noticeSaid).toEqual({ area: 'payment', kind: 'no_answer', provider: 'Opn' });
    expectEnglishAsSaid({ message: noted.notice ?? '', said: noted.noticeSaid });
    const plain = transition(noted, { type: 'notice', message: 'Checking with the provider…' }, 2);
    expect(plain).not.toHaveProperty('noticeSaid');
    const answered = transition(noted, { type: 'provider_status', status: { kind: 'pending' } }, 3);
    expect(answered.notice).toBeNull();
    expect(answered).not.toHaveProperty('noticeSaid');
  });
});
