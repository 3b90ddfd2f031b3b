import type { ApiResult, CommandArgs } from '../../../app/ipc/contract';
import type { MethodId } from '../../../app/payment/method';
import type { Payment } from '../../../app/payment/payment';
import type { SimulatedProvider } from '../../simulators/simulated-provider';

/**
 * The demo controls' command: the outcome is set at the simulated provider, and the terminal learns
 * it by polling, exactly as it would from a real one.
 */
export function demoSimulateCommand(
  payment: (id: string) => Payment | undefined,
  simulators: ReadonlyMap<MethodId, SimulatedProvider>,
): (args: CommandArgs<'demoSimulate'>) => Promise<ApiResult<null>> {
  return (args) => {
    const found = payment(args.paymentId);
    if (found === undefined) {
      return Promise.resolve({ ok: false, error: { code: 'not_found', message: `No payment ${args.paymentId} on this terminal` } });
    }
    const simulator = simulators.get(found.method);
    if (simulator === undefined || found.providerRef === null) {
      return Promise.resolve({ ok: false, error: { code: 'invalid_state', message: 'Only a created payment on a simulated provider can be simulated' } });
    }
    const done = simulator.simulate(found.providerRef, args.outcome, args.failureCode);
    return Promise.resolve(done.ok ? { ok: true, value: null } : { ok: false, error: { code: 'invalid_args', message: done.error } });
  };
}
