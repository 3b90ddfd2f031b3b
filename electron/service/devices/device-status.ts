import type { DeviceSummary } from '../../../app/i18n/said/devices';
import type { JournalProblemSaid } from '../../../app/i18n/said/records';
import type { DeviceRefusal, DeviceReport, DeviceStatus, ProviderReport } from '../../../app/ipc/devices';
import type { MethodId } from '../../../app/payment/method';

export interface DeviceStatusBoard {
  current(): DeviceStatus;
  setPrinter(report: DeviceReport): void;
  setPoleDisplay(report: DeviceReport): void;
  setProvider(method: MethodId, report: DeviceReport): void;
  setJournal(report: DeviceReport): void;
  /** A customer screen (Electron window or browser tab) came up; the returned function says it went. */
  attachCustomerDisplay(): () => void;
  readonly customerDisplays: () => number;
  /** What the Electron shell knows of its own customer window, for the chip to say why there is none. */
  noteCustomerWindow(note: CustomerWindowNote): void;
}

/**
 * The Electron shell's word on its customer window, beyond whether one is up: none said (web mode),
 * only one monitor (so no customer window), re-created after its page crashed, or given up on after
 * crashing `crashes` times within `seconds`.
 */
export type CustomerWindowNote =
  | { readonly kind: 'none' }
  | { readonly kind: 'one_monitor' }
  | { readonly kind: 'restarted' }
  | { readonly kind: 'stopped'; readonly crashes: number; readonly seconds: number };

// The English says everything the Said does, so a change of either changes it.
const same = (a: DeviceReport, b: DeviceReport): boolean => a.health === b.health && a.summary === b.summary && a.detail === b.detail;

/** A device's few words on its chip, as what they say. */
export const summarySaid = (said: DeviceSummary) => ({ area: 'devices', kind: 'summary', said }) as const;

const PRINTER_NOT_SET_UP = 'No receipt printer is set up: choose how it is connected in Devices, under Printer settings';
const POLE_NOT_SET_UP = 'No pole display is set up: choose its serial port in Devices, under Pole display settings';

export const NO_PRINTER: DeviceReport = {
  health: 'off',
  summary: 'No printer',
  summarySaid: summarySaid({ summary: 'no_printer' }),
  detail: `${PRINTER_NOT_SET_UP}.`,
  said: { area: 'devices', kind: 'printer_not_set_up', detail: true },
};
export const NO_PRINTER_REFUSAL: DeviceRefusal = { message: PRINTER_NOT_SET_UP, said: { area: 'devices', kind: 'printer_not_set_up', detail: false } };
export const NO_POLE_DISPLAY: DeviceReport = {
  health: 'off',
  summary: 'No pole display',
  summarySaid: summarySaid({ summary: 'no_pole' }),
  detail: `${POLE_NOT_SET_UP}.`,
  said: { area: 'devices', kind: 'pole_not_set_up', detail: true },
};
export const NO_POLE_DISPLAY_REFUSAL: DeviceRefusal = { message: POLE_NOT_SET_UP, said: { area: 'devices', kind: 'pole_not_set_up', detail: false } };

export const NO_JOURNAL: DeviceReport = {
  health: 'off',
  summary: 'No journal',
  summarySaid: summarySaid({ summary: 'no_journal' }),
  detail: 'Sales are kept in memory only, so a restart forgets them: start the terminal with a data folder to keep them.',
  said: { area: 'devices', kind: 'no_journal' },
};
export const JOURNAL_OK: DeviceReport = {
  health: 'ok',
  summary: 'Journal',
  summarySaid: summarySaid({ summary: 'journal' }),
  detail: 'Every sale is saved to the journal before it is shown.',
  said: { area: 'devices', kind: 'journal_ok' },
};

/** The journal as the device bar shows it: saving, or why not (the sentence the charge refusal gives too). */
export function journalReport(problem: { readonly summary: string; readonly message: string; readonly said?: JournalProblemSaid | undefined } | null): DeviceReport {
  if (problem === null) return JOURNAL_OK;
  const report: DeviceReport = { health: 'fault', summary: problem.summary, detail: problem.message };
  const said = problem.said;
  if (said === undefined) return report;
  // The chip's few words follow what the disk said; any other failure is "Journal cannot save".
  return { ...report, said, summarySaid: summarySaid({ summary: 'journal_problem', problem: said.kind === 'journal_cannot_save' ? said.problem : 'write_failed' }) };
}

const CUSTOMER_WINDOW_STOPPED = (crashes: number, seconds: number): DeviceReport => ({
  health: 'fault',
  summary: 'Customer display stopped',
  summarySaid: summarySaid({ summary: 'customer_display_stopped' }),
  detail: `The customer display stopped working ${String(crashes)} times within ${String(seconds)} seconds, so it was not opened again: the customer scans the QR from the QR slip. Restart the terminal to open it again.`,
  said: { area: 'devices', kind: 'customer_display_stopped', crashes, seconds },
});

function customerDisplayReport(count: number, note: CustomerWindowNote): DeviceReport {
  const said = { area: 'devices', kind: 'customer_displays', count } as const;
  if (count === 0 && note.kind === 'one_monitor') {
    return {
      health: 'attention',
      summary: 'No customer display (one monitor)',
      summarySaid: summarySaid({ summary: 'customer_display_one_monitor' }),
      detail:
        'Only one monitor is connected, so there is no customer display: the customer scans the QR from the QR slip (Print QR slip; it prints by itself unless the printer settings say otherwise). Plug in a second monitor and the customer display opens on it.',
      said: { area: 'devices', kind: 'customer_display_one_monitor' },
    };
  }
  if (count === 0 && note.kind === 'stopped') return CUSTOMER_WINDOW_STOPPED(note.crashes, note.seconds);
  if (count === 0) {
    return {
      health: 'attention',
      summary: 'No customer display',
      summarySaid: summarySaid({ summary: 'no_customer_display' }),
      detail: 'No customer screen is connected: the customer cannot see the QR unless it is printed. Open the Display link, or plug in the second monitor.',
      said,
    };
  }
  if (note.kind === 'restarted') {
    return {
      health: 'attention',
      summary: 'Customer display restarted',
      summarySaid: summarySaid({ summary: 'customer_display_restarted' }),
      detail: 'The customer display stopped working and was opened again; it shows the sale as before. If this keeps happening, restart the terminal.',
      said: { area: 'devices', kind: 'customer_display_restarted' },
    };
  }
  return {
    health: 'ok',
    summary: count === 1 ? 'Customer display' : `${count} customer displays`,
    summarySaid: summarySaid({ summary: 'customer_displays', count }),
    detail: count === 1 ? 'The customer screen is connected.' : `${count} customer screens are connected.`,
    said,
  };
}

/**
 * Everything the cashier's device bar shows, in one place. Each change is announced once, and only
 * when something a person would read changed.
 */
export function createDeviceStatusBoard(
  methods: readonly { readonly id: MethodId; readonly provider: string }[],
  onChange: (status: DeviceStatus) => void,
): DeviceStatusBoard {
  let displays = 0;
  let windowNote: CustomerWindowNote = { kind: 'none' };
  let status: DeviceStatus = {
    printer: NO_PRINTER,
    poleDisplay: NO_POLE_DISPLAY,
    customerDisplay: customerDisplayReport(0, windowNote),
    journal: NO_JOURNAL,
    providers: methods.map(
      (m): ProviderReport => ({
        method: m.id,
        health: 'unknown',
        summary: m.provider,
        detail: `Not asked yet: the terminal checks ${m.provider} when it takes a payment.`,
        said: { area: 'devices', kind: 'provider_not_asked', provider: m.provider },
      }),
    ),
  };
  const update = (next: DeviceStatus): void => {
    status = next;
    onChange(next);
  };
  const setCustomerDisplay = (): void => {
    const report = customerDisplayReport(displays, windowNote);
    if (!same(report, status.customerDisplay)) update({ ...status, customerDisplay: report });
  };

  return {
    current: () => status,
    setPrinter: (report) => {
      if (!same(report, status.printer)) update({ ...status, printer: report });
    },
    setPoleDisplay: (report) => {
      if (!same(report, status.poleDisplay)) update({ ...status, poleDisplay: report });
    },
    setJournal: (report) => {
      if (!same(report, status.journal)) update({ ...status, journal: report });
    },
    setProvider: (method, report) => {
      const before = status.providers.find((p) => p.method === method);
      if (before === undefined || same(before, report)) return;
      update({ ...status, providers: status.providers.map((p) => (p.method === method ? { ...report, method } : p)) });
    },
    attachCustomerDisplay: () => {
      displays += 1;
      setCustomerDisplay();
      let attached = true;
      return () => {
        if (!attached) return;
        attached = false;
        displays -= 1;
        setCustomerDisplay();
      };
    },
    customerDisplays: () => displays,
    noteCustomerWindow: (note) => {
      windowNote = note;
      setCustomerDisplay();
    },
  };
}
