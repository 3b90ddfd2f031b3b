import { randomBytes } from 'node:crypto';
import type { ProviderReport } from '../../../app/ipc/devices';
import type { MethodId } from '../../../app/payment/method';
import { offeredCurrencies, shopCurrencies } from '../../../app/payment/offered-currencies';
import type { PaymentProvider } from '../../../app/providers/provider';
import type { Settings } from '../../../app/settings/settings';
import type { SimulatedProvider } from '../../simulators/simulated-provider';
import { SIMULATED, type SimulatedMethod } from '../demo/demo-simulators';
import type { Logger } from '../logging/logger';
import { opnStartOffer } from './opn-offer';
import { opnClient, orangepillClient } from './provider-clients';

/** How long the start waits for Opn to say which methods the account has before it uses the kept answer. */
const CAPABILITY_TIMEOUT_MS = 5_000;

export interface ProviderSetup {
  /** True when no real provider is configured and every method runs on a built-in simulator. */
  readonly demo: boolean;
  readonly providers: ReadonlyMap<MethodId, PaymentProvider>;
  /** The simulator behind each simulated method; methods of one provider share one. */
  readonly simulators: ReadonlyMap<MethodId, SimulatedProvider>;
  /**
   * Methods not offered that the cashier is told about, for the device bar: an Opn method gone from the
   * account since the last start, or chosen in settings but not on the account.
   */
  readonly notices: readonly ProviderReport[];
  close(): Promise<void>;
}

export interface ProviderSetupOptions {
  readonly settings: Settings;
  readonly log: Logger;
  readonly now: () => number;
  /** Keys for the simulators; random per launch unless a test needs to look for them. */
  readonly simulatorKey?: (method: MethodId) => string;
  /** Where the last answer about the Opn account's methods is kept; none keeps nothing. */
  readonly dataDir?: string | null;
}

interface Live {
  readonly configured: boolean;
  readonly providers: Map<MethodId, PaymentProvider>;
  readonly notices: readonly ProviderReport[];
}

/**
 * Builds the payment methods this terminal offers. With a provider key configured the terminal is
 * live and offers the real providers only; with none it runs in demo mode, each demo method being the
 * real client against its simulator on loopback, so demo payments take the real code path.
 */
export async function setUpProviders(options: ProviderSetupOptions): Promise<ProviderSetup> {
  const { settings } = options;
  const live = await liveProviders(options);
  const providers = new Map<MethodId, PaymentProvider>(live.providers);
  const simulators = live.configured ? new Map<MethodId, SimulatedProvider>() : await startSimulators(options, providers);

  // Each method offers the shop's currencies it accepts, not every currency it could take.
  const shop = shopCurrencies(settings);
  for (const [id, provider] of providers) providers.set(id, { ...provider, method: { ...provider.method, currencies: offeredCurrencies(provider.method.currencies, shop) } });

  return {
    demo: !live.configured,
    providers,
    simulators,
    notices: live.notices,
    close: async () => {
      await Promise.all([...new Set(simulators.values())].map((s) => s.close()));
    },
  };
}

/** Demo mode: each demo method's simulator (one per provider, shared by its methods) and client. */
async function startSimulators(options: ProviderSetupOptions, providers: Map<MethodId, PaymentProvider>): Promise<Map<MethodId, SimulatedProvider>> {
  const { settings, log } = options;
  const simulators = new Map<MethodId, SimulatedProvider>();
  const started = new Map<SimulatedMethod['group'], SimulatedProvider>();
  for (const method of settings.demo.methods) {
    const simulated = SIMULATED[method];
    if (simulated === undefined) {
      log.log('warn', 'demo method has no simulator yet', { method });
      continue;
    }
    let simulator = started.get(simulated.group);
    if (simulator === undefined) {
      const key = options.simulatorKey?.(method) ?? randomBytes(24).toString('base64url');
      log.redact(key);
      simulator = await simulated.start(key, settings);
      if (simulator.controlToken !== null) log.redact(simulator.controlToken);
      started.set(simulated.group, simulator);
    }
    simulators.set(method, simulator);
    providers.set(method, simulated.client(simulator, options));
  }
  return simulators;
}

/** The real providers whose keys are configured (settings file or environment); Opn's methods as the account has them. */
async function liveProviders(options: ProviderSetupOptions): Promise<Live> {
  const { settings, log, now } = options;
  const live = new Map<MethodId, PaymentProvider>();
  let notices: readonly ProviderReport[] = [];
  const opn = settings.providers.opn;
  if (opn.secretKey !== null) {
    const key = opn.secretKey;
    log.redact(key);
    const asking = opnClient(settings, opn.baseUrl, key, now, false, { timeoutMs: CAPABILITY_TIMEOUT_MS });
    const offer = await opnStartOffer({ settings, client: asking, dataDir: options.dataDir ?? null, now, log });
    for (const m of offer.offered) live.set(m.id, opnClient(settings, opn.baseUrl, key, now, false, { method: m.id, currencies: m.currencies }));
    notices = offer.notices;
  }
  const op = settings.providers.orangepill;
  if (op.apiKey !== null) {
    log.redact(op.apiKey);
    // The settings schema refuses an API key without a merchant alias.
    if (op.merchantAlias !== null) live.set('orangepill', orangepillClient(settings, op.baseUrl, op.apiKey, op.merchantAlias, options.now, false));
  }
  return { configured: opn.secretKey !== null || (op.apiKey !== null && op.merchantAlias !== null), providers: live, notices };
}
