import type { MethodId } from '../../../app/payment/method';
import type { PaymentProvider } from '../../../app/providers/provider';
import { createDemoClient } from '../../../app/providers/demo/demo-client';
import type { Settings } from '../../../app/settings/settings';
import { startDemoSimulator } from '../../simulators/demo/demo-simulator';
import type { SimulatedProvider } from '../../simulators/simulated-provider';
import { startOrangepillSimulator } from '../../simulators/orangepill/orangepill-simulator';
import { startOpnSimulator } from '../../simulators/opn/opn-simulator';
import { platformFetch } from '../providers/platform-fetch';
import { opnClient, orangepillClient, PROVIDER_TIMEOUT_MS } from '../providers/provider-clients';

/** A method that can run on a built-in simulator: how to start it and how to build its real client. */
export interface SimulatedMethod {
  start(key: string, settings: Settings): Promise<SimulatedProvider>;
  client(simulator: SimulatedProvider, options: { readonly settings: Settings; readonly now: () => number }): PaymentProvider;
}

/** The demo mode's methods: each is the real client against its simulator on loopback. */
export const SIMULATED: Readonly<Record<MethodId, SimulatedMethod | undefined>> = {
  demo: {
    start: (key, settings) => startDemoSimulator({ apiKey: key, latencyMs: settings.demo.latencyMs }),
    client: (sim, options) =>
      createDemoClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, fetch: platformFetch(PROVIDER_TIMEOUT_MS), now: options.now }),
  },
  atome: {
    start: (key, settings) => startOpnSimulator({ secretKey: key, latencyMs: settings.demo.latencyMs }),
    client: (sim, options) => opnClient(options.settings, sim.baseUrl, sim.apiKey, options.now, true),
  },
  orangepill: {
    start: (key, settings) => startOrangepillSimulator({ apiKey: key, merchantAlias: demoAlias(settings), latencyMs: settings.demo.latencyMs }),
    client: (sim, options) => orangepillClient(options.settings, sim.baseUrl, sim.apiKey, demoAlias(options.settings), options.now, true),
  },
};

/** The simulated Orangepill shop's alias: the configured one if any, so demo slips look like the shop's. */
const demoAlias = (settings: Settings): string => settings.providers.orangepill.merchantAlias ?? '@demo_shop';
