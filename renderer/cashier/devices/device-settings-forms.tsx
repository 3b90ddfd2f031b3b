import type { DeviceSettingsView, SerialPortChoice } from '../../../app/ipc/contract';
import { POLE_DRIVER_IDS, type PoleDriverId } from '../../../app/pole-display/driver';

type Printer = DeviceSettingsView['printer'];
type Pole = DeviceSettingsView['poleDisplay'];
type Connection = NonNullable<Printer['connection']>;

const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

/** Each command set by the displays that speak it; the id stays what the settings file stores. */
const COMMAND_SET_NAMES: Readonly<Record<PoleDriverId, string>> = {
  epson: 'Epson (most pole displays)',
  cd5220: 'CD5220',
  'logic-controls': 'Logic Controls (PD3000 family)',
  plain: 'Plain text, one line after another',
};

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
  return (
    <fieldset className="device-form" data-testid="printer-form">
      <legend>Printer settings</legend>
      <Field label="Connection">
        <select data-testid="printer-kind" value={c?.kind ?? 'none'} onChange={(e) => onChange({ ...value, connection: connectionOf(e.target.value, c) })}>
          {/* In demo mode "none" means the virtual printer, and the panel's printer line says the same. */}
          <option value="none">{demo ? 'None (the demo prints on screen)' : 'No printer'}</option>
          <option value="tcp">Network (TCP 9100)</option>
          <option value="serial">Serial or USB-serial</option>
          <option value="usb-lp">USB printer device (Linux)</option>
        </select>
      </Field>
      {c?.kind === 'tcp' && (
        <>
          <Field label="Host">
            <input data-testid="printer-host" value={c.host} placeholder="192.168.1.50" onChange={(e) => setConnection({ ...c, host: e.target.value })} />
          </Field>
          <Field label="Port">
            <input data-testid="printer-port" inputMode="numeric" value={String(c.port)} onChange={(e) => setConnection({ ...c, port: Number(e.target.value) })} />
          </Field>
        </>
      )}
      {(c?.kind === 'serial' || c?.kind === 'usb-lp') && (
        <Field label="Device">
          <input data-testid="printer-path" value={c.path} list="serial-port-list" onChange={(e) => setConnection({ ...c, path: e.target.value })} />
        </Field>
      )}
      {c?.kind === 'serial' && (
        <Field label="Baud rate">
          <select value={c.baudRate} onChange={(e) => setConnection({ ...c, baudRate: Number(e.target.value) as (typeof BAUD_RATES)[number] })}>
            {BAUD_RATES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Paper">
        <select data-testid="printer-paper" value={value.paper} onChange={(e) => onChange({ ...value, paper: e.target.value === '58mm' ? '58mm' : '80mm' })}>
          <option value="58mm">58 mm (32 columns)</option>
          <option value="80mm">80 mm (48 columns)</option>
        </select>
      </Field>
      <Field label="QR code">
        <select data-testid="printer-qr" value={value.qr} onChange={(e) => onChange({ ...value, qr: e.target.value === 'raster' ? 'raster' : 'native' })}>
          <option value="native">Drawn by the printer (most printers)</option>
          <option value="raster">Sent as a picture (for printers without QR)</option>
        </select>
      </Field>
      <Field label="Print the QR slip by itself">
        <select
          value={value.autoPrintQrSlip}
          onChange={(e) => onChange({ ...value, autoPrintQrSlip: e.target.value === 'always' ? 'always' : e.target.value === 'never' ? 'never' : 'without_display' })}
        >
          <option value="without_display">When no customer display is connected</option>
          <option value="always">Always</option>
          <option value="never">Never</option>
        </select>
      </Field>
      <label className="device-form__check">
        <input type="checkbox" checked={value.autoPrintReceipt} onChange={(e) => onChange({ ...value, autoPrintReceipt: e.target.checked })} /> Print the paid receipt by itself
      </label>
    </fieldset>
  );
}

/** The pole display's port (picked from the machine's ports or typed), its line settings and command set. */
export function PoleForm({ value, ports, onChange }: { readonly value: Pole; readonly ports: readonly SerialPortChoice[]; readonly onChange: (next: Pole) => void }) {
  const port = value.port;
  const [welcome1 = '', welcome2 = ''] = value.welcome;
  return (
    <fieldset className="device-form" data-testid="pole-form">
      <legend>Pole display settings</legend>
      <datalist id="serial-port-list">
        {ports.map((p) => (
          <option key={p.path} value={p.path}>
            {p.manufacturer ?? ''}
          </option>
        ))}
      </datalist>
      <Field label="Serial port">
        <input
          data-testid="pole-port"
          list="serial-port-list"
          value={port?.path ?? ''}
          placeholder="No pole display"
          onChange={(e) =>
            onChange({
              ...value,
              port: e.target.value === '' ? null : { path: e.target.value, baudRate: port?.baudRate ?? 9600, dataBits: port?.dataBits ?? 8, parity: port?.parity ?? 'none', stopBits: port?.stopBits ?? 1 },
            })
          }
        />
      </Field>
      {port !== null && (
        <Field label="Baud rate">
          <select data-testid="pole-baud" value={port.baudRate} onChange={(e) => onChange({ ...value, port: { ...port, baudRate: Number(e.target.value) as typeof port.baudRate } })}>
            {[2400, 4800, ...BAUD_RATES].map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Command set">
        <select data-testid="pole-command-set" value={value.commandSet} onChange={(e) => onChange({ ...value, commandSet: POLE_DRIVER_IDS.find((id) => id === e.target.value) ?? 'epson' })}>
          {POLE_DRIVER_IDS.map((id) => (
            <option key={id} value={id}>
              {COMMAND_SET_NAMES[id]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Welcome, line 1">
        <input maxLength={20} value={welcome1} onChange={(e) => onChange({ ...value, welcome: [e.target.value, welcome2] })} />
      </Field>
      <Field label="Welcome, line 2">
        <input maxLength={20} value={welcome2} onChange={(e) => onChange({ ...value, welcome: [welcome1, e.target.value] })} />
      </Field>
    </fieldset>
  );
}
