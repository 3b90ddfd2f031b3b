import type { DeviceSaid, DeviceSummary, NamedPrinter, PrintedPage, PrinterCondition, PrintProblem, StatusUnknown } from '../../../../app/i18n/said/devices';
import { assertNever } from '../../../../app/util/assert-never';
import type { SaidWordsFor } from '../said';
import { devicePathRefused } from './said-devices-path';

const label = (printed: PrintedPage): string => {
  switch (printed.page) {
    case 'qr_slip':
      return `QR slip ${printed.paymentId}`;
    case 'receipt':
      return `Receipt ${printed.paymentId}`;
    case 'refund_slip':
      return `Refund slip ${printed.paymentId}`;
    case 'test_page':
      return 'Printer test page';
    case 'counter_card':
      return 'Orangepill counter card';
    case 'day_report':
      return `End of day report ${printed.reportNumber}`;
    default:
      return assertNever(printed, 'printed page');
  }
};

const CONDITION: Readonly<Record<PrinterCondition, string>> = {
  out_of_paper: 'Printer is out of paper',
  cover_open: 'Printer cover is open',
  cutter_jammed: 'Printer cutter is jammed',
  fault: 'Printer has a fault: switch it off and on',
  cooling: 'Printer is cooling down (head too hot)',
  error: 'Printer reports an error',
  offline: 'Printer is offline',
  paper_low: 'Printer paper is running low',
};

const on = (link: 'tcp' | 'serial'): string => (link === 'tcp' ? 'at' : 'on');

const problemText = (p: PrintProblem): string => {
  switch (p.problem) {
    case 'unreachable':
      return `Cannot reach the printer at ${p.where}: ${p.reason}`;
    case 'connect_timeout':
      return `Printer at ${p.where} did not accept a connection within ${p.ms} ms`;
    case 'write_timeout':
      return `Printer ${p.link === 'usb-lp' ? '' : `${on(p.link)} `}${p.where} did not take the data within ${p.ms} ms`;
    case 'send_failed':
      return `Sending to the printer ${on(p.link)} ${p.where} failed: ${p.reason}`;
    case 'serial_open_failed':
      return `Cannot open the printer's serial port ${p.path}: ${p.reason}`;
    case 'usb_write_failed':
      return `Cannot write to the printer ${p.path}: ${p.reason}`;
    case 'not_connected':
      return `The ${p.device} ${p.path} is not connected now: nothing is at that path.`;
    case 'no_response':
      return `the printer (${p.where}) did not respond within ${p.ms} ms`;
    case 'shutting_down':
      return 'the terminal was shutting down';
    case 'condition':
      return CONDITION[p.condition];
    case 'not_prepared':
      return p.reason;
    default:
      return assertNever(p, 'print problem');
  }
};

const failed = (printed: PrintedPage, p: PrintProblem): string =>
  p.problem === 'not_prepared' ? `${label(printed)} could not be prepared: ${p.reason}` : `${label(printed)} did not print: ${problemText(p)}`;

const nameOf = (printer: NamedPrinter): string => (printer.kind === 'real' ? `the printer at ${printer.where}` : "the demo's virtual printer");
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const unknownText = (unknown: StatusUnknown): string => {
  switch (unknown.why) {
    case 'not_asked':
      return 'not asked yet';
    case 'write_only':
      return `${unknown.link} printers cannot report status`;
    case 'no_answer':
      return unknown.reason;
    default:
      return assertNever(unknown, 'unknown status');
  }
};

const stateAction = (condition: PrinterCondition, printer: NamedPrinter): string => {
  if (condition === 'out_of_paper') return 'Load a new roll; payments go on meanwhile, and slips can be reprinted.';
  if (condition === 'cover_open') return 'Close the cover, then reprint.';
  if (condition === 'paper_low') return 'Have a new roll ready.';
  return `Check ${nameOf(printer)}.`;
};

const SUMMARY = {
  printer: 'Printer',
  printer_not_printing: 'Printer not printing',
  printer_offline: 'Printer offline',
  printer_path_refused: 'Printer path refused',
  no_printer: 'No printer',
  pole: 'Pole display',
  pole_connecting: 'Pole display: connecting',
  pole_disconnected: 'Pole display disconnected',
  pole_stopped: 'Pole display stopped',
  pole_port_refused: 'Pole display port refused',
  no_pole: 'No pole display',
  journal: 'Journal',
  no_journal: 'No journal',
  no_customer_display: 'No customer display',
  customer_display_one_monitor: 'No customer display (one monitor)',
  customer_display_restarted: 'Customer display restarted',
  customer_display_stopped: 'Customer display stopped',
} as const;

const STATE_SUMMARY = { out_of_paper: 'Printer: out of paper', cover_open: 'Printer: cover open', paper_low: 'Printer: paper low' } as const;

const JOURNAL_SUMMARY = {
  full: 'Journal: disk full',
  io: 'Journal: disk error',
  read_only: 'Journal: read-only',
  denied: 'Journal: no permission',
  busy: 'Journal: locked',
  write_failed: 'Journal cannot save',
} as const;

const summary = (said: DeviceSummary): string => {
  switch (said.summary) {
    case 'printer_state':
      return STATE_SUMMARY[said.condition];
    case 'journal_problem':
      return JOURNAL_SUMMARY[said.problem];
    case 'customer_displays':
      return said.count === 1 ? 'Customer display' : `${said.count} customer displays`;
    default:
      return SUMMARY[said.summary];
  }
};

const POLE_STATE = { connecting: 'connecting', connected: 'connected', disconnected: 'disconnected', stopped: 'stopped' } as const;

export const en: SaidWordsFor<DeviceSaid> = {
  print_job_gone: () => 'That print job is no longer kept; print it again from the payment',
  print_label: ({ printed }) => label(printed),
  print_started: ({ printed }) => `Printing ${label(printed)}…`,
  print_done: ({ warnings }) => (warnings.length === 0 ? 'Printed' : `Printed; ${warnings.join('; ')}`),
  print_failed: ({ printed, problem }) => failed(printed, problem),
  printer_not_set_up: ({ detail }) => `No receipt printer is set up: choose how it is connected in Devices, under Printer settings${detail ? '.' : ''}`,
  printer_ready: ({ printer }) =>
    printer.kind === 'real'
      ? `The printer at ${printer.where} is ready.`
      : 'No receipt printer is set up, so the demo prints to its virtual printer: each slip shows on this screen. Choose a connection in Printer settings to print on paper.',
  printer_no_status: ({ printer, unknown }) => `${capital(nameOf(printer))} does not report its status (${unknownText(unknown)}).`,
  printer_state: ({ printer, condition }) => `${CONDITION[condition]}. ${stateAction(condition, printer)}`,
  printer_job_failed: ({ printer, printed, problem, quiet }) =>
    quiet ? `${failed(printed, problem)}. Check that ${nameOf(printer)} is on and connected, then reprint.` : `${failed(printed, problem)}. Reprint once it is fixed.`,
  pole_not_set_up: ({ detail }) => `No pole display is set up: choose its serial port in Devices, under Pole display settings${detail ? '.' : ''}`,
  pole_line: ({ state, path }) => `Pole display ${POLE_STATE[state]}: ${path}`,
  pole_connecting: ({ path }) => `Pole display connecting: ${path}.`,
  pole_connected: ({ path }) => `The pole display on ${path} is showing the sale.`,
  pole_disconnected: ({ path, reason }) =>
    `Pole display disconnected: ${path} (${reason}). Check its cable and power; the terminal reconnects by itself, and payments go on meanwhile.`,
  pole_stopped: ({ path }) => `Pole display stopped: ${path}.`,
  customer_displays: ({ count }) =>
    count === 0
      ? 'No customer screen is connected: the customer cannot see the QR unless it is printed. Open the Display link, or plug in the second monitor.'
      : count === 1
        ? 'The customer screen is connected.'
        : `${count} customer screens are connected.`,
  customer_display_one_monitor: () =>
    'Only one monitor is connected, so there is no customer display: the customer scans the QR from the QR slip (Print QR slip; it prints by itself unless the printer settings say otherwise). Plug in a second monitor and the customer display opens on it.',
  customer_display_restarted: () =>
    'The customer display stopped working and was opened again; it shows the sale as before. If this keeps happening, restart the terminal.',
  customer_display_stopped: ({ crashes, seconds }) =>
    `The customer display stopped working ${crashes} times within ${seconds} seconds, so it was not opened again: the customer scans the QR from the QR slip. Restart the terminal to open it again.`,
  journal_ok: () => 'Every sale is saved to the journal before it is shown.',
  no_journal: () => 'Sales are kept in memory only, so a restart forgets them: start the terminal with a data folder to keep them.',
  provider_not_asked: ({ provider }) => `Not asked yet: the terminal checks ${provider} when it takes a payment.`,
  summary: ({ said }) => summary(said),
  method_gone: ({ method }) => `Payment method ${method} is no longer set up on this terminal`,
  no_counter_card: () => 'Orangepill is not set up on this terminal, so it has no counter card',
  ports_not_listed: ({ reason, scanned }) => (scanned ? `Could not list serial ports (${reason}), and /dev has no serial devices` : `Could not list serial ports: ${reason}`),
  device_path_refused: devicePathRefused,
  displays_full: ({ max }) => `${max} displays are paired already: unpair one first`,
  pairing_paused: ({ minutes }) => `Too many wrong pairing codes: pairing is paused for ${minutes} minute${minutes === 1 ? '' : 's'}`,
  pairing_code_unknown: ({ code, seconds }) => `No display is showing the code ${code}: check the code on the display (it changes every ${seconds} seconds)`,
  pairing_code_expired: ({ code }) => `The code ${code} has expired: the display shows a new one, type that`,
  pairing_screen_closed: () => 'The display closed its pairing screen before it was paired: open it again and type the new code',
  display_not_paired: () => 'That display is not paired (it may have been unpaired already)',
  pairing_code_shape: ({ digits }) => `must be the ${digits}-digit code shown on the display`,
  display_name_empty: () => 'must not be empty: name the display, e.g. "Counter tablet"',
  display_name_control: () => 'may not hold control or formatting characters',
  display_not_saved: ({ paired, reason }) => `The display was not ${paired ? 'paired' : 'unpaired'}: ${reason}`,
};
