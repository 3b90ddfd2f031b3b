import type { JournalDiskProblem } from './records';

/**
 * What the service says about the printer, the pole display and the customer display (see ../said.ts).
 * Paths, port names, printer addresses and the operating system's own error text stay values, as they came.
 */

/** What a print job was, as the cashier reads it: a payment's slip, or one of the printer's own pages. */
export type PrintedPage =
  | { readonly page: 'qr_slip' | 'receipt' | 'refund_slip'; readonly paymentId: string }
  | { readonly page: 'test_page' }
  | { readonly page: 'counter_card' }
  | { readonly page: 'day_report'; readonly reportNumber: number };

/** What the printer said about itself (its DLE EOT answers), one at a time, most important first. */
export const PRINTER_CONDITIONS = ['out_of_paper', 'cover_open', 'cutter_jammed', 'fault', 'cooling', 'error', 'offline', 'paper_low'] as const;
export type PrinterCondition = (typeof PRINTER_CONDITIONS)[number];

/** How the printer is reached, for the sentences that say "at" an address or "on" a serial line. */
export type PrinterLink = 'tcp' | 'serial' | 'usb-lp';

/** Why a job did not print. `reason` is the operating system's or the encoder's own text. */
export type PrintProblem =
  | { readonly problem: 'unreachable'; readonly where: string; readonly reason: string }
  | { readonly problem: 'connect_timeout'; readonly where: string; readonly ms: number }
  | { readonly problem: 'write_timeout'; readonly link: PrinterLink; readonly where: string; readonly ms: number }
  | { readonly problem: 'send_failed'; readonly link: 'tcp' | 'serial'; readonly where: string; readonly reason: string }
  | { readonly problem: 'serial_open_failed'; readonly path: string; readonly reason: string }
  | { readonly problem: 'usb_write_failed'; readonly path: string; readonly reason: string }
  /** An allowed device path with nothing there now (an unplugged adapter). */
  | { readonly problem: 'not_connected'; readonly device: 'printer path' | 'pole display port'; readonly path: string }
  | { readonly problem: 'no_response'; readonly where: string; readonly ms: number }
  | { readonly problem: 'shutting_down' }
  | { readonly problem: 'condition'; readonly condition: PrinterCondition }
  /** The document could not be turned into printer bytes (`reason` is the encoder's). */
  | { readonly problem: 'not_prepared'; readonly reason: string };

/** Which printer a sentence names: one at an address or path, or the demo's virtual printer. */
export type NamedPrinter = { readonly kind: 'real'; readonly where: string } | { readonly kind: 'virtual' };

/** Why the printer cannot say how it is: not asked yet, a write-only link, or no (good) answer. */
export type StatusUnknown =
  | { readonly why: 'not_asked' }
  | { readonly why: 'write_only'; readonly link: PrinterLink }
  | { readonly why: 'no_answer'; readonly reason: string };

/** A device's few words on its chip ("Printer: out of paper"), by what they say. */
export type DeviceSummary =
  | { readonly summary: 'printer' | 'printer_not_printing' | 'printer_offline' | 'printer_path_refused' | 'no_printer' }
  | { readonly summary: 'printer_state'; readonly condition: 'out_of_paper' | 'cover_open' | 'paper_low' }
  | { readonly summary: 'pole' | 'pole_connecting' | 'pole_disconnected' | 'pole_stopped' | 'pole_port_refused' | 'no_pole' }
  | { readonly summary: 'journal' | 'no_journal' | 'no_customer_display' }
  /** The journal cannot save: what the disk said, or `write_failed` for another reason ("Journal: disk full"). */
  | { readonly summary: 'journal_problem'; readonly problem: JournalDiskProblem | 'write_failed' }
  | { readonly summary: 'customer_displays'; readonly count: number }
  /** The Electron shell's customer window: none with one monitor, re-created after a crash, given up on. */
  | { readonly summary: 'customer_display_one_monitor' | 'customer_display_restarted' | 'customer_display_stopped' };

/** What is wrong with a device path's own spelling (app/settings/device-path.ts DEVICE_PATH_PROBLEMS). */
export type DevicePathSyntax = 'pathEmpty' | 'pathTooLong' | 'pathControl' | 'pathNotAbsolute' | 'pathDots' | 'pathEmptyPart';

/** What a path turned out to be on the filesystem, when it is not a character device. */
export type NotADevice = 'file' | 'folder' | 'fifo' | 'socket' | 'block' | 'other';

/**
 * Why the device path rule refused a printer path or a pole display port. Paths are as a sentence shows
 * them (cut short, control characters escaped); `allowed` is the platform's device names (null: none on
 * this system); `code` the system's error code (ENOTDIR, EACCES…), null when it gave none.
 */
export type DevicePathRefused =
  | { readonly why: 'syntax'; readonly problem: Exclude<DevicePathSyntax, 'pathTooLong'> }
  | { readonly why: 'syntax'; readonly problem: 'pathTooLong'; readonly max: number }
  | { readonly why: 'usb_lp_not_linux' }
  | { readonly why: 'system_unsupported' }
  /** `resolved`: where a link led, when elsewhere; `pts`: it is a pseudo-terminal, allowed only by the settings file's switch. */
  | { readonly why: 'not_allowed'; readonly resolved: string | null; readonly allowed: string | null; readonly pts: boolean }
  | { readonly why: 'unreadable'; readonly code: string | null }
  | { readonly why: 'not_a_device'; readonly resolved: string | null; readonly is: NotADevice }
  /** The device was swapped between the check and the open. */
  | { readonly why: 'changed' };

/** A pole display's state in a line: "Pole display disconnected: /dev/ttyUSB0". */
export type PoleState = 'connecting' | 'connected' | 'disconnected' | 'stopped';

type Devices<K extends string, V = object> = { readonly area: 'devices'; readonly kind: K } & V;

export type DeviceSaid =
  /** Print again was asked for a job the print queue no longer keeps. */
  | Devices<'print_job_gone'>
  /** A print job's name, as its report shows it ("Receipt T20261207-0001"). */
  | Devices<'print_label', { readonly printed: PrintedPage }>
  | Devices<'print_started', { readonly printed: PrintedPage }>
  /** `warnings` are the encoder's own notes, if any. */
  | Devices<'print_done', { readonly warnings: readonly string[] }>
  | Devices<'print_failed', { readonly printed: PrintedPage; readonly problem: PrintProblem }>
  /** The printer's sentence in the device bar, and the refusal, when none is set up (`detail`: the bar's, with a full stop). */
  | Devices<'printer_not_set_up', { readonly detail: boolean }>
  | Devices<'printer_ready', { readonly printer: NamedPrinter }>
  | Devices<'printer_no_status', { readonly printer: NamedPrinter; readonly unknown: StatusUnknown }>
  /** What the printer says about itself, and what to do about it. */
  | Devices<'printer_state', { readonly printer: NamedPrinter; readonly condition: PrinterCondition }>
  /** The last job failed; `quiet`: the printer cannot report its status, so it may be off or unplugged. */
  | Devices<'printer_job_failed', { readonly printer: NamedPrinter; readonly printed: PrintedPage; readonly problem: PrintProblem; readonly quiet: boolean }>
  | Devices<'pole_not_set_up', { readonly detail: boolean }>
  | Devices<'pole_line', { readonly state: PoleState; readonly path: string }>
  | Devices<'pole_connecting', { readonly path: string }>
  | Devices<'pole_connected', { readonly path: string }>
  /** `reason` is what the port said ("No such file or directory"). */
  | Devices<'pole_disconnected', { readonly path: string; readonly reason: string }>
  | Devices<'pole_stopped', { readonly path: string }>
  | Devices<'customer_displays', { readonly count: number }>
  /** Electron with one monitor: no customer window, so the QR is printed. */
  | Devices<'customer_display_one_monitor'>
  /** The customer window's page crashed and the window was opened again. */
  | Devices<'customer_display_restarted'>
  /** The customer window crashed `crashes` times within `seconds` and was left closed. */
  | Devices<'customer_display_stopped', { readonly crashes: number; readonly seconds: number }>
  | Devices<'journal_ok'>
  | Devices<'no_journal'>
  | Devices<'provider_not_asked', { readonly provider: string }>
  | Devices<'summary', { readonly said: DeviceSummary }>
  /** A slip was asked for a payment whose method this terminal no longer has (`method` is its id). */
  | Devices<'method_gone', { readonly method: string }>
  | Devices<'no_counter_card'>
  /** The serial ports could not be listed; `reason` is the system's. */
  | Devices<'ports_not_listed', { readonly reason: string; readonly scanned: boolean }>
  /**
   * The device path rule refused the printer's path or the pole display's port (saving it, or the
   * settings file naming it). `choose`: the device bar's line, which goes on to say where to choose another.
   */
  | Devices<'device_path_refused', { readonly device: 'printer' | 'pole display'; readonly path: string; readonly refused: DevicePathRefused; readonly choose: boolean }>
  /** Pairing a customer display: too many, a wrong or stale code, or the display gave up. */
  | Devices<'displays_full', { readonly max: number }>
  | Devices<'pairing_paused', { readonly minutes: number }>
  | Devices<'pairing_code_unknown', { readonly code: string; readonly seconds: number }>
  | Devices<'pairing_code_expired', { readonly code: string }>
  | Devices<'pairing_screen_closed'>
  | Devices<'display_not_paired'>
  /** The pairing form's fields, as each says its problem: the code is not `digits` digits; the display's name is empty or holds control characters. */
  | Devices<'pairing_code_shape', { readonly digits: number }>
  | Devices<'display_name_empty'>
  | Devices<'display_name_control'>
  /** Pairing or unpairing (`paired` false) was not saved in the data folder; `reason` is the system's, as it came. */
  | Devices<'display_not_saved', { readonly paired: boolean; readonly reason: string }>;
