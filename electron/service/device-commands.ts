import type { ApiError, ApiResult, CommandArgs, CommandResults } from '../../app/ipc/contract';
import type { Payment } from '../../app/payment/payment';
import type { Result } from '../../app/util/result';
import { listPolePorts } from '../devices/pole-display/port-lister';
import type { CommandHandlers } from './dispatcher';
import type { PoleDisplayService } from './pole-display-service';
import type { PrinterService } from './printer-service';

type DeviceCommand = 'printSlip' | 'printTest' | 'testPoleDisplay' | 'listSerialPorts';

const refused = (message: string): { ok: false; error: ApiError } => ({ ok: false, error: { code: 'invalid_state', message } });
const answer = <T>(result: Result<T, string>): ApiResult<T> => (result.ok ? result : refused(result.error));

/** The commands for the printer and the pole display: each answers with a sentence, and none touches a payment. */
export function deviceCommands(deps: {
  readonly printer: PrinterService;
  readonly pole: PoleDisplayService;
  readonly payment: (id: string) => Payment | undefined;
}): Pick<CommandHandlers, DeviceCommand> {
  return {
    printSlip: async (args: CommandArgs<'printSlip'>): Promise<ApiResult<CommandResults['printSlip']>> => {
      const payment = deps.payment(args.paymentId);
      if (payment === undefined) return { ok: false, error: { code: 'not_found', message: `No payment ${args.paymentId} on this terminal` } };
      return answer(await deps.printer.printSlip(payment, args.slip));
    },
    printTest: async (args) => answer(await deps.printer.printTest(args.page)),
    testPoleDisplay: async () => {
      const shown = await deps.pole.test();
      return shown.ok ? { ok: true, value: null } : refused(shown.error);
    },
    listSerialPorts: async () => {
      const listed = await listPolePorts();
      if (!listed.ok) return { ok: false, error: { code: 'internal', message: listed.error } };
      return { ok: true, value: listed.value.map((port) => ({ path: port.path, manufacturer: port.manufacturer })) };
    },
  };
}
