import type { DeviceSettingsView, SerialPortChoice } from '../../../app/ipc/contract';
import { POLE_DRIVER_IDS, type PoleDriverId } from '../../../app/pole-display/driver';
import type { DeviceWords } from '../words/devices';
import { useWords } from '../words/use-words';

type Printer = DeviceSettingsView['printer'];
type Pole = DeviceSettingsView['poleDisplay'];
type Connection = NonNullable<Printer['connection']>;

const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

/** Each command set by the displays that speak it; the id stays what the settings file stores. */
const commandSetNames = (w: DeviceWords['poleForm']): Readonly<Record<PoleDriverId, string>> => ({
  epson: w.epson,
  cd5220: 'CD5220',
  'logic-controls': w.logicControls,
  plain: w.plain,
});

function Field({ label, children }: { readonly label: string; readonly children: React.ReactNode }) {
  return (
    <label className="device-form__field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A connection of the chosen kind, keeping what the cashier already typed where it still applies. */
function connectionOf(kind: string, from: Printer['connection']): Printer['connection'] {
  switch (kind) {
    case 'tcp':
      return { kind: 'tcp', host: from?.kind === 'tcp' ? from.host : '', port: from?.kind === 'tcp' ? from.port : 9100 };
    case 'serial':
      return { kind: 'serial', path: from?.kind === 'serial' ? from.path : '', baudRate: from?.kind === 'serial' ? from.baudRate : 9600 };
    case 'usb-lp':
      return { kind: 'usb-lp', path: from?.kind === 'usb-lp' ? from.path : '/dev/usb/lp0' };
    default:
      return null;
  }
}

/** How the receipt printer is reached, its paper and QR mode, and what it prints by itself. */
export function PrinterForm({ value, demo, onChange }: { readonly value: Printer; readonly demo: boolean; readonly onChange: (next: Printer) => void }) {
  const c = value.connection;
  const setConnection = (next: Connection) => onChange({ ...value, connection: next });
  const words = useWords().devices;
  const w = words.printerForm;
  return (
    <fieldset className="device-form" data-testid="printer-form">
      <legend>{w.legend}</legend>
      <Field label={w.connection}>
        <select data-testid="printer-kind" value={c?.kind ?? 'none'} onChange={(e) => onChange({ ...value, connection: connectionOf(e.target.value, c) })}>
          {/* In demo mode "none" means the virtual printer, and the panel's printer line says the same. */}
          <option value="none">{demo ? w.noneDemo : words.absent.printer}</option>
          <option value="tcp">{w.network}</option>
          <option value="serial">{w.serial}</option>
          <option value="usb-lp">{w.usbDevice}</option>
        </select>
      </Field>
      {c?.kind === 'tcp' && (
        <>
          <Field label={w.host}>
            <input data-testid="printer-host" value={c.host} placeholder="192.168.1.50" onChange={(e) => setConnection({ ...c, host: e.target.value })} />
          </Field>
          <Field label={w.port}>
            <input data-testid="printer-port" inputMode="numeric" value={String(c.port)} onChange={(e) => setConnection({ ...c, port: Number(e.target.value) })} />
          </Field>
        </>
      )}
      {(c?.kind === 'serial' || c?.kind === 'usb-lp') && (
        <Field label={w.device}>
          <input data-testid="printer-path" value={c.path} list="serial-port-list" onChange={(e) => setConnection({ ...c, path: e.target.value })} />
        </Field>
      )}
      {c?.kind === 'serial' && (
        <Field label={w.baudRate}>
          <select value={c.baudRate} onChange={(e) => setConnection({ ...c, baudRate: Number(e.target.value) as (typeof BAUD_RATES)[number] })}>
            {BAUD_RATES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={w.paper}>
        <select data-testid="printer-paper" value={value.paper} onChange={(e) => onChange({ ...value, paper: e.target.value === '58mm' ? '58mm' : '80mm' })}>
          <option value="58mm">{w.paper58}</option>
          <option value="80mm">{w.paper80}</option>
        </select>
      </Field>
      <Field label={w.qrCode}>
        <select data-testid="printer-qr" value={value.qr} onChange={(e) => onChange({ ...value, qr: e.target.value === 'raster' ? 'raster' : 'native' })}>
          <option value="native">{w.qrNative}</option>
          <option value="raster">{w.qrRaster}</option>
        </select>
      </Field>
      <Field label={w.autoQrSlip}>
        <select
          value={value.autoPrintQrSlip}
          onChange={(e) => onChange({ ...value, autoPrintQrSlip: e.target.value === 'always' ? 'always' : e.target.value === 'never' ? 'never' : 'without_display' })}
        >
          <option value="without_display">{w.withoutDisplay}</option>
          <option value="always">{w.always}</option>
          <option value="never">{w.never}</option>
        </select>
      </Field>
      <label className="device-form__check">
        <input type="checkbox" checked={value.autoPrintReceipt} onChange={(e) => onChange({ ...value, autoPrintReceipt: e.target.checked })} /> {w.autoReceipt}
      </label>
    </fieldset>
  );
}

/** The pole display's port (picked from the machine's ports or typed), its line settings and command set. */
export function PoleForm({ value, ports, onChange }: { readonly value: Pole; readonly ports: readonly SerialPortChoice[]; readonly onChange: (next: Pole) => void }) {
  const port = value.port;
  const [welcome1 = '', welcome2 = ''] = value.welcome;
  const words = useWords().devices;
  const w = words.poleForm;
  const commandSets = commandSetNames(w);
  return (
    <fieldset className="device-form" data-testid="pole-form">
      <legend>{w.legend}</legend>
      <datalist id="serial-port-list">
        {ports.map((p) => (
          <option key={p.path} value={p.path}>
            {p.manufacturer ?? ''}
          </option>
        ))}
      </datalist>
      <Field label={w.serialPort}>
        <input
          data-testid="pole-port"
          list="serial-port-list"
          value={port?.path ?? ''}
          placeholder={words.absent.poleDisplay}
          onChange={(e) =>
            onChange({
              ...value,
              port: e.target.value === '' ? null : { path: e.target.value, baudRate: port?.baudRate ?? 9600, dataBits: port?.dataBits ?? 8, parity: port?.parity ?? 'none', stopBits: port?.stopBits ?? 1 },
            })
          }
        />
      </Field>
      {port !== null && (
        <Field label={words.printerForm.baudRate}>
          <select data-testid="pole-baud" value={port.baudRate} onChange={(e) => onChange({ ...value, port: { ...port, baudRate: Number(e.target.value) as typeof port.baudRate } })}>
            {[2400, 4800, ...BAUD_RATES].map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={w.commandSet}>
        <select data-testid="pole-command-set" value={value.commandSet} onChange={(e) => onChange({ ...value, commandSet: POLE_DRIVER_IDS.find((id) => id === e.target.value) ?? 'epson' })}>
          {POLE_DRIVER_IDS.map((id) => (
            <option key={id} value={id}>
              {commandSets[id]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={w.welcome1}>
        <input maxLength={20} value={welcome1} onChange={(e) => onChange({ ...value, welcome: [e.target.value, welcome2] })} />
      </Field>
      <Field label={w.welcome2}>
        <input maxLength={20} value={welcome2} onChange={(e) => onChange({ ...value, welcome: [welcome1, e.target.value] })} />
      </Field>
    </fieldset>
  );
}
