import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../app/ipc/devices';
import type { ProviderError } from '../../app/providers/provider';
import { createDeviceStatusBoard, JOURNAL_OK, journalReport } from '../../electron/service/devices/device-status';
import { reachabilityReport } from '../../electron/service/providers/provider-reachability';
import { poleReport } from '../../electron/service/devices/pole-display-service';

const AT = Date.UTC(2026, 11, 1, 4, 5, 6);
const error = (kind: ProviderError['kind'], message: string): ProviderError => ({ kind, message, ambiguous: false });

describe('the device status board', () => {
  it('starts with providers not asked yet, no printer, no pole display and no customer display', () => {
    const board = createDeviceStatusBoard([{ id: 'atome', provider: 'Opn' }], () => undefined);
    expect(board.current()).toMatchObject({
      printer: { health: 'off', summary: 'No printer', detail: 'No receipt printer is set up: choose how it is connected in Devices, under Printer settings.' },
      poleDisplay: { health: 'off', summary: 'No pole display', detail: 'No pole display is set up: choose its serial port in Devices, under Pole display settings.' },
      customerDisplay: {
        health: 'attention',
        summary: 'No customer display',
        detail: 'No customer screen is connected: the customer cannot see the QR unless it is printed. Open the Display link, or plug in the second monitor.',
      },
      journal: {
        health: 'off',
        summary: 'No journal',
        detail: 'Sales are kept in memory only, so a restart forgets them: start the terminal with a data folder to keep them.',
      },
      providers: [{ method: 'atome', health: 'unknown', summary: 'Opn', detail: 'Not asked yet: the terminal checks Opn when it takes a payment.' }],
    });
  });

  it('counts customer screens as they come and go, announcing only real changes', () => {
    const seen: DeviceStatus[] = [];
    const board = createDeviceStatusBoard([], (s) => seen.push(s));
    const first = board.attachCustomerDisplay();
    const second = board.attachCustomerDisplay();
    expect(board.current().customerDisplay).toMatchObject({ health: 'ok', summary: '2 customer displays' });
    second();
    second();
    expect(board.customerDisplays()).toBe(1);
    expect(board.current().customerDisplay).toMatchObject({ health: 'ok', summary: 'Customer display' });
    first();
    expect(board.current().customerDisplay.health).toBe('attention');
    expect(seen.map((s) => s.customerDisplay.summary)).toEqual(['Customer display', '2 customer displays', 'Customer display', 'No customer display']);
    board.setPrinter(board.current().printer);
    expect(seen).toHaveLength(4);
  });

  it('says why the Electron shell has no customer window: one monitor, or a window that kept crashing', () => {
    const seen: DeviceStatus[] = [];
    const board = createDeviceStatusBoard([], (s) => seen.push(s));
    board.noteCustomerWindow({ kind: 'one_monitor' });
    expect(board.current().customerDisplay).toMatchObject({
      health: 'attention',
      summary: 'No customer display (one monitor)',
      summarySaid: { area: 'devices', kind: 'summary', said: { summary: 'customer_display_one_monitor' } },
      detail: expect.stringContaining('Only one monitor is connected') as string,
    });
    // A second monitor: the window comes up and counts, and QR slips stop printing by themselves.
    const detach = board.attachCustomerDisplay();
    board.noteCustomerWindow({ kind: 'none' });
    expect(board.customerDisplays()).toBe(1);
    expect(board.current().customerDisplay).toMatchObject({ health: 'ok', summary: 'Customer display' });
    board.noteCustomerWindow({ kind: 'restarted' });
    expect(board.current().customerDisplay).toMatchObject({ health: 'attention', summary: 'Customer display restarted' });
    board.noteCustomerWindow({ kind: 'stopped', crashes: 4, seconds: 60 });
    detach();
    expect(board.customerDisplays()).toBe(0);
    expect(board.current().customerDisplay).toMatchObject({
      health: 'fault',
      summary: 'Customer display stopped',
      detail: expect.stringContaining('4 times within 60 seconds') as string,
    });
    expect(seen.map((s) => s.customerDisplay.summary)).toEqual([
      'No customer display (one monitor)',
      'Customer display',
      'Customer display restarted',
      'Customer display',
      'Customer display stopped',
    ]);
  });

  it('keeps web mode\'s words when the shell says nothing of a window', () => {
    const board = createDeviceStatusBoard([], () => undefined);
    board.noteCustomerWindow({ kind: 'none' });
    expect(board.current().customerDisplay).toMatchObject({ health: 'attention', summary: 'No customer display', detail: expect.stringContaining('Open the Display link') as string });
  });

  it('shows the journal failing in the cashier\'s words, and saving again, announcing each change once', () => {
    const seen: DeviceStatus[] = [];
    const board = createDeviceStatusBoard([], (s) => seen.push(s));
    board.setJournal(JOURNAL_OK);
    const full = { summary: 'Journal: disk full', message: 'Cannot save to the journal: the disk is full. No new sale can start until there is room (free space on the disk that holds /data).' };
    board.setJournal(journalReport(full));
    board.setJournal(journalReport(full));
    expect(board.current().journal).toEqual({ health: 'fault', summary: 'Journal: disk full', detail: full.message });
    board.setJournal(journalReport(null));
    expect(seen.map((s) => s.journal.health)).toEqual(['ok', 'fault', 'ok']);
  });

  it('updates one provider by its method and ignores an unknown one', () => {
    const board = createDeviceStatusBoard([{ id: 'atome', provider: 'Opn' }, { id: 'orangepill', provider: 'Orangepill' }], () => undefined);
    board.setProvider('orangepill', reachabilityReport('Orangepill', error('network', 'No connection to Orangepill — retrying'), AT, 'en-SG'));
    board.setProvider('demo', reachabilityReport('Demo', null, AT, 'en-SG'));
    expect(board.current().providers.map((p) => `${p.method}:${p.health}`)).toEqual(['atome:unknown', 'orangepill:fault']);
  });
});

describe('what a provider answer says about reaching it', () => {
  it('in plain words for each kind of failure; a refusal still counts as reachable', () => {
    expect(reachabilityReport('Opn', error('network', 'No connection to Opn — retrying'), AT, 'en-SG')).toEqual({
      health: 'fault',
      summary: 'No connection to Opn',
      detail: 'No connection to Opn — retrying. Pending payments stay pending until Opn answers.',
    });
    expect(reachabilityReport('Opn', error('rate_limited', 'Opn asked the terminal to slow down — retrying'), AT, 'en-SG').health).toBe('attention');
    expect(reachabilityReport('Opn', error('auth', "Opn refused the terminal's secret key — check it in settings"), AT, 'en-SG').summary).toBe('Opn refused the key');
    expect(reachabilityReport('Opn', error('rejected', 'Opn rejected the request'), AT, 'en-SG').health).toBe('ok');
    expect(reachabilityReport('Opn', null, AT, 'en-SG').detail).toMatch(/^Opn answered at \d\d:\d\d:\d\d( [ap]m)?\.$/);
  });
});

describe('the pole display in the device bar', () => {
  it('says disconnected with the port, the reason and what to do', () => {
    expect(
      poleReport({ state: 'disconnected', path: '/dev/ttyUSB0', message: 'Pole display disconnected: /dev/ttyUSB0', reason: 'No such file or directory', retryInMs: 2000 }),
    ).toMatchObject({
      health: 'fault',
      summary: 'Pole display disconnected',
      detail:
        'Pole display disconnected: /dev/ttyUSB0 (No such file or directory). Check its cable and power; the terminal reconnects by itself, and payments go on meanwhile.',
    });
    expect(poleReport({ state: 'connected', path: '/dev/ttyUSB0', message: 'x' }).health).toBe('ok');
  });
});
