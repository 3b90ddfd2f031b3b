import type { Counter, Emit } from '../terminal/counter';
import type { CommandHandlers } from '../terminal/dispatcher';
import { createLookupRequest } from '../providers/lookup-request';
import { saveDeviceSettings } from '../settings/device-settings-file';
import { deviceCommands } from './device-commands';
import { historyCommands } from './history-commands';
import { parkedCommands } from './parked-commands';
import { paymentCommands } from './payment-commands';
import type { SettingsCommand } from './settings-commands';
import type { StaffCommand } from '../staff/staff-commands';
import type { PairingCommand } from '../pairing/display-pairing';
import type { PosKeyCommand } from '../pos-api/pos-key-commands';
import type { PosTlsCommand } from '../pos-api/pos-tls-commands';

export interface CounterCommandDeps {
  readonly emit: Emit;
  /** devices.json, where the Devices panel's choices are kept; null when nothing is kept on disk. */
  readonly devicesFile: string | null;
  readonly now: () => number;
}

/** The commands one counter answers: the sale, parked sales, devices, history. */
export function counterCommands(counter: Counter, deps: CounterCommandDeps): Omit<CommandHandlers, SettingsCommand | StaffCommand | PairingCommand | PosKeyCommand | PosTlsCommand> {
  const { engine, audit, providers, simulators } = counter;
  const { devicesFile } = deps;
  return {
    ...paymentCommands({
      engine,
      audit,
      snapshot: counter.snapshot,
      announce: counter.announce,
      simulators,
      lookupRequest: createLookupRequest({
        provider: providers.get('orangepill'),
        secrets: [counter.settings.providers.orangepill.apiKey ?? '', simulators.get('orangepill')?.apiKey ?? ''],
      }),
    }),
    ...parkedCommands({ engine, announce: counter.announce, audit, tell: (sales) => deps.emit('parked', sales) }),
    ...deviceCommands({
      devices: counter.devices,
      payment: (id) => engine.get(id),
      active: () => engine.active(),
      savedIn: devicesFile,
      persist: (next) => (devicesFile === null ? { ok: true, value: undefined } : saveDeviceSettings(devicesFile, next)),
      audit,
    }),
    ...historyCommands({
      journal: counter.journal,
      printer: () => counter.devices.printer(),
      methodLabel: (id) => providers.get(id)?.method.label ?? id,
      now: deps.now,
    }),
  };
}
