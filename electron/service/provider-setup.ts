import { randomBytes } from 'node:crypto';
import type { MethodId } from '../../app/payment/method';
import type { PaymentProvider } from '../../app/providers/provider';
import { createDemoClient } from '../../app/providers/demo/demo-client';
import type { Settings } from '../../app/settings/settings';
import { startDemoSimulator } from '../simulators/demo/demo-simulator';
import type { SimulatedProvider } from '../simulators/simulated-provider';
import { startOrangepillSimulator } from '../simulators/orangepill/orangepill-simulator';
import { startOpnSimulator } from '../simulators/opn/opn-simulator';
import { createOpnClient } from '../../app/providers/opn/opn-client';
import { decodeQrImage } from './qr-image-decoder';
import { createOrangepillClient } from '../../app/providers/orangepill/orangepill-client';
import type { Logger } from './logger';
import { platformFetch } from './platform-fetch';

/** How long any provider request may take before the terminal gives up on its answer. */
export const PROVIDER_TIMEOUT_MS = 10_000;
/** Sent to providers as the ordering system (Orangepill `data.system`). */
export const PRODUCT_NAME = 'QR Counter Terminal';

export interface ProviderSetup {
  /** True when no real provider is configured and every method runs on a built-in simulator. */
  readonly demo: boolean;
  readonly providers: ReadonlyMap<MethodId, PaymentProvider>;
  readonly simulators: ReadonlyMap<MethodId, SimulatedProvider>;
  close(): Promise<void>;
}

export interface ProviderSetupOptions {
  readonly settings: Settings;
  readonly log: Logger;
  readonly now: () => number;
  /** Keys for the simulators; random per launch unless a test needs to look for them. */
  readonly simulatorKey?: (method: MethodId) => string;
}

/** A method that can run on a built-in simulator: how to start it and how to build its real client. */
interface SimulatedMethod {
  start(key: string, settings: Settings): Promise<SimulatedProvider>;
  client(simulator: SimulatedProvider, options: ProviderSetupOptions): PaymentProvider;
}

const SIMULATED: Readonly<Record<MethodId, SimulatedMethod | undefined>> = {
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

export function opnClient(settings: Settings, baseUrl: string, secretKey: string, now: () => number, simulated: boolean) {
  return createOpnClient({
    baseUrl,
    secretKey,
    omiseVersion: settings.providers.opn.omiseVersion,
    fetch: platformFetch(PROVIDER_TIMEOUT_MS),
    now,
    decodeQrImage,
    simulated,
  });
}

/** The simulated Orangepill shop's alias: the configured one if any, so demo slips look like the shop's. */
const demoAlias = (settings: Settings): string => settings.providers.orangepill.merchantAlias ?? '@demo_shop';

export function orangepillClient(settings: Settings, baseUrl: string, apiKey: string, merchantAlias: string, now: () => number, simulated: boolean) {
  const op = settings.providers.orangepill;
  return createOrangepillClient({
    baseUrl,
    apiKey,
    merchantAlias,
    store: op.store ?? settings.merchant.name,
    merchant: op.merchant,
    callbackUrl: op.callbackUrl,
    tags: op.tags,
    system: PRODUCT_NAME,
    fetch: platformFetch(PROVIDER_TIMEOUT_MS),
    now,
    simulated,
  });
}

/**
 * Builds the payment methods this terminal offers. With a provider key configured the terminal is
 * live and offers the real providers only; with none it runs in demo mode, each demo method being the
 * real client against its simulator on loopback, so demo payments take the real code path.
 */
export async function setUpProviders(options: ProviderSetupOptions): Promise<ProviderSetup> {
  const { settings, log } = options;
  const providers = new Map<MethodId, PaymentProvider>();
  const simulators = new Map<MethodId, SimulatedProvider>();
  const live = liveProviders(options);
  for (const [id, provider] of live) providers.set(id, provider);

  if (live.size === 0) {
    for (const method of settings.demo.methods) {
      const simulated = SIMULATED[method];
      if (simulated === undefined) {
        log.log('warn', 'demo method has no simulator yet', { method });
        continue;
      }
      const key = options.simulatorKey?.(method) ?? randomBytes(24).toString('base64url');
      log.redact(key);
      const simulator = await simulated.start(key, settings);
      simulators.set(method, simulator);
      providers.set(method, simulated.client(simulator, options));
    }
  }

  return {
    demo: live.size === 0,
    providers,
    simulators,
    close: async () => {
      await Promise.all([...simulators.values()].map((s) => s.close()));
    },
  };
}

/** The real providers whose keys are configured (settings file or environment). */
function liveProviders(options: ProviderSetupOptions): Map<MethodId, PaymentProvider> {
  const { settings, log } = options;
  const live = new Map<MethodId, PaymentProvider>();
  const opn = settings.providers.opn;
  if (opn.secretKey !== null) {
    log.redact(opn.secretKey);
    live.set('atome', opnClient(settings, opn.baseUrl, opn.secretKey, options.now, false));
  }
  const op = settings.providers.orangepill;
  if (op.apiKey !== null) {
    log.redact(op.apiKey);
    // The settings schema refuses an API key without a merchant alias.
    if (op.merchantAlias !== null) live.set('orangepill', orangepillClient(settings, op.baseUrl, op.apiKey, op.merchantAlias, options.now, false));
  }
  return live;
}
