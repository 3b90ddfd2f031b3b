import type { DeviceReport } from '../../../app/ipc/devices';
import { useState } from 'react';
import { useCashierStore } from '../cashier-store';
import { brandName } from '../shared/sale-choices';
import { chipMark, deviceChip, methodChip, problemsFirst, type ChipWords } from './device-chip';
import { DevicesPanel } from './devices-panel';
import { useWords } from '../words/use-words';
import { useSay } from '../shared/use-say';
import { detailTold } from './device-told';

// Enter on a chip opens the panel; it must not reach the screen's "Enter charges" key.
const keepEnter = (event: React.KeyboardEvent): void => {
  if (event.key === 'Enter') event.stopPropagation();
};

/** One device as a compact chip: its state at a glance; pressing it (by touch too, where a tooltip cannot show) opens the Devices panel. */
function DeviceItem(props: { readonly id: string; readonly report: DeviceReport; readonly words: ChipWords; readonly onOpen: () => void }) {
  const { id, report, words, onOpen } = props;
  const detail = useSay()(detailTold(report));
  return (
    <li>
      <button
        type="button"
        className={`device-bar__item device-bar__item--${report.health}`}
        data-testid={`device-${id}`}
        data-health={report.health}
        title={detail}
        // Starts with the visible words as they read (WCAG 2.5.3), then the sentence that says what to do.
        aria-label={`${words.name}${words.state === null ? '' : ` ${words.state}`}. ${detail}`}
        onClick={onOpen}
        onKeyDown={keepEnter}
      >
        <span className="device-bar__mark" aria-hidden="true">
          {chipMark(report.health)}
        </span>
        <span className="device-bar__words">
          <span className="device-bar__name">{words.name}</span>
          {/* The space keeps name and state two words for assistive tech; the column layout hides it. */}
          {words.state !== null && ' '}
          {words.state !== null && <span className="device-bar__state">{words.state}</span>}
        </span>
      </button>
    </li>
  );
}

interface Chip {
  readonly id: string;
  readonly report: DeviceReport;
  readonly words: ChipWords;
}

/** Journal, payment methods, printer, pole display and customer display in one row; each chip's details are a tap away. */
export function DeviceBar() {
  const devices = useCashierStore((s) => s.devices);
  const [open, setOpen] = useState(false);
  const w = useWords().devices;
  const say = useSay();
  if (devices === null) return null;
  const openPanel = (): void => setOpen(true);
  const chips: Chip[] = [
    // First: while the journal cannot save, no sale can start, so the cashier must see why.
    { id: 'journal', report: devices.journal, words: deviceChip('journal', devices.journal, w, say) },
    ...devices.providers.map((p) => ({ id: `provider-${p.method}`, report: p, words: methodChip(brandName(p.method), p.health, w) })),
    { id: 'printer', report: devices.printer, words: deviceChip('printer', devices.printer, w, say) },
    { id: 'pole-display', report: devices.poleDisplay, words: deviceChip('poleDisplay', devices.poleDisplay, w, say) },
    { id: 'customer-display', report: devices.customerDisplay, words: deviceChip('customerDisplay', devices.customerDisplay, w, say) },
  ];
  return (
    <div className="device-bar__row">
      <ul className="device-bar" aria-label={w.devices} data-testid="device-bar">
        {problemsFirst(chips).map((chip) => (
          <DeviceItem key={chip.id} id={chip.id} report={chip.report} words={chip.words} onOpen={openPanel} />
        ))}
      </ul>
      <button type="button" className="button button--secondary device-bar__open" data-testid="devices-open" onClick={openPanel} onKeyDown={keepEnter}>
        {w.openDevices}
      </button>
      {open && <DevicesPanel onClose={() => setOpen(false)} />}
    </div>
  );
}
