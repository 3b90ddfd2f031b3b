import type { ApiResult, CommandArgs } from '../../../app/ipc/contract';
import { paymentNotFound } from '../../../app/engine/sale-refusals';
import type { MethodId } from '../../../app/payment/method';
import type { Payment } from '../../../app/payment/payment';
import type { SimulatedProvider } from '../../simulators/simulated-provider';

const NOT_SIMULATED = 'Only a created payment on a simulated provider can be simulated';

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
    if (found === undefined) return Promise.resolve({ ok: false, error: paymentNotFound(args.paymentId) });
    const simulator = simulators.get(found.method);
    if (simulator === undefined || found.providerRef === null) {
      return Promise.resolve({ ok: false, error: { code: 'invalid_state', message: NOT_SIMULATED, said: { area: 'sale', kind: 'not_simulated' } } });
    }
    const done = simulator.simulate(found.providerRef, args.outcome, args.failureCode);
    if (done.ok) return Promise.resolve({ ok: true, value: null });
    // The simulator's own sentence, kept as it came inside the cashier's.
    const said = { area: 'sale', kind: 'simulator_refused', method: found.method, detail: done.error } as const;
    return Promise.resolve({ ok: false, error: { code: 'invalid_args', message: done.error, said } });
  };
}
