import type { DemoOutcome, MethodId } from '../../app/payment/method';
import type { Result } from '../../app/util/result';
import type { FaultInjector } from './faults';

/**
 * A built-in provider simulator as the terminal service sees it: a real HTTP API on loopback, plus
 * the demo controls that stand in for the customer's wallet. Demo mode and the tests drive them.
 */
export interface SimulatedProvider {
  readonly method: MethodId;
  readonly baseUrl: string;
  /** The key the simulator accepts; it never leaves the host. */
  readonly apiKey: string;
  readonly faults: FaultInjector;
  /**
   * The token its HTTP controls require in the `x-simulator-control` header; null when it was started
   * without one (a test's own simulator). Like the key, it never leaves the host.
   */
  readonly controlToken: string | null;
  /** Does to the payment at the provider what the customer's wallet would. */
  simulate(providerRef: string, outcome: DemoOutcome, failureCode?: string): Result<void, string>;
  close(): Promise<void>;
}
