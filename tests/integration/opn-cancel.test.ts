import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../app/engine/clock';
import { PaymentEngine } from '../../app/engine/payment-engine';
import { createMemoryStore } from '../../app/engine/payment-store';
import type { Payment } from '../../app/payment/payment';
import { useOpnRig, type OpnRig } from '../support/opn-rig';

/** The engine's cancel with the real Opn client over HTTP, against the Opn simulator on loopback. */
const rig = useOpnRig();

const engines: PaymentEngine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

/** Real time; nothing polls, so only the test's own steps reach Opn. */
const clock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

function engineFor({ client }: OpnRig): PaymentEngine {
  let n = 0;
  const engine = new PaymentEngine({
    providers: new Map([['atome', client]]),
    store: createMemoryStore(),
    clock,
    policy: { intervalMs: 3_600_000, expiryGraceMs: 10_000, backoffBaseMs: 1000, backoffMaxMs: 30_000 },
    qrLifetimeMs: 600_000,
    locale: 'en-SG',
    merchantName: 'Kopi Corner',
    newReference: () => `T-OPN-CANCEL-${Date.now()}-${++n}`,
    random: () => 0.5,
    onChange: () => undefined,
  });
  engines.push(engine);
  return engine;
}

async function charged(engine: PaymentEngine): Promise<Payment & { providerRef: string }> {
  const result = await engine.charge({ amount: { minor: 2000, currency: 'SGD' }, method: 'atome', orderRef: null });
  if (!result.ok || result.value.providerRef === null) throw new Error(result.ok ? 'not created' : result.error.message);
  return { ...result.value, providerRef: result.value.providerRef };
}

const expireCalls = ({ sim }: OpnRig, id: string) => sim.requests().filter((r) => r.method === 'POST' && r.path === `/charges/${id}/expire`);

describe('Opn: Cancel reads the charge first and never expires one that has money', () => {
  it('a charge that became successful just before Cancel: paid, not expired or cancelled, and no Expire call', async () => {
    const engine = engineFor(rig());
    const payment = await charged(engine);
    expect(rig().sim.settle(payment.providerRef, 'paid').ok).toBe(true);
    const result = await engine.cancel(payment.id);
    expect(result.ok && result.value.state).toMatchObject({ status: 'paid' });
    expect(expireCalls(rig(), payment.providerRef)).toEqual([]);
    expect(rig().sim.charges().find((c) => c.id === payment.providerRef)?.status).toBe('successful');
  });

  it('a pending charge is expired with the Expire API, and the sale is cancelled', async () => {
    const engine = engineFor(rig());
    const payment = await charged(engine);
    const result = await engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled' });
    expect(expireCalls(rig(), payment.providerRef)).toHaveLength(1);
  });
});
