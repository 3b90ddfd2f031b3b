import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../app/ipc/contract';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { demoRecords } from '../support/in-process-terminal';

/**
 * Electron itself is the outside world here (its binary cannot run on these machines), so only
 * `ipcMain` is replaced; the IPC wiring, the sender check and the terminal service behind it are ours.
 */
type Handler = (event: unknown, args: unknown) => Promise<ApiResult<unknown>>;
const handlers = new Map<string, Handler>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  },
}));

const { registerIpc } = await import('../../electron/main/ipc');
const { pageUrl } = await import('../../electron/main/page-url');

// What windows.ts loads: the pages from app://terminal, never from file://.
const CASHIER_URL = pageUrl('cashier');
const DISPLAY_URL = pageUrl('display');

const fakeContents = (id: number, url: string) => ({
  id,
  sent: [] as { channel: string; payload: unknown }[],
  isDestroyed: () => false,
  getURL: () => url,
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  },
});
const cashier = fakeContents(1, CASHIER_URL);
const display = fakeContents(2, DISPLAY_URL);

const eventFrom = (contents: { id: number }, url: string, mainFrame = true) => ({
  sender: contents,
  senderFrame: { url, parent: mainFrame ? null : {} },
});

let service: TerminalService;
let unregister: () => void;

const invoke = (command: string, args: unknown, event = eventFrom(cashier, CASHIER_URL)) => {
  const handler = handlers.get(`pos:command:${command}`);
  if (handler === undefined) throw new Error(`no handler for ${command}`);
  return handler(event, args);
};

const expectNothingChanged = async () => {
  expect(await invoke('getSnapshot', {})).toMatchObject({ ok: true, value: { payment: null } });
  expect(demoRecords(service)).toHaveLength(0);
};

beforeAll(async () => {
  service = await createTerminalService({ settings: settingsSchema.parse({}), log: createLogger(() => undefined) });
  const windows = [
    { role: 'cashier' as const, webContents: cashier, pageUrl: CASHIER_URL },
    { role: 'display' as const, webContents: display, pageUrl: DISPLAY_URL },
  ];
  unregister = registerIpc(service, () => windows as never, createLogger(() => undefined));
});

afterAll(async () => {
  unregister();
  await service.close();
});

describe('Electron IPC into the terminal service', () => {
  it('registers one handler per command and nothing generic', () => {
    expect([...handlers.keys()].sort()).toEqual(
      ['acknowledgeParked', 'approveDisplay', 'cancel', 'charge', 'checkNow', 'closeDay', 'createPosClient', 'declinePosOffer', 'demoSimulate', 'dismiss', 'endOfDay', 'exportDayReportCsv', 'exportPaymentsCsv', 'getDeviceSettings', 'getPosApiStatus', 'getPosOffer', 'getSettings', 'getSnapshot', 'getStaff', 'keepLate', 'listDayReports', 'listDisplays', 'listParked', 'listPayments', 'listPosClients', 'listSerialPorts', 'lookupRequest', 'markReturned', 'newPosCertificate', 'park', 'paymentDetail', 'printSlip', 'printTest', 'refund', 'reprintDayReport', 'resolveParked', 'resumeSession', 'revokeDisplay', 'revokePosClient', 'saveDeviceSettings', 'saveSettings', 'saveStaff', 'signIn', 'signOut', 'takePosOffer', 'testConnection', 'testPoleDisplay'].map((c) => `pos:command:${c}`),
    );
  });

  it('answers an amount sent as a float string with a specific error, changing nothing', async () => {
    expect(await invoke('charge', { amount: { minor: '12.50', currency: 'SGD' }, method: 'demo' })).toEqual({
      ok: false,
      error: {
        code: 'invalid_args',
        message: 'charge: amount.minor must be a whole number of minor units (e.g. 1234 for 12.34), got string "12.50"',
        fields: { 'amount.minor': 'must be a whole number of minor units (e.g. 1234 for 12.34), got string "12.50"' },
      },
    });
    await expectNothingChanged();
  });

  it('answers arguments of the wrong type', async () => {
    const result = await invoke('cancel', { paymentId: 42 });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_args', message: 'cancel: paymentId must be a payment id (a string)', fields: { paymentId: 'must be a payment id (a string)' } } });
    expect(await invoke('charge', 'twelve dollars')).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    await expectNothingChanged();
  });

  it('refuses a sender that is not one of our windows, a subframe, or a foreign page', async () => {
    const stranger = fakeContents(99, CASHIER_URL);
    const args = { amount: { minor: 100, currency: 'SGD' }, method: 'demo' };
    for (const event of [eventFrom(stranger, CASHIER_URL), eventFrom(cashier, CASHIER_URL, false), eventFrom(cashier, 'https://evil.example/')]) {
      expect(await invoke('charge', args, event)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await expectNothingChanged();
  });

  it.each([
    ['a file:// frame showing the built cashier page', 'file:///opt/qr-terminal/dist/renderer/cashier/index.html'],
    ['the display page in the cashier window', 'app://terminal/display/index.html'],
    ['the cashier page on another host', 'app://evil/cashier/index.html'],
    ['an http frame', 'http://127.0.0.1:5170/cashier/'],
    ['an https frame', 'https://evil.example/cashier/index.html'],
  ])('refuses %s in the cashier window', async (_what, url) => {
    const args = { amount: { minor: 100, currency: 'SGD' }, method: 'demo' };
    expect(await invoke('charge', args, eventFrom(cashier, url))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expectNothingChanged();
  });

  it('accepts the cashier page at its folder URL as the cashier', async () => {
    expect(await invoke('getSnapshot', {}, eventFrom(cashier, 'app://terminal/cashier/'))).toMatchObject({ ok: true });
    // The display is refused charge before its arguments are read, so reaching the argument check means cashier.
    const result = await invoke('charge', { amount: { minor: '1', currency: 'SGD' }, method: 'demo' }, eventFrom(cashier, 'app://terminal/cashier/#/history'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    await expectNothingChanged();
  });

  it('lets the display window look but not charge, whatever it sends', async () => {
    const asDisplay = eventFrom(display, DISPLAY_URL);
    // It looks as a customer display does: no device details, no print jobs.
    expect(await invoke('getSnapshot', {}, asDisplay)).toMatchObject({ ok: true, value: { devices: null, lastPrint: null } });
    expect(await invoke('charge', { amount: { minor: 100, currency: 'SGD' }, method: 'demo' }, asDisplay)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'The customer display may not run charge' },
    });
    await expectNothingChanged();
  });

  it('charges for the cashier and pushes the payment to both windows as events', async () => {
    const result = await invoke('charge', { amount: { minor: 1234, currency: 'SGD' }, method: 'demo' });
    expect(result).toMatchObject({ ok: true, value: { amount: { minor: 1234, currency: 'SGD' }, state: { status: 'awaiting' } } });
    for (const contents of [cashier, display]) {
      const statuses = contents.sent
        .filter((m) => m.channel === 'pos:event:payment')
        .map((m) => (m.payload as { payment: { state: { status: string } } }).payment.state.status);
      expect(statuses).toEqual(['creating', 'awaiting']);
    }
  });

  it('tells the display window only what a customer display shows: no order number, no print jobs, no devices', async () => {
    const active = await invoke('getSnapshot', {});
    const current = (active as { value: { payment: { id: string } | null } }).value.payment;
    if (current !== null) {
      await invoke('cancel', { paymentId: current.id });
      await invoke('dismiss', { paymentId: current.id });
    }
    display.sent.length = 0;
    cashier.sent.length = 0;
    expect(await invoke('charge', { amount: { minor: 990, currency: 'SGD' }, method: 'demo', orderRef: 'TABLE-12-SECRET' })).toMatchObject({ ok: true });
    expect(await invoke('printTest', { page: 'test_qr' })).toMatchObject({ ok: true });
    expect(cashier.sent.map((m) => m.channel)).toEqual(expect.arrayContaining(['pos:event:payment', 'pos:event:print']));
    expect(display.sent.map((m) => m.channel)).not.toContain('pos:event:print');
    expect(display.sent.map((m) => m.channel)).not.toContain('pos:event:devices');
    expect(display.sent.map((m) => m.channel)).toContain('pos:event:payment');
    expect(JSON.stringify(display.sent)).not.toContain('TABLE-12-SECRET');
    expect(JSON.stringify(cashier.sent)).toContain('TABLE-12-SECRET');
  });
});
