import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../app/ipc/contract';
import type { DeviceStatus, PrintReport } from '../../app/ipc/devices';
import type { ServerMessage } from '../../app/ipc/ws-protocol';
import { POLE_SERIAL, PRINTER_SERIAL, PRINTER_USB_LP } from '../../app/settings/device-path';
import { settingsSchema } from '../../app/settings/settings';
import { checkDevicePath, devicePathPolicy } from '../../electron/devices/device-path';
import { openSerialLink } from '../../electron/devices/pole-display/serial-link';
import { SerialTransport } from '../../electron/devices/printer/serial-transport';
import { UsbLpTransport } from '../../electron/devices/printer/usb-lp-transport';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService } from '../../electron/service/terminal/terminal-service';
import { startInProcessTerminal, TEST_DEMO_KEY, type InProcessTerminal } from '../support/in-process-terminal';
import { ptySink, type PtySink } from '../support/pty-sink';
import { connect, type TestClient } from '../support/ws-client';

/*
 * The device path rule on this Linux machine: what each kind of path resolves to, that opening never
 * creates or appends to a file, and the original attack end to end (a cashier-token holder pointing the
 * USB printer at a shell start-up file, then printing a test page) through the real WebSocket host.
 */
const plain = devicePathPolicy(false, 'linux');
const withPtys = devicePathPolicy(true, 'linux');
const bytes = new TextEncoder().encode('echo owned\n');

let dir = '';
let sink: PtySink;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  if (process.platform !== 'linux') throw new Error('these tests check the Linux filesystem rule; run them on Linux');
  if (spawnSync('socat', ['-V'], { stdio: 'ignore' }).status !== 0) throw new Error('socat is needed for the pseudo-terminal cases (apt-get install socat)');
  dir = mkdtempSync(join(tmpdir(), 'device-paths-'));
  sink = await ptySink();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await sink?.stop();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder per test, so a file that appears can only have come from that test. */
function folder(): string {
  return mkdtempSync(join(dir, 'case-'));
}

const refusalOf = async (path: string, policy = plain, use = PRINTER_USB_LP): Promise<string> => {
  const checked = await checkDevicePath(path, use, policy);
  return checked.ok ? `accepted: ${JSON.stringify(checked.value)}` : checked.error.message;
};

describe('the filesystem rule', () => {
  it('refuses a regular file, a folder, a FIFO and a path through a file', async () => {
    const here = folder();
    const file = join(here, '.bashrc');
    writeFileSync(file, 'export PS1=shop\n');
    const fifo = join(here, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(await refusalOf(file)).toBe(`The printer path ${file} is not a device: it is a regular file.`);
    expect(await refusalOf(here)).toBe(`The printer path ${here} is not a device: it is a folder.`);
    expect(await refusalOf(fifo)).toBe(`The printer path ${fifo} is not a device: it is a named pipe (FIFO).`);
    expect(await refusalOf(join(file, 'lp0'))).toBe(`The printer path ${join(file, 'lp0')} cannot be used: a part of it is not a folder.`);
  });

  it('follows links and judges where they lead: a regular file, /dev/null, a pty', async () => {
    const here = folder();
    const file = join(here, 'target');
    writeFileSync(file, 'x');
    symlinkSync(file, join(here, 'to-file'));
    symlinkSync('/dev/null', join(here, 'to-null'));
    symlinkSync(sink.path, join(here, 'to-pty'));
    expect(await refusalOf(join(here, 'to-file'))).toBe(`The printer path ${join(here, 'to-file')} is not a device (it resolves to ${file}): it is a regular file.`);
    expect(await refusalOf(join(here, 'to-null'))).toBe(`The printer path ${join(here, 'to-null')} is not allowed (it resolves to /dev/null): it must be one of /dev/usb/lp<n>.`);
    expect(await refusalOf(join(here, 'to-pty'))).toMatch(/is not allowed \(it resolves to \/dev\/pts\/\d+\): it must be one of \/dev\/usb\/lp<n>\. A pseudo-terminal/);
    expect(await refusalOf(join(here, 'to-pty'), withPtys)).toMatch(/^accepted: \{"present":true,"resolved":"\/dev\/pts\/\d+","rdev":\d+\}$/);
  });

  it('refuses /dev/null and a pty by their own names; the pty passes only with the switch', async () => {
    expect(await refusalOf('/dev/null', plain, POLE_SERIAL)).toBe(
      'The pole display port /dev/null is not allowed: it must be one of /dev/ttyS<n>, /dev/ttyUSB<n>, /dev/ttyACM<n>, /dev/serial/by-id/….',
    );
    expect(await refusalOf(sink.path, plain, PRINTER_SERIAL)).toContain(`The printer path ${sink.path} is not allowed: it must be one of /dev/ttyS<n>`);
    expect(await refusalOf(sink.path, withPtys, PRINTER_SERIAL)).toMatch(/^accepted: .*"present":true/);
  });

  it('refuses traversal, a NUL and an overlong path before touching the filesystem', async () => {
    expect(await refusalOf('/dev/../etc/passwd')).toBe('The printer path /dev/../etc/passwd is not allowed: it must not contain "." or ".." parts.');
    expect(await refusalOf('/dev/usb/lp0\u0000/../../etc/passwd')).toBe(
      'The printer path "/dev/usb/lp0\\u0000/../../etc/passwd" is not allowed: it must not contain control characters such as NUL.',
    );
    expect(await refusalOf(`/dev/usb/${'l'.repeat(300)}`)).toMatch(/^The printer path \/dev\/usb\/l+… is not allowed: it must be at most 200 characters long\.$/);
  });

  it('lets an allowed name with nothing there pass as not connected, and refuses any other missing path', async () => {
    expect(existsSync('/dev/usb/lp9')).toBe(false);
    expect(await checkDevicePath('/dev/usb/lp9', PRINTER_USB_LP, plain)).toEqual({
      ok: true,
      value: { present: false, message: 'The printer path /dev/usb/lp9 is not connected now: nothing is at that path.' },
    });
    const missing = join(folder(), '.bashrc');
    expect(await refusalOf(missing)).toBe(`The printer path ${missing} is not allowed: it must be one of /dev/usb/lp<n>.`);
    const dangling = join(folder(), 'by-id-link');
    symlinkSync('/dev/ttyUSB97', dangling);
    expect(await refusalOf(dangling, plain, POLE_SERIAL)).toMatch(/^The pole display port .*by-id-link is not allowed: it must be one of/);
  });
});

describe('opening never creates, appends to or follows into a file', () => {
  it('the USB printer transport creates no file where there was none', async () => {
    const target = join(folder(), '.bashrc');
    await expect(new UsbLpTransport({ path: target, policy: withPtys }).write(bytes, 2000)).rejects.toThrow(`The printer path ${target} is not allowed`);
    expect(existsSync(target)).toBe(false);
  });

  it('the USB printer transport leaves an existing file, and a link to it, as they were', async () => {
    const here = folder();
    const target = join(here, '.bashrc');
    writeFileSync(target, 'export PS1=shop\n');
    symlinkSync(target, join(here, 'lp0'));
    for (const path of [target, join(here, 'lp0')]) {
      await expect(new UsbLpTransport({ path, policy: withPtys }).write(bytes, 2000)).rejects.toThrow(/is not a device/);
    }
    expect(readFileSync(target, 'utf8')).toBe('export PS1=shop\n');
  });

  it('the serial printer and the pole display refuse a file and, by default, a pty, before opening', async () => {
    const target = join(folder(), 'tty');
    writeFileSync(target, '');
    const serial = new SerialTransport({ path: target, policy: withPtys });
    cleanups.push(() => serial.close());
    await expect(serial.write(bytes, 2000)).rejects.toThrow(`The printer path ${target} is not a device: it is a regular file.`);
    await expect(new SerialTransport({ path: sink.path }).write(bytes, 2000)).rejects.toThrow(`The printer path ${sink.path} is not allowed`);
    await expect(openSerialLink({ path: '/dev/null' })).rejects.toThrow('The pole display port /dev/null is not allowed');
    expect(readFileSync(target, 'utf8')).toBe('');
    expect(sink.received().length).toBe(0);
  });
});

/** A cashier on the WebSocket API of an in-process headless host. */
async function cashierOf(terminal: InProcessTerminal): Promise<TestClient> {
  const token = new URL(terminal.host.urls.cashier).searchParams.get('token') ?? '';
  const client = await connect(`ws://127.0.0.1:${terminal.host.port}/api?token=${token}`);
  cleanups.push(() => client.close());
  return client;
}

const resultOf = <T>(message: ServerMessage): ApiResult<T> => {
  if (message.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(message)}`);
  return message.result as ApiResult<T>;
};

async function terminalWith(overrides: Record<string, unknown>): Promise<InProcessTerminal> {
  const terminal = await startInProcessTerminal(overrides);
  cleanups.push(() => terminal.close());
  return terminal;
}

describe('the attack end to end, as the cashier over the WebSocket', () => {
  const savedDevices = (terminal: InProcessTerminal): string => {
    const file = join(terminal.dataDir, 'devices.json');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };

  it('refuses /dev/../<dir>/.bashrc, and neither the save nor the test print creates the file', async () => {
    const terminal = await terminalWith({});
    const cashier = await cashierOf(terminal);
    const here = folder();
    const attack = `/dev/..${here}/.bashrc`;
    const saved = resultOf(await cashier.command('saveDeviceSettings', { printer: { connection: { kind: 'usb-lp', path: attack } } }));
    expect(saved).toEqual({
      ok: false,
      error: {
        code: 'invalid_args',
        message: `saveDeviceSettings: printer.connection.path must not contain "." or ".." parts, got ${attack}`,
        fields: { 'printer.connection.path': `must not contain "." or ".." parts, got ${attack}` },
      },
    });
    const printed = resultOf<PrintReport>(await cashier.command('printTest', { page: 'test_qr' }));
    expect(printed.ok && printed.value.message).toBe('Printed');
    expect(existsSync(join(here, '.bashrc'))).toBe(false);
    expect(savedDevices(terminal)).not.toContain('.bashrc');
  });

  it('refuses a plain absolute path to a new or an existing file, naming it at its field, and changes nothing', async () => {
    const terminal = await terminalWith({});
    const cashier = await cashierOf(terminal);
    const here = folder();
    const fresh = join(here, '.bashrc');
    const existing = join(here, '.profile');
    writeFileSync(existing, 'export PS1=shop\n');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ printer: { connection: { kind: 'usb-lp', path: fresh } } }, 'printer.connection.path', `The printer path ${fresh} is not allowed: it must be one of /dev/usb/lp<n>.`],
      [{ printer: { connection: { kind: 'serial', path: existing, baudRate: 9600 } } }, 'printer.connection.path', `The printer path ${existing} is not a device: it is a regular file.`],
      [{ poleDisplay: { port: { path: existing } } }, 'poleDisplay.port.path', `The pole display port ${existing} is not a device: it is a regular file.`],
      [{ poleDisplay: { port: { path: '/dev/null' } } }, 'poleDisplay.port.path', 'The pole display port /dev/null is not allowed: it must be one of /dev/ttyS<n>, /dev/ttyUSB<n>, /dev/ttyACM<n>, /dev/serial/by-id/….'],
    ];
    for (const [args, field, sentence] of cases) {
      const answer = resultOf(await cashier.command('saveDeviceSettings', args));
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_args', message: sentence, fields: { [field]: sentence } } });
      // The same refusal as a Said at its field, for the cashier's language.
      expect(answer.ok ? null : Object.keys(answer.error.fieldsSaid ?? {})).toEqual([field]);
      expect(answer.ok ? null : answer.error.fieldsSaid?.[field]).toMatchObject({ area: 'devices', kind: 'device_path_refused', choose: false });
      const printed = resultOf<PrintReport>(await cashier.command('printTest', { page: 'test_qr' }));
      expect(printed.ok && printed.value.message).toBe('Printed');
    }
    expect(existsSync(fresh)).toBe(false);
    expect(readFileSync(existing, 'utf8')).toBe('export PS1=shop\n');
    expect(savedDevices(terminal)).toBe('');
    const settings = resultOf<{ printer: { connection: unknown }; poleDisplay: { port: unknown } }>(await cashier.command('getDeviceSettings', {}));
    expect(settings.ok && [settings.value.printer.connection, settings.value.poleDisplay.port]).toEqual([null, null]);
  });

  it('refuses a pty without the settings file switch, and prints to it with the switch', async () => {
    const strict = await terminalWith({});
    const refused = resultOf(await (await cashierOf(strict)).command('saveDeviceSettings', { printer: { connection: { kind: 'usb-lp', path: sink.path } } }));
    expect(refused.ok ? '' : refused.error.message).toContain('only when the settings file sets devices.allowPseudoTerminals to true');

    const lenient = await terminalWith({ merchant: { name: 'Kopi Corner' }, devices: { allowPseudoTerminals: true } });
    const cashier = await cashierOf(lenient);
    const saved = resultOf(await cashier.command('saveDeviceSettings', { printer: { connection: { kind: 'usb-lp', path: sink.path }, paper: '58mm' } }));
    expect(saved.ok).toBe(true);
    const printed = resultOf<PrintReport>(await cashier.command('printTest', { page: 'test_qr' }));
    expect(printed.ok && printed.value.message).toBe('Printed');
    const arrived = await sink.untilLength(1);
    expect(arrived.toString('latin1')).toContain('Kopi Corner');
  });

  it('saves an allowed device that is unplugged; the test print then says it is not connected', async () => {
    const terminal = await terminalWith({});
    const cashier = await cashierOf(terminal);
    const saved = resultOf(await cashier.command('saveDeviceSettings', { printer: { connection: { kind: 'usb-lp', path: '/dev/usb/lp9' }, retries: 0 } }));
    expect(saved.ok).toBe(true);
    expect(savedDevices(terminal)).toContain('/dev/usb/lp9');
    const printed = resultOf<PrintReport>(await cashier.command('printTest', { page: 'test_qr' }));
    expect(printed.ok && printed.value.outcome).toBe('failed');
    expect(printed.ok && printed.value.message).toContain('The printer path /dev/usb/lp9 is not connected now: nothing is at that path.');
  });
});

describe('a bad path from the settings file or devices.json', () => {
  const expectRefusedDevices = async (dispatch: (command: string, args: unknown) => Promise<ApiResult<unknown>>, file: string): Promise<void> => {
    const snapshot = (await dispatch('getSnapshot', {})) as ApiResult<{ devices: DeviceStatus }>;
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    const printerSentence = `The printer path ${file} is not allowed: it must be one of /dev/usb/lp<n>.`;
    expect(snapshot.value.devices.printer).toMatchObject({
      health: 'fault',
      summary: 'Printer path refused',
      detail: `${printerSentence} Choose the printer's device in the Devices panel or the settings file.`,
    });
    expect(snapshot.value.devices.poleDisplay).toMatchObject({ health: 'fault', summary: 'Pole display port refused' });
    expect(snapshot.value.devices.printer.said).toMatchObject({ kind: 'device_path_refused', device: 'printer', choose: true });
    expect(await dispatch('printTest', { page: 'test_qr' })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: printerSentence, said: { kind: 'device_path_refused' } } });
    expect(await dispatch('testPoleDisplay', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', message: 'The pole display port /dev/null is not allowed: it must be one of /dev/ttyS<n>, /dev/ttyUSB<n>, /dev/ttyACM<n>, /dev/serial/by-id/….' },
    });
    expect(existsSync(file)).toBe(false);
  };

  it('from the settings file: nothing is opened, and each device shows the sentence', async () => {
    const file = join(folder(), '.bashrc');
    const terminal = await terminalWith({ printer: { connection: { kind: 'usb-lp', path: file } }, poleDisplay: { port: { path: '/dev/null' } } });
    await expectRefusedDevices((command, args) => terminal.service.dispatch(command, args, 'cashier'), file);
    const refusals = terminal.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.message === 'device path refused');
    expect(refusals.map((entry) => [entry.level, entry.field])).toEqual([
      ['warn', 'printer.connection.path'],
      ['warn', 'poleDisplay.port.path'],
    ]);
  });

  it('from devices.json: the same', async () => {
    const file = join(folder(), '.bashrc');
    const dataDir = join(folder(), 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'devices.json'), JSON.stringify({ printer: { connection: { kind: 'usb-lp', path: file } }, poleDisplay: { port: { path: '/dev/null' } } }));
    const service = await createTerminalService({ settings: settingsSchema.parse({}), log: createLogger(() => undefined), demoApiKey: TEST_DEMO_KEY, dataDir });
    cleanups.push(() => service.close());
    await expectRefusedDevices((command, args) => service.dispatch(command, args, 'cashier'), file);
  });
});
