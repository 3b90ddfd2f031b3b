import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';

/**
 * The virtual printer behind a gate on 127.0.0.1: while held, the printer still reads what the
 * terminal sends, but its answers (the DLE EOT status bytes a job waits for before its bytes go out)
 * wait until `release()`. A job started while held stops at its status question, so a test can see
 * what the terminal does with a job in flight, then let it go on and await the printed receipt.
 */
export class HeldPrinter {
  readonly printer: VirtualPrinter;
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<Socket>();
  private readonly waiting: (() => void)[] = [];
  private server: Server | null = null;
  private holding = false;

  constructor(dots = 576) {
    this.printer = new VirtualPrinter({ dots });
  }

  async listen(): Promise<number> {
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the held printer has no TCP port');
    return address.port;
  }

  /** From now on the printer's answers wait for release(). */
  hold(): void {
    this.holding = true;
  }

  /** Resolves when an answer is first kept back (a job, or a status poll, is waiting on the printer). */
  nextHeld(): Promise<void> {
    return new Promise((resolve) => this.events.once('held', resolve));
  }

  /** How many answers are kept back now. */
  heldCount(): number {
    return this.waiting.length;
  }

  /** Sends what was kept back, in order, and answers at once from now on. */
  release(): void {
    this.holding = false;
    for (const send of this.waiting.splice(0)) send();
  }

  async close(): Promise<void> {
    this.waiting.length = 0;
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    const face = new Duplex({
      read: () => undefined,
      write: (chunk: Buffer, _encoding, done) => {
        const send = (): void => void (socket.destroyed || socket.write(chunk));
        if (this.holding) {
          this.waiting.push(send);
          this.events.emit('held');
        } else send();
        done();
      },
    });
    const detach = this.printer.attach(face);
    socket.on('data', (chunk: Buffer) => face.push(chunk));
    socket.on('close', () => {
      this.sockets.delete(socket);
      detach();
      face.destroy();
    });
  }
}
