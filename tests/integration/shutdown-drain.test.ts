import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintReport } from '../../app/ipc/devices';
import type { Payment } from '../../app/payment/payment';
import { settingsSchema } from '../../app/settings/settings';
import type { PoleLink, PoleLinkOpener } from '../../electron/devices/pole-display/serial-link';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import type { DemoSimulator } from '../../electron/simulators/demo/demo-simulator';
import { createPoleEmulator, type PoleEmulator } from '../../electron/simulators/pole-display/pole-emulator';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';

/**
 * A clean shutdown finishes what the devices were doing before the journal closes: the real service
 * on a real journal, a slow printer (the virtual printer behind a TCP hop that holds every chunk, both
 * ways, and passes it on in small pieces) and a slow pole display (each write takes a while to drain).
 * Nothing is awaited after close() resolves: whatever is not there by then was cut off.
 */

const HOLD_MS = 120;
const PIECE = 48;

/** A slow printer: the virtual printer's own parser and renderer, reached through a hop that dawdles. */
async function slowPrinterHop(targetPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const trickle = (from: Socket, to: Socket) => {
    let chain = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      chain = chain.then(async () => {
        await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
        for (let at = 0; at < chunk.length; at += PIECE) {
          if (to.destroyed) return;
          to.write(chunk.subarray(at, at + PIECE));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      });
    });
    from.on('end', () => void chain.then(() => to.end()));
    from.on('error', () => void chain.then(() => to.destroy()));
  };
  // Half-open allowed: like a printer's own TCP stack, the hop answers the terminal's FIN only once
  // the printer behind it has read every byte and closed its side.
  const server: Server = createServer({ allowHalfOpen: true }, (client) => {
    const upstream = new Socket();
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    upstream.connect(targetPort, '127.0.0.1');
    trickle(client, upstream);
    trickle(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A slow pole display: each write drains over WRITE_MS, then reaches the emulator's glass. */
const WRITE_MS = 150;
function slowPole(): { open: PoleLinkOpener; emulator: PoleEmulator; events: string[] } {
  const emulator = createPoleEmulator('epson');
  const events: string[] = [];
  const open: PoleLinkOpener = () => {
    let closed = false;
    const link: PoleLink = {
      write: async (bytes) => {
        if (closed) throw new Error('port closed');
        events.push('write');
        await new Promise((resolve) => setTimeout(resolve, WRITE_MS));
        if (closed) throw new Error('port closed mid-write');
        emulator.feed(bytes);
        events.push('written');
      },
      close: () => {
        closed = true;
        events.push('close');
        return Promise.resolve();
      },
      onLost: () => undefined,
    };
    return Promise.resolve(link);
  };
  return { open, emulator, events };
}

let dir: string;
let printer: VirtualPrinter;
let hop: Awaited<ReturnType<typeof slowPrinterHop>>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shutdown-drain-'));
  printer = new VirtualPrinter({ dots: 384 });
  hop = await slowPrinterHop(await printer.listen());
});
afterEach(async () => {
  await hop.close();
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = (open: PoleLinkOpener): Promise<TerminalService> =>
  createTerminalService({
    settings: settingsSchema.parse({
      demo: { methods: ['demo'] },
      printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: hop.port }, paper: '58mm', autoPrintQrSlip: 'never' },
      // A name the device path rule accepts with nothing there: the slow link below stands in for the display.
      poleDisplay: { port: { path: '/dev/ttyUSB97' }, commandSet: 'epson' },
    }),
    log: createLogger(() => undefined),
    dataDir: dir,
    openSerial: open,
  });

const printState = (id: string): unknown => {
  const db = new Database(join(dir, 'journal-demo.sqlite3'), { readonly: true });
  try {
    return db.prepare("SELECT state FROM prints WHERE payment_id = ? AND kind = 'paid_receipt'").pluck().get(id);
  } finally {
    db.close();
  }
};

describe('a clean shutdown waits for the devices', () => {
  it('closes only once the last receipt has fully reached a slow printer and the pole display shows the result', async () => {
    const pole = slowPole();
    const service = await start(pole.open);
    const printing = new Promise<PrintReport>((resolve) => {
      service.subscribe((event, payload) => {
        if (event === 'print' && (payload as PrintReport).outcome === 'printing' && (payload as PrintReport).slip === 'receipt') resolve(payload as PrintReport);
      });
    });

    const charged = await service.dispatch('charge', { amount: { minor: 1234, currency: 'SGD' }, method: 'demo' }, 'cashier');
    if (!charged.ok) throw new Error(charged.error.message);
    const payment = charged.value as Payment;
    const simulator = service.simulators.get('demo') as DemoSimulator;
    expect(simulator.simulate(payment.providerRef ?? '', 'paid').ok).toBe(true);

    // The receipt has just been handed to the printer, and the pole display is still drawing "paid": quit now.
    await printing;
    expect(printer.receipts()).toHaveLength(0);
    await service.close();

    const receipts = printer.receipts().filter((r) => r.lines.some((l) => l.includes(payment.id)));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.lines.some((l) => l.includes('PAID'))).toBe(true);
    expect(receipts[0]?.cut).toBeDefined();
    // Recorded as printed before the journal closed, so the next start does not print it again.
    expect(printState(payment.id)).toBe('printed');

    expect(pole.emulator.lines()[0].trim()).toBe('Thank you!');
    // Every write finished before the port closed, and none started after.
    expect(pole.events.at(-1)).toBe('close');
    expect(pole.events.filter((e) => e === 'write')).toHaveLength(pole.events.filter((e) => e === 'written').length);
  });
});
