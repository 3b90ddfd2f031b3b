import { randomBytes } from 'node:crypto';
import type { ApiError, ApiResult, EventName, EventPayloads, TerminalInfo } from '../../app/ipc/contract';
import { PaymentEngine, type EngineError } from '../../app/engine/payment-engine';
import { createMemoryStore, type PaymentStore } from '../../app/engine/payment-store';
import { DEFAULT_POLL_POLICY } from '../../app/engine/poll-policy';
import type { Clock } from '../../app/engine/clock';
import type { MethodId } from '../../app/payment/method';
import type { PaymentProvider } from '../../app/providers/provider';
import { createDemoClient } from '../../app/providers/demo/demo-client';
import type { Settings } from '../../app/settings/settings';
import { startDemoSimulator, type DemoSimulator } from '../simulators/demo/demo-simulator';
import type { SimulatedProvider } from '../simulators/simulated-provider';
import { createDispatcher } from './dispatcher';
import type { Logger } from './logger';
import { platformFetch } from './platform-fetch';
import { newReference } from './references';
import type { EventListener, TerminalApi } from './terminal-api';

export interface TerminalServiceOptions {
  readonly settings: Settings;
  readonly log: Logger;
  /** Where payments are kept; memory until the SQLite journal lands. */
  readonly store?: PaymentStore;
  readonly clock?: Clock;
  /** The demo provider's key; random per launch unless a test needs to look for it. */
  readonly demoApiKey?: string;
}

export interface TerminalService extends TerminalApi {
  readonly info: TerminalInfo;
  /** Present in demo mode: the built-in simulated provider. */
  readonly demo: DemoSimulator | null;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

const PROVIDER_TIMEOUT_MS = 10_000;

const engineError = (error: EngineError): ApiError => ({ code: error.code, message: error.message });

/**
 * Composes the platform-free core with this host's adapters: the provider clients, the store, the
 * clock, and (in demo mode) the simulator. Electron's main process and the headless host both run
 * exactly this; only the transport in front of it differs.
 */
export async function createTerminalService(options: TerminalServiceOptions): Promise<TerminalService> {
  const { settings, log } = options;
  const clock = options.clock ?? realClock;
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
    for (const listener of listeners) listener(event, payload);
  };

  // No real provider can be configured yet, so the terminal runs on the built-in demo provider.
  const demoKey = options.demoApiKey ?? randomBytes(24).toString('base64url');
  log.redact(demoKey);
  const demo = await startDemoSimulator({ apiKey: demoKey, latencyMs: settings.demo.latencyMs });
  const simulators = new Map<MethodId, SimulatedProvider>([['demo', demo]]);
  const providers = new Map<MethodId, PaymentProvider>([
    ['demo', createDemoClient({ baseUrl: demo.baseUrl, apiKey: demoKey, fetch: platformFetch(PROVIDER_TIMEOUT_MS), now: clock.now })],
  ]);

  const info: TerminalInfo = {
    merchantName: settings.merchant.name,
    demo: true,
    locale: settings.locale,
    defaultCurrency: settings.currency,
    methods: [...providers.values()].map((p) => p.method),
  };

  const engine: PaymentEngine = new PaymentEngine({
    providers,
    store: options.store ?? createMemoryStore(),
    clock,
    policy: {
      ...DEFAULT_POLL_POLICY,
      intervalMs: settings.payment.pollIntervalMs,
      expiryGraceMs: settings.payment.expiryGraceSeconds * 1000,
    },
    qrLifetimeMs: settings.payment.qrExpirySeconds * 1000,
    locale: settings.locale,
    merchantName: settings.merchant.name,
    newReference: () => newReference(new Date(clock.now())),
    random: Math.random,
    onChange: (payment) => {
      log.log('info', 'payment', { id: payment.id, status: payment.state.status, providerRef: payment.providerRef });
      if (engine.active()?.id === payment.id) emit('payment', { payment, serverTime: clock.now() });
    },
  });
  engine.resume();

  const toApi = <T>(result: { ok: true; value: T } | { ok: false; error: EngineError }): ApiResult<T> =>
    result.ok ? result : { ok: false, error: engineError(result.error) };

  const dispatch = createDispatcher(
    {
      getSnapshot: () => Promise.resolve({ ok: true, value: { terminal: info, payment: engine.active(), serverTime: clock.now() } }),
      charge: async (args) =>
        toApi(
          await engine.charge({ amount: args.amount, method: args.method, orderRef: args.orderRef || null, payerAlias: args.payerAlias ?? null }),
        ),
      cancel: async (args) => toApi(await engine.cancel(args.paymentId)),
      refund: async (args) => toApi(await engine.refund(args.paymentId, args.amount)),
      dismiss: (args) => {
        const result = engine.dismiss(args.paymentId);
        if (result.ok) emit('payment', { payment: engine.active(), serverTime: clock.now() });
        return Promise.resolve(toApi(result));
      },
      demoSimulate: (args) => {
        const payment = engine.get(args.paymentId);
        if (payment === undefined) {
          return Promise.resolve({ ok: false, error: { code: 'not_found', message: `No payment ${args.paymentId} on this terminal` } });
        }
        const simulator = simulators.get(payment.method);
        if (simulator === undefined || payment.providerRef === null) {
          return Promise.resolve({ ok: false, error: { code: 'invalid_state', message: 'Only a created payment on a simulated provider can be simulated' } });
        }
        // The outcome is set at the simulated provider; the terminal learns it by polling, as with a real one.
        const done = simulator.simulate(payment.providerRef, args.outcome, args.failureCode);
        return Promise.resolve(done.ok ? { ok: true, value: null } : { ok: false, error: { code: 'invalid_args', message: done.error } });
      },
    },
    log,
  );

  return {
    info,
    demo,
    dispatch,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: async () => {
      engine.stop();
      listeners.clear();
      await demo.close();
    },
  };
}
