import type { MethodId } from '../../../app/payment/method';
import type { PaymentProvider } from '../../../app/providers/provider';
import { createDemoClient } from '../../../app/providers/demo/demo-client';
import type { OpnMethodId } from '../../../app/providers/opn/opn-methods';
import type { Settings } from '../../../app/settings/settings';
import { newControlToken } from '../../simulators/control-gate';
import { startDemoSimulator } from '../../simulators/demo/demo-simulator';
import type { SimulatedProvider } from '../../simulators/simulated-provider';
import { startOrangepillSimulator } from '../../simulators/orangepill/orangepill-simulator';
import { startOpnSimulator } from '../../simulators/opn/opn-simulator';
import { platformFetch } from '../providers/platform-fetch';
import { opnClient, orangepillClient, PROVIDER_TIMEOUT_MS } from '../providers/provider-clients';

/** A method that can run on a built-in simulator: how to start it and how to build its real client. */
export interface SimulatedMethod {
  /**
   * Methods of one group share one simulator, as one provider account serves them: every Opn QR
   * method is charged at the same simulated Opn with the same key, as it is with a real one.
   */
  readonly group: 'demo' | 'opn' | 'orangepill';
  start(key: string, settings: Settings): Promise<SimulatedProvider>;
  client(simulator: SimulatedProvider, options: { readonly settings: Settings; readonly now: () => number }): PaymentProvider;
}

/**
 * Where a demo simulator may POST its webhooks and callbacks: this machine only, whatever a default
 * becomes. Each demo simulator also gets a control token of its own per run (control-gate.ts): the
 * cashier's demo buttons call the simulator in process, so nothing outside it ever needs the token.
 */
const LOOPBACK: readonly string[] = ['127.0.0.1', 'localhost'];

/**
 * An Opn QR method on the Opn simulator. The simulator is started as Opn's own default: every
 * method it knows is enabled on the account, each with its own currency and QR image.
 */
const opnSimulated = (method: OpnMethodId): SimulatedMethod => ({
  group: 'opn',
  start: (key, settings) =>
    startOpnSimulator({ secretKey: key, latencyMs: settings.demo.latencyMs, controlToken: newControlToken(), allowedWebhookHosts: LOOPBACK }),
  client: (sim, options) => opnClient(options.settings, sim.baseUrl, sim.apiKey, options.now, true, { method }),
});

/** The demo mode's methods: each is the real client against its simulator on loopback. */
export const SIMULATED: Readonly<Record<MethodId, SimulatedMethod | undefined>> = {
  demo: {
    group: 'demo',
    start: (key, settings) => startDemoSimulator({ apiKey: key, latencyMs: settings.demo.latencyMs, controlToken: newControlToken() }),
    client: (sim, options) =>
      createDemoClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, fetch: platformFetch(PROVIDER_TIMEOUT_MS), now: options.now }),
  },
  atome: opnSimulated('atome'),
  paynow: opnSimulated('paynow'),
  promptpay: opnSimulated('promptpay'),
  truemoney: opnSimulated('truemoney'),
  wechatpay: opnSimulated('wechatpay'),
  alipayplus: opnSimulated('alipayplus'),
  orangepill: {
    group: 'orangepill',
    start: (key, settings) =>
      startOrangepillSimulator({
        apiKey: key,
        merchantAlias: demoAlias(settings),
        latencyMs: settings.demo.latencyMs,
        controlToken: newControlToken(),
        allowedCallbackHosts: LOOPBACK,
      }),
    client: (sim, options) => orangepillClient(options.settings, sim.baseUrl, sim.apiKey, demoAlias(options.settings), options.now, true),
  },
};

/** The simulated Orangepill shop's alias: the configured one if any, so demo slips look like the shop's. */
const demoAlias = (settings: Settings): string => settings.providers.orangepill.merchantAlias ?? '@demo_shop';
