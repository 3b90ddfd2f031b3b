import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandSchemas } from '../../app/ipc/contract';
import { fieldSaids } from '../../app/settings/field-problem';
import type { Said } from '../../app/i18n/said';
import type { DeviceReport, PrintReport } from '../../app/ipc/devices';
import { testQrPage } from '../../app/receipt/layouts/counter-pages';
import { PAPER } from '../../app/receipt/paper';
import { devicePathPolicy } from '../../electron/devices/device-path';
import { parseStatusReplies, type StatusReplies } from '../../electron/devices/printer/dle-eot';
import { PrintQueue } from '../../electron/devices/printer/print-queue';
import { unknownStatus, type PrinterStatus } from '../../electron/devices/printer/printer-status';
import { createReceiptPrinter, type ReceiptPrinter } from '../../electron/devices/printer/receipt-printer';
import { SerialTransport } from '../../electron/devices/printer/serial-transport';
import { TcpTransport } from '../../electron/devices/printer/tcp-transport';
import type { PrinterTransport } from '../../electron/devices/printer/transport';
import { listPolePorts } from '../../electron/devices/pole-display/port-lister';
import { startPoleDisplay } from '../../electron/devices/pole-display/pole-display-device';
import { createPoleDriver } from '../../app/pole-display/drivers';
import { createDeviceStatusBoard, NO_POLE_DISPLAY_REFUSAL, NO_PRINTER_REFUSAL } from '../../electron/service/devices/device-status';
import { createPrintJobs, pageJob, slipJob } from '../../electron/service/devices/print-jobs';
import { watchPrinterHealth } from '../../electron/service/devices/printer-health';
import { printerReport, type PrinterNamed } from '../../electron/service/devices/printer-report';
import { poleReport } from '../../electron/service/devices/pole-display-service';
import { createLogger } from '../../electron/service/logging/logger';
import { createDisplayPairing } from '../../electron/service/pairing/display-pairing';
import { createPairingRequests, DEFAULT_PAIRING_LIMITS } from '../../electron/service/pairing/pairing-requests';
import type { CommandContext } from '../../electron/service/terminal/terminal-api';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { ManualClock, T0, settle } from '../support/engine-harness';
import { freePort } from '../support/free-port';

/*
 * Each devices sentence the service writes, through the code that writes it, worded back in English
 * by the cashier's catalog: the two must be the same text, so the Malay and Chinese say what the
 * English does, and neither can drift from the other unnoticed.
 */

const english = (said: Said | undefined): string | null => (said === undefined ? null : wordSaid(said, CASHIER_WORDS.en.said, saidFormat(null)));
const told = (t: { readonly message: string; readonly said?: Said | undefined }): void => expect(english(t.said)).toBe(t.message);
const reported = (report: DeviceReport): void => {
  expect(english(report.said)).toBe(report.detail);
  expect(english(report.summarySaid)).toBe(report.summary);
};
const printed = (report: PrintReport): void => {
  expect(english(report.said)).toBe(report.message);
  expect(english(report.labelSaid)).toBe(report.label);
};

const CLEAR: StatusReplies = { printer: 0x12, offline: 0x12, error: 0x12, paper: 0x12 };
const REPLIES: readonly StatusReplies[] = [
  CLEAR,
  { ...CLEAR, offline: 0x12 | 0x20, paper: 0x12 | 0x60 },
  { ...CLEAR, offline: 0x12 | 0x04, printer: 0x12 | 0x08 },
  { ...CLEAR, printer: 0x12 | 0x08 },
  { ...CLEAR, error: 0x12 | 0x08 },
  { ...CLEAR, error: 0x12 | 0x20 },
  { ...CLEAR, error: 0x12 | 0x40 },
  { ...CLEAR, offline: 0x12 | 0x40 },
  { ...CLEAR, paper: 0x12 | 0x0c },
];
const statusOf = (replies: StatusReplies): PrinterStatus => {
  const parsed = parseStatusReplies(replies);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const PRINTERS: readonly PrinterNamed[] = [{ kind: 'real', where: '192.168.1.50:9100' }, { kind: 'virtual' }];
const context: CommandContext = { role: 'cashier', screen: null, operator: null, approvedBy: null };

/** A transport that answers with a fixed status and fails every write with `fail`. */
function failing(status: PrinterStatus | null, fail: Error | null): PrinterTransport {
  return {
    kind: 'tcp',
    description: 'test',
    write: () => (fail === null ? Promise.resolve() : Promise.reject(fail)),
    ...(status === null ? {} : { queryStatus: () => Promise.resolve(status) }),
    close: () => Promise.resolve(),
  };
}

const open: ReceiptPrinter[] = [];
afterEach(async () => {
  for (const printer of open.splice(0)) await printer.close(0);
});

/** Prints one page through the print jobs to `transport`; every report it published, and the printer's bar line after. */
async function printTo(transport: PrinterTransport, payload = 'TEST'): Promise<{ reports: PrintReport[]; bar: DeviceReport[] }> {
  const clock = new ManualClock(T0);
  const printer = createReceiptPrinter({ transport, paper: PAPER['80mm'], qr: 'native', clock, queue: { retries: 0 } });
  open.push(printer);
  const bar: DeviceReport[] = [];
  const health = watchPrinterHealth(printer, { kind: 'real', where: transport.description }, (r) => bar.push(r));
  const reports: PrintReport[] = [];
  const jobs = createPrintJobs({ printer, paper: PAPER['80mm'], clock, log: createLogger(() => undefined), health, virtualPrinter: null, announce: (r) => reports.push(r) });
  const doc = testQrPage({ merchant: { name: 'Kopi Corner', addressLines: [], logoText: null }, payload, setup: '80mm', at: T0, locale: { locale: 'en-SG', timeZone: 'UTC' } });
  await jobs.print(doc, payload === 'TEST' ? slipJob('receipt', 'T20261207-0001', 'Receipt T20261207-0001') : pageJob('Printer test page', { page: 'test_page' }));
  return { reports, bar };
}

describe('the devices sentences, worded in English exactly as the service writes them', () => {
  it("the printer's line in the device bar, for each state it reports and each printer", () => {
    const lastFailure = { message: 'Receipt T1 did not print: Printer is out of paper', said: { printed: { page: 'receipt', paymentId: 'T1' }, problem: { problem: 'condition', condition: 'out_of_paper' } } } as const;
    for (const printer of PRINTERS) {
      for (const replies of REPLIES) for (const failure of [null, lastFailure]) reported(printerReport(statusOf(replies), printer, failure));
      const unknowns = [unknownStatus('not asked yet', { why: 'not_asked' }), unknownStatus('usb-lp printers cannot report status', { why: 'write_only', link: 'usb-lp' }), unknownStatus('printer did not answer (EIO)')];
      for (const status of unknowns) for (const failure of [null, lastFailure]) reported(printerReport(status, printer, failure));
    }
    expect(new PrintQueue({ transport: { ...failing(null, null), kind: 'usb-lp' }, clock: new ManualClock(T0) }).status()).toMatchObject({ unknown: { why: 'write_only' } });
  });

  it('the pole display in each state, and its line when a test cannot be shown', async () => {
    const clock = new ManualClock(T0);
    const statuses: DeviceReport[] = [];
    const device = startPoleDisplay({
      driver: createPoleDriver('epson', { brightness: 4 }),
      port: { path: '/dev/ttyUSB0' },
      clock,
      open: () => Promise.reject(new Error('No such file or directory')),
      onStatus: (status) => statuses.push(poleReport(status)),
    });
    await settle();
    const test = await device.showTest();
    await device.stop();
    expect(statuses.map((s) => s.health)).toEqual(['unknown', 'fault', 'off']);
    for (const status of statuses) reported(status);
    reported(poleReport({ state: 'connected', path: '/dev/ttyUSB0', message: 'Pole display connected: /dev/ttyUSB0' }));
    expect(test).toEqual({ ok: false, error: 'Pole display disconnected: /dev/ttyUSB0' });
    told({ message: 'Pole display disconnected: /dev/ttyUSB0', said: { area: 'devices', kind: 'pole_line', state: 'disconnected', path: '/dev/ttyUSB0' } });
  });

  it('the board: nothing set up, the journal, the provider not asked yet, and customer screens as they come', () => {
    const board = createDeviceStatusBoard([{ id: 'atome', provider: 'Opn Payments' }], () => undefined);
    const start = board.current();
    for (const report of [start.printer, start.poleDisplay, start.customerDisplay, start.journal]) reported(report);
    expect(english(start.providers[0]?.said)).toBe(start.providers[0]?.detail);
    const gone = [board.attachCustomerDisplay()];
    reported(board.current().customerDisplay);
    gone.push(board.attachCustomerDisplay());
    reported(board.current().customerDisplay);
    // The Electron shell's customer window: re-created after a crash; none with one monitor; given up on.
    board.noteCustomerWindow({ kind: 'restarted' });
    reported(board.current().customerDisplay);
    for (const detach of gone) detach();
    board.noteCustomerWindow({ kind: 'one_monitor' });
    reported(board.current().customerDisplay);
    board.noteCustomerWindow({ kind: 'stopped', crashes: 4, seconds: 60 });
    reported(board.current().customerDisplay);
    told(NO_PRINTER_REFUSAL);
    told(NO_POLE_DISPLAY_REFUSAL);
  });

  it('a print that goes through: printing, then printed', async () => {
    const { reports, bar } = await printTo(failing(statusOf(CLEAR), null));
    expect(reports.map((r) => r.outcome)).toEqual(['printing', 'printed']);
    for (const report of reports) printed(report);
    for (const report of bar) reported(report);
  });

  it('a print the printer refuses (out of paper), one that cannot be prepared, and one nobody answers over real TCP', async () => {
    const paperOut = await printTo(failing(statusOf(REPLIES[1] ?? CLEAR), null));
    const tooLong = await printTo(failing(statusOf(CLEAR), null), 'X'.repeat(8000));
    const port = await freePort();
    const nobody = await printTo(new TcpTransport({ host: '127.0.0.1', port }));
    const failed = [paperOut, tooLong, nobody].map(({ reports }) => reports.at(-1));
    expect(failed.map((r) => [r?.outcome, r?.said?.kind])).toEqual([['failed', 'print_failed'], ['failed', 'print_failed'], ['failed', 'print_failed']]);
    expect(failed[2]?.message).toMatch(/^Receipt T20261207-0001 did not print: Cannot reach the printer at 127\.0\.0\.1:\d+: /);
    for (const report of failed) if (report !== undefined) printed(report);
    for (const { bar } of [paperOut, tooLong, nobody]) for (const report of bar) reported(report);
  });

  it('a print to a serial printer that is unplugged', async () => {
    const unplugged = new SerialTransport({ path: '/dev/ttyUSB97', policy: devicePathPolicy(false, 'linux') });
    const { reports } = await printTo(unplugged);
    expect(reports.at(-1)?.message).toBe('Receipt T20261207-0001 did not print: The printer path /dev/ttyUSB97 is not connected now: nothing is at that path.');
    for (const report of reports) printed(report);
  });

  it('refusals: a print job no longer kept, the serial ports, and pairing codes', async () => {
    const queue = new PrintQueue({ transport: failing(null, null), clock: new ManualClock(T0) });
    const gone = await queue.reprint('receipt:T1');
    expect(gone.ok).toBe(false);
    if (!gone.ok) told(gone);
    const noUdev = () => Promise.reject(new Error('spawn udevadm ENOENT'));
    for (const platform of ['linux', 'win32']) {
      const listed = await listPolePorts({ listSystem: noUdev, readDir: () => Promise.resolve([]), platform });
      expect(listed.ok).toBe(false);
      if (!listed.ok) told(listed.error);
    }
    let now = T0;
    const requests = createPairingRequests({ ...DEFAULT_PAIRING_LIMITS, wrongCodes: 2 }, () => now);
    const waiting = requests.open('10.0.0.9', () => true);
    if (!waiting.ok) throw new Error(waiting.error.message);
    now += DEFAULT_PAIRING_LIMITS.codeTtlMs;
    const refusals = [requests.take(waiting.value.code), requests.take('999999'), requests.take('999998'), requests.take('999997')];
    for (const refusal of refusals) if (!refusal.ok) told(refusal.error);
    expect(refusals.map((r) => !r.ok && r.error.said?.kind)).toEqual(['pairing_code_expired', 'pairing_code_unknown', 'pairing_code_unknown', 'pairing_paused']);
    const pairing = createDisplayPairing({ dataDir: null, now: () => now, log: createLogger(() => undefined) });
    const unpaired = await pairing.commands.revokeDisplay({ id: 'nobody' }, context);
    const badCode = await pairing.commands.approveDisplay({ code: '123456', name: 'Tablet' }, context);
    for (const answer of [unpaired, badCode]) if (!answer.ok) told(answer.error);
    expect([unpaired.ok, badCode.ok]).toEqual([false, false]);
  });

  it("the pairing form's field problems, as the schema gives them (a short, long or lettered code; an empty, long or control-character name)", () => {
    const cases = [
      { code: '12345', name: 'Tablet' },
      { code: '1234567', name: 'Tablet' },
      { code: '12a456', name: 'Tablet' },
      { code: '123 456', name: '   ' },
      { code: '123456', name: 'x'.repeat(41) },
      { code: '123456', name: 'Till\u0000\u202e2' },
      { code: '', name: '' },
    ];
    for (const args of cases) {
      const parsed = commandSchemas.approveDisplay.safeParse(args);
      if (parsed.success) throw new Error(`${JSON.stringify(args)} should be refused`);
      const saids = fieldSaids(parsed.error);
      expect(Object.keys(saids).length).toBeGreaterThan(0);
      for (const [field, said] of Object.entries(saids)) {
        const problem = parsed.error.issues.find((issue) => issue.path.join('.') === field)?.message;
        expect(english(said)).toBe(problem);
      }
    }
  });

  it('a pairing the data folder cannot keep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'said-pairing-'));
    try {
      // The data folder is a file: the list of paired displays cannot be written under it.
      const dataDir = join(dir, 'not-a-folder');
      writeFileSync(dataDir, '');
      const pairing = createDisplayPairing({ dataDir, now: () => T0, log: createLogger(() => undefined) });
      const waiting = pairing.request('10.0.0.9', () => true);
      if (!waiting.ok) throw new Error(waiting.error.message);
      const answer = await pairing.commands.approveDisplay({ code: waiting.value.code, name: 'Tablet' }, context);
      if (answer.ok) throw new Error('the pairing should not be kept');
      expect(answer.error.said).toMatchObject({ kind: 'display_not_saved', paired: true });
      told(answer.error);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
