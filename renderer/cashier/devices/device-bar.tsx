import type { DeviceHealth, DeviceReport } from '../../../app/ipc/devices';
import { assertNever } from '../../../app/util/assert-never';
import { useState } from 'react';
import { useCashierStore } from '../cashier-store';
import { DevicesPanel } from './devices-panel';

/** A mark that does not rely on colour alone. */
function mark(health: DeviceHealth): string {
  switch (health) {
    case 'ok':
      return '●';
    case 'attention':
      return '▲';
    case 'fault':
      return '✕';
    case 'off':
      return '○';
    case 'unknown':
      return '…';
    default:
      return assertNever(health, 'device health');
  }
}

/** One device: its state at a glance; pressing it (by touch too, where a tooltip cannot show) opens the Devices panel. */
function DeviceItem({ id, report, onOpen }: { readonly id: string; readonly report: DeviceReport; readonly onOpen: () => void }) {
  return (
    <li>
      <button
        type="button"
        className={`device-bar__item device-bar__item--${report.health}`}
        data-testid={`device-${id}`}
        data-health={report.health}
        title={report.detail}
        aria-label={`${report.summary}. ${report.detail}`}
        onClick={onOpen}
        // Enter here opens the panel; it must not reach the screen's "Enter charges" key.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.stopPropagation();
        }}
      >
        <span className="device-bar__mark" aria-hidden="true">
          {mark(report.health)}
        </span>
        {report.summary}
      </button>
    </li>
  );
}

/** Journal, providers, printer, pole display and customer display at a glance; each item's tooltip says what to do. */
export function DeviceBar() {
  const devices = useCashierStore((s) => s.devices);
  const [open, setOpen] = useState(false);
  if (devices === null) return null;
  return (
    <div className="device-bar__row">
    <ul className="device-bar" aria-label="Devices" data-testid="device-bar">
      {/* First: while the journal cannot save, no sale can start, so the cashier must see why. */}
      <DeviceItem id="journal" report={devices.journal} onOpen={() => setOpen(true)} />
      {devices.providers.map((p) => (
        <DeviceItem key={p.method} id={`provider-${p.method}`} report={p} onOpen={() => setOpen(true)} />
      ))}
      <DeviceItem id="printer" report={devices.printer} onOpen={() => setOpen(true)} />
      <DeviceItem id="pole-display" report={devices.poleDisplay} onOpen={() => setOpen(true)} />
      <DeviceItem id="customer-display" report={devices.customerDisplay} onOpen={() => setOpen(true)} />
    </ul>
      <button
        type="button"
        className="button button--secondary device-bar__open"
        data-testid="devices-open"
        onClick={() => setOpen(true)}
        // Enter here opens the panel; it must not reach the screen's "Enter charges" key.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.stopPropagation();
        }}
      >
        Devices…
      </button>
      {open && <DevicesPanel onClose={() => setOpen(false)} />}
    </div>
  );
}
