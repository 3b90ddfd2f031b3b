import { randomBytes } from 'node:crypto';
import type { MethodId } from '../../../app/payment/method';
import { offeredCurrencies, shopCurrencies } from '../../../app/payment/offered-currencies';
import type { PaymentProvider } from '../../../app/providers/provider';
import type { Settings } from '../../../app/settings/settings';
import type { SimulatedProvider } from '../../simulators/simulated-provider';
import { SIMULATED } from '../demo/demo-simulators';
import type { Logger } from '../logging/logger';
import { opnClient, orangepillClient } from './provider-clients';

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

  // Each method offers the shop's currencies it accepts, not every currency it could take.
  const shop = shopCurrencies(settings);
  for (const [id, provider] of providers) providers.set(id, { ...provider, method: { ...provider.method, currencies: offeredCurrencies(provider.method.currencies, shop) } });

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
