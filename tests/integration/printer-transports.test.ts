import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { cut, receiptDocument, text } from '../../app/receipt/document';
import { encodeReceipt } from '../../app/receipt/escpos/encoder';
import { PAPER } from '../../app/receipt/paper';
import { devicePathPolicy } from '../../electron/devices/device-path';
import { createTransport, parsePrinterConnection } from '../../electron/devices/printer/create-transport';
import { qrcodeMatrix } from '../../electron/devices/printer/qr-matrix';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { ptySink } from '../support/pty-sink';

const hello = encodeReceipt(receiptDocument([text('hello printer'), cut()]), { paper: PAPER['58mm'], qr: 'native', qrMatrix: qrcodeMatrix }).bytes;
/** socat's ptys stand in for the devices: accepted only with the settings file's devices.allowPseudoTerminals. */
const withPtys = devicePathPolicy(true);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Two linked pseudo-terminals from socat: the printer's serial cable, in software. */
function ptyPair(): Promise<{ a: string; b: string; proc: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const proc = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const paths: string[] = [];
    proc.stderr?.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString().matchAll(/PTY is (\S+)/g)) paths.push(m[1]!);
      if (paths.length === 2) resolve({ a: paths[0]!, b: paths[1]!, proc });
    });
    proc.once('error', reject);
  });
}

describe('settings → transport', () => {
  it('parses each connection kind with its defaults', () => {
    expect(parsePrinterConnection({ kind: 'tcp', host: '192.168.1.50' })).toEqual({ ok: true, value: { kind: 'tcp', host: '192.168.1.50', port: 9100 } });
    expect(parsePrinterConnection({ kind: 'serial', path: '/dev/ttyUSB0' })).toEqual({ ok: true, value: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 } });
    expect(parsePrinterConnection({ kind: 'usb-lp' })).toEqual({ ok: true, value: { kind: 'usb-lp', path: '/dev/usb/lp0' } });
  });

  it('names what is wrong', () => {
    expect(parsePrinterConnection({ kind: 'tcp', host: ' ' })).toEqual({ ok: false, error: "printer connection: host: must be the printer's IP address or host name" });
    expect(parsePrinterConnection({ kind: 'serial', path: '/dev/ttyS0', baudRate: 1234 }).ok).toBe(false);
    expect(parsePrinterConnection({ kind: 'usb-lp', path: 'lp0' })).toEqual({
      ok: false,
      error: 'printer connection: path: must be an absolute device path such as /dev/ttyUSB0, or a COM port such as COM3, got lp0',
    });
    expect(parsePrinterConnection({ kind: 'usb-lp', path: '/dev/../home/shop/.bashrc' })).toEqual({
      ok: false,
      error: 'printer connection: path: must not contain "." or ".." parts, got /dev/../home/shop/.bashrc',
    });
  });

  it('a TCP printer that is not there fails with a plain message', async () => {
    const transport = createTransport({ kind: 'tcp', host: '127.0.0.1', port: 9 });
    await expect(transport.write(hello, 2000)).rejects.toThrow(/Cannot reach the printer at 127\.0\.0\.1:9/);
  });
});

describe('USB printer device file', () => {
  it('writes each job to the device, opening it anew each time, and cannot report status', async () => {
    const device = await ptySink();
    cleanups.push(() => device.stop());
    const transport = createTransport({ kind: 'usb-lp', path: device.path }, withPtys);
    await transport.write(hello, 2000);
    await transport.write(hello, 2000);
    expect(Array.from(await device.untilLength(2 * hello.length))).toEqual([...hello, ...hello]);
    expect('queryStatus' in transport).toBe(false);
  });

  it('refuses the same pty without the settings file switch, sending it nothing', async () => {
    const device = await ptySink();
    cleanups.push(() => device.stop());
    const transport = createTransport({ kind: 'usb-lp', path: device.path });
    await expect(transport.write(hello, 2000)).rejects.toThrow(`The printer path ${device.path} is not allowed: it must be one of /dev/usb/lp<n>.`);
    // The sink is still up and still empty: the refusal came before any open.
    expect(device.received().length).toBe(0);
  });

  it('a missing device fails with a plain message', async () => {
    expect(existsSync('/dev/usb/lp9')).toBe(false);
    await expect(createTransport({ kind: 'usb-lp', path: '/dev/usb/lp9' }).write(hello, 2000)).rejects.toThrow(
      'The printer path /dev/usb/lp9 is not connected now: nothing is at that path.',
    );
    await expect(createTransport({ kind: 'usb-lp', path: '/nonexistent/usb/lp9' }).write(hello, 2000)).rejects.toThrow(
      'The printer path /nonexistent/usb/lp9 is not allowed: it must be one of /dev/usb/lp<n>.',
    );
  });
});

describe('serial printer over a pty', () => {
  it('prints and answers status through the virtual printer on the other end', async () => {
    const { a, b, proc } = await ptyPair();
    cleanups.push(() => {
      proc.kill();
    });
    const printer = new VirtualPrinter({ dots: 384 });
    const far = new SerialPort({ path: b, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => far.open((e) => (e ? reject(e) : resolve())));
    const detach = printer.attach(far);
    cleanups.push(() => new Promise<void>((resolve) => far.close(() => resolve())), detach);

    const transport = createTransport({ kind: 'serial', path: a, baudRate: 9600 }, withPtys);
    cleanups.push(() => transport.close());
    printer.setState({ paperNearEnd: true });
    expect(await transport.queryStatus?.(2000)).toMatchObject({ known: true, ready: true, paperNearEnd: true, messages: ['Printer paper is running low'] });
    const printed = printer.nextReceipt();
    await transport.write(hello, 5000);
    expect((await printed).lines).toEqual(['hello printer']);
  });
});
