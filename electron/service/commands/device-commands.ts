import type { ApiError, ApiResult, CommandArgs, CommandResults, DeviceSettingsView } from '../../../app/ipc/contract';
import type { DeviceRefusal } from '../../../app/ipc/devices';
import type { Payment } from '../../../app/payment/payment';
import type { Result } from '../../../app/util/result';
import { checkDeviceSettingsPaths } from '../../devices/device-settings-paths';
import { listPolePorts, systemPortLister } from '../../devices/pole-display/port-lister';
import { actorsOf, type AuditWriter } from '../journal/audit-writer';
import type { CounterDevices, DeviceSettings } from '../devices/counter-devices';
import type { CommandHandlers } from '../terminal/dispatcher';

type DeviceCommand = 'printSlip' | 'printTest' | 'testPoleDisplay' | 'listSerialPorts' | 'getDeviceSettings' | 'saveDeviceSettings';

const refused = (refusal: DeviceRefusal): { ok: false; error: ApiError } => ({ ok: false, error: { code: 'invalid_state', ...refusal } });
const answer = <T>(result: Result<T, DeviceRefusal>): ApiResult<T> => (result.ok ? result : refused(result.error));

export interface DeviceCommandDeps {
  readonly devices: CounterDevices;
  readonly payment: (id: string) => Payment | undefined;
  /** The sale on the counter, for the pole display to show again after a restart of the devices. */
  readonly active: () => Payment | null;
  /** Where the screen's device settings are kept; null when they last only for this run. */
  readonly savedIn: string | null;
  readonly persist: (settings: DeviceSettings) => Result<void, string>;
  /** Who changed which device, once it is saved. */
  readonly audit: AuditWriter;
}

/** The commands for the printer and the pole display: each answers with a sentence, and none touches a payment. */
export function deviceCommands(deps: DeviceCommandDeps): Pick<CommandHandlers, DeviceCommand> {
  const { devices } = deps;
  const view = (): DeviceSettingsView => ({ ...devices.settings(), savedIn: deps.savedIn });
  return {
    printSlip: async (args: CommandArgs<'printSlip'>): Promise<ApiResult<CommandResults['printSlip']>> => {
      const payment = deps.payment(args.paymentId);
      if (payment === undefined) {
        return { ok: false, error: { code: 'not_found', message: `No payment ${args.paymentId} on this terminal`, said: { area: 'sale', kind: 'payment_not_found', paymentId: args.paymentId } } };
      }
      return answer(await devices.printer().printSlip(payment, args.slip));
    },
    printTest: async (args) => answer(await devices.printer().printTest(args.page)),
    testPoleDisplay: async () => {
      const shown = await devices.pole().test();
      return shown.ok ? { ok: true, value: null } : refused(shown.error);
    },
    listSerialPorts: async () => {
      const listed = await listPolePorts(systemPortLister(devices.pathPolicy.allowPseudoTerminals));
      if (!listed.ok) return { ok: false, error: { code: 'internal', ...listed.error } };
      return { ok: true, value: listed.value.map((port) => ({ path: port.path, manufacturer: port.manufacturer })) };
    },
    getDeviceSettings: () => Promise.resolve({ ok: true, value: view() }),
    saveDeviceSettings: async (args, context) => {
      const before = devices.settings();
      const next: DeviceSettings = { ...before, ...(args.printer === undefined ? {} : { printer: args.printer }), ...(args.poleDisplay === undefined ? {} : { poleDisplay: args.poleDisplay }) };
      // Only the sections sent are checked, so a refused path already in force does not block fixing the
      // other device. An allowed path with nothing there now (unplugged) is saved: opening never creates a
      // file, and the device bar or the first print says it is not connected.
      const paths = await checkDeviceSettingsPaths(args, devices.pathPolicy);
      const refusals = Object.entries(paths.refused);
      if (refusals.length > 0) {
        const fields = Object.fromEntries(refusals.map(([field, refusal]) => [field, refusal.message]));
        const fieldsSaid = Object.fromEntries(refusals.map(([field, refusal]) => [field, refusal.said]));
        return { ok: false, error: { code: 'invalid_args', message: refusals.map(([, refusal]) => refusal.message).join(' '), fields, fieldsSaid } };
      }
      // Saved first: a setting the screen reports as in force is one the next start also uses.
      const saved = deps.persist(next);
      if (!saved.ok) return refused({ message: saved.error });
      // Which devices' settings changed (not to what: the settings say that).
      const changed = (['printer', 'poleDisplay'] as const).filter((device) => JSON.stringify(before[device]) !== JSON.stringify(next[device]));
      deps.audit({ action: 'devices', ...actorsOf(context), detail: { devices: changed } });
      await devices.reconfigure(next, deps.active());
      return { ok: true, value: view() };
    },
  };
}
