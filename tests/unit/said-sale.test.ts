import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../app/ipc/contract';
import type { MethodId } from '../../app/payment/method';
import type { Payment } from '../../app/payment/payment';
import { createOpnClient } from '../../app/providers/opn/opn-client';
import { OPN_METHODS } from '../../app/providers/opn/opn-methods';
import { checkOpnAmount } from '../../app/providers/opn/opn-rules';
import { createOrangepillClient } from '../../app/providers/orangepill/orangepill-client';
import type { CreatedPayment, ProviderError, ProviderStatus } from '../../app/providers/provider';
import { err, ok, type Result } from '../../app/util/result';
import { toApi } from '../../electron/service/commands/payment-commands';
import { demoSimulateCommand } from '../../electron/service/demo/demo-commands';
import type { SimulatedProvider } from '../../electron/simulators/simulated-provider';
import { saidFormat, toldText } from '../../renderer/cashier/shared/say';
import type { Told } from '../../renderer/cashier/shared/told';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import type { SaidFormat } from '../../renderer/cashier/words/said';
import { chargeOk, deferred, harness, rejected, settle, SGD_1234, storedPayment, T0 } from '../support/engine-harness';

/** The shop's format, with the labels the terminal gives its methods (the harness's is "Test QR"). */
const LABELS: Partial<Record<MethodId, string>> = { demo: 'Test QR', atome: 'Atome (simulated)' };
const format: SaidFormat = { ...saidFormat(null), method: (id) => LABELS[id as MethodId] ?? id };

/** A refusal, as the English cashier reads it from its `said`, beside the service's own sentence. */
function readBoth(told: Told): { readonly worded: string; readonly message: string } {
  expect(told.said, told.message).toBeDefined();
  return { worded: toldText(told, CASHIER_WORDS.en, format), message: told.message };
}

const sameInEnglish = (told: Told): void => {
  const { worded, message } = readBoth(told);
  expect(worded).toBe(message);
};

const failed = <T, E>(result: Result<T, E>): E => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

const rejectAll = (): Promise<never> => Promise.reject(new Error('no request is sent in this test'));

describe("the sale's refusals: the English cashier reads exactly the service's sentence", () => {
  it('charge: method not configured, currency not accepted, a payment already in progress', async () => {
    sameInEnglish(failed(await harness({ providers: 'none' }).engine.charge(SGD_1234)));
    const h = harness();
    sameInEnglish(failed(await h.engine.charge({ amount: { minor: 100, currency: 'MYR' }, method: 'demo', orderRef: null })));
    await chargeOk(h.engine);
    sameInEnglish(failed(await h.engine.charge(SGD_1234)));
  });

  it("charge: each provider's amount rules, through the engine as the cashier gets them", async () => {
    const h = harness();
    h.provider.amountRule = (amount) => checkOpnAmount(amount, OPN_METHODS.atome);
    for (const minor of [149, 300_001]) sameInEnglish(failed(await h.engine.charge({ amount: { minor, currency: 'SGD' }, method: 'demo', orderRef: null })));
    for (const [minor, currency] of [[1999, 'THB'], [15_000_001, 'THB'], [2000, 'SGD']] as const) {
      sameInEnglish(failed(checkOpnAmount({ minor, currency }, OPN_METHODS.promptpay)));
    }
    const opn = { baseUrl: 'http://127.0.0.1:9', secretKey: 'skey_test_unused', omiseVersion: '2019-05-29', fetch: rejectAll, now: () => T0, simulated: true };
    const sgdOnly = createOpnClient({ ...opn, decodeQrImage: rejectAll, method: 'alipayplus', currencies: ['SGD'] });
    sameInEnglish(failed(sgdOnly.checkAmount({ minor: 5000, currency: 'THB' })));
    const shop = { merchantAlias: '@shop', store: 'Shop', merchant: 'Shop Ltd.', callbackUrl: null, tags: [], system: 'QR Counter Terminal' };
    const orangepill = createOrangepillClient({ ...shop, baseUrl: 'http://127.0.0.1:9', apiKey: 'k', fetch: rejectAll, now: () => T0, simulated: true });
    sameInEnglish(failed(orangepill.checkAmount({ minor: 0, currency: 'SGD' })));
  });

  it('cancel: unknown, already final, still being created; dismiss: still in progress', async () => {
    const h = harness();
    sameInEnglish(failed(await h.engine.cancel('ref-9')));
    const pending = deferred<Result<CreatedPayment, ProviderError>>();
    h.provider.onCreate = () => pending.promise;
    const charging = h.engine.charge(SGD_1234);
    await settle();
    sameInEnglish(failed(await h.engine.cancel('ref-1')));
    sameInEnglish(failed(h.engine.dismiss('ref-1')));
    pending.resolve(err(rejected));
    await charging;
    sameInEnglish(failed(await h.engine.cancel('ref-1')));
    expect(failed(await h.engine.cancel('ref-1')).said).toEqual({ area: 'sale', kind: 'payment_already_final', paymentId: 'ref-1', status: 'failed' });
  });

  it('every final status reads as the service says it', async () => {
    const answers: readonly ProviderStatus[] = [{ kind: 'paid', paidAt: T0 }, { kind: 'expired' }, { kind: 'cancelled' }, { kind: 'refunded', full: true, refundedMinor: 1234 }];
    for (const answer of answers) {
      const h = harness();
      const payment = await chargeOk(h.engine);
      h.provider.onStatus = () => ok(answer);
      await h.clock.advance(1000);
      sameInEnglish(failed(await h.engine.cancel(payment.id)));
    }
  });

  it('the demo controls: unknown payment, not at a simulator, and the simulator’s own refusal', async () => {
    const payments = new Map<string, Payment>([
      ['T-1', storedPayment({ id: 'T-1', state: { status: 'creating' } })],
      ['T-2', storedPayment({ id: 'T-2', state: { status: 'awaiting' }, providerRef: 'chrg_1' })],
    ]);
    const simulator = { simulate: () => err('Opn cannot simulate "partial"') } as unknown as SimulatedProvider;
    const simulate = demoSimulateCommand((id) => payments.get(id), new Map([[payments.get('T-2')!.method, simulator]]));
    for (const paymentId of ['T-9', 'T-1', 'T-2']) sameInEnglish(failed(await simulate({ paymentId, outcome: 'partial' })));
  });
});

describe('the payment commands hand the screen the whole refusal', () => {
  it("keeps the engine's said beside its sentence (the cashier reads it in their language)", () => {
    const error: ApiError = failed(toApi(err({ code: 'invalid_state', message: 'The payment is still being created: cancel once its QR shows', said: { area: 'sale', kind: 'still_being_created' } })));
    expect(error.said).toEqual({ area: 'sale', kind: 'still_being_created' });
    expect(toldText(error, CASHIER_WORDS.ms, format)).toBe('Bayaran ini masih sedang dibuat: batalkannya selepas kod QR dipaparkan');
    expect(toldText(error, CASHIER_WORDS['zh-Hans'], format)).toBe('付款仍在创建中：请在二维码显示后再取消');
  });

  it('leaves a refusal without said as it was', () => {
    expect(failed(toApi(err({ code: 'not_found', message: 'gone' })))).toEqual({ code: 'not_found', message: 'gone' });
  });
});
