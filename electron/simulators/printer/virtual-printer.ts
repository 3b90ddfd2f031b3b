import { createServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { assertNever } from '../../../app/util/assert-never';
import { codeTable, type CodeTable } from './code-tables';
import { EscPosParser, type EscPosCommand } from './escpos-parser';
import { bitmapToPng } from './png';
import { ReceiptCanvas } from './receipt-canvas';

export interface VirtualPrinterState {
  readonly paperOut: boolean;
  readonly paperNearEnd: boolean;
  readonly coverOpen: boolean;
  readonly offline: boolean;
  /** False: ignore DLE EOT, like a printer that never answers status. */
  readonly answersStatus: boolean;
}

export interface PrintedReceipt {
  readonly index: number;
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** The text lines as sent, decoded from the selected code table. */
  readonly lines: readonly string[];
  /** What each GS ( k print drew, decoded from the stored data. */
  readonly qrPayloads: readonly string[];
  readonly cut: 'partial' | 'full';
}

export interface VirtualPrinterOptions {
  /** 384 (58 mm) or 576 (80 mm). */
  readonly dots?: number;
  /** Receipts kept. */
  readonly keep?: number;
}

const DEFAULT_STATE: VirtualPrinterState = { paperOut: false, paperNearEnd: false, coverOpen: false, offline: false, answersStatus: true };

interface Session {
  decode: CodeTable;
}

type ReceiptListener = (receipt: PrintedReceipt) => void;

/** An ESC/POS printer in software: TCP on 127.0.0.1 or any duplex stream (a pty), rendering PNGs. */
export class VirtualPrinter {
  private readonly receiptList: PrintedReceipt[] = [];
  private readonly listeners = new Set<ReceiptListener>();
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private printed = 0;
  private stateNow: VirtualPrinterState = DEFAULT_STATE;
  /** Bytes it did not understand, and bytes dropped while it could not print. */
  unknownBytes = 0;
  droppedCommands = 0;
  readonly dots: number;
  private readonly keep: number;

  constructor(options: VirtualPrinterOptions = {}) {
    this.dots = options.dots ?? 576;
    this.keep = options.keep ?? 20;
  }

  get state(): VirtualPrinterState {
    return this.stateNow;
  }

  setState(change: Partial<VirtualPrinterState>): void {
    this.stateNow = { ...this.stateNow, ...change };
  }

  receipts(): readonly PrintedReceipt[] {
    return this.receiptList;
  }

  lastReceipt(): PrintedReceipt | null {
    return this.receiptList.at(-1) ?? null;
  }

  onReceipt(listener: ReceiptListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next receipt to come out, for tests that wait on the printer rather than on time. */
  nextReceipt(): Promise<PrintedReceipt> {
    return new Promise((resolve) => {
      const off = this.onReceipt((r) => {
        off();
        resolve(r);
      });
    });
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<number> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      this.attach(socket);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Serves one connection or pty: its own parser and modes, the shared paper and state. Returns detach. */
  attach(stream: Duplex): () => void {
    const parser = new EscPosParser();
    const canvas = new ReceiptCanvas(this.dots);
    const session: Session = { decode: codeTable(0) };
    const onData = (chunk: Buffer) => {
      for (const command of parser.feed(chunk)) {
        try {
          this.apply(command, canvas, session, stream);
        } catch {
          // e.g. a QR print with no or oversized stored data: counted, never fatal.
          this.unknownBytes += 1;
        }
      }
    };
    const onError = () => undefined;
    stream.on('data', onData);
    stream.on('error', onError);
    return () => {
      stream.off('data', onData);
      stream.off('error', onError);
    };
  }

  private statusByte(n: number): number {
    const s = this.stateNow;
    const stopped = s.offline || s.coverOpen || s.paperOut;
    switch (n) {
      case 1:
        return 0x12 | (stopped ? 0x08 : 0);
      case 2:
        return 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0);
      case 3:
        return 0x12;
      default:
        return 0x12 | (s.paperNearEnd || s.paperOut ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
    }
  }

  private apply(command: EscPosCommand, canvas: ReceiptCanvas, session: Session, stream: Duplex): void {
    if (command.op === 'status') {
      if (this.stateNow.answersStatus && command.n >= 1 && command.n <= 4) stream.write(Uint8Array.of(this.statusByte(command.n)));
      return;
    }
    const s = this.stateNow;
    // A stopped printer takes the bytes but prints nothing, as a real one discards them or jams.
    if (s.paperOut || s.coverOpen || s.offline) {
      this.droppedCommands += 1;
      return;
    }
    switch (command.op) {
      case 'text':
        canvas.addText(session.decode(command.bytes));
        break;
      case 'lf':
        canvas.lineFeed();
        break;
      case 'init':
        canvas.resetModes();
        session.decode = codeTable(0);
        break;
      case 'code-table':
        session.decode = codeTable(command.n);
        break;
      case 'align':
        canvas.align = command.n;
        break;
      case 'bold':
        canvas.bold = command.on;
        break;
      case 'size':
        canvas.sx = command.width;
        canvas.sy = command.height;
        break;
      case 'feed-dots':
        canvas.feedDots(command.n);
        break;
      case 'feed-lines':
        canvas.feedDots(0);
        canvas.feedDots(command.n * 30);
        break;
      case 'symbol':
        this.symbol(command.cn, command.fn, command.params, canvas);
        break;
      case 'raster':
        canvas.raster(command.m, command.widthBytes, command.height, command.data);
        break;
      case 'cut':
        this.cut(canvas, command.partial);
        break;
      case 'ignored':
        break;
      case 'unknown':
        this.unknownBytes += command.bytes.length;
        break;
      default:
        assertNever(command, 'ESC/POS command');
    }
  }

  private symbol(cn: number, fn: number, params: Uint8Array, canvas: ReceiptCanvas): void {
    if (cn !== 0x31) {
      this.unknownBytes += params.length + 2;
      return;
    }
    switch (fn) {
      case 0x41:
        break; // model: the qrcode package draws Model 2
      case 0x43:
        canvas.qrModule = Math.max(1, Math.min(16, params[0] ?? 3));
        break;
      case 0x45:
        canvas.setQrLevel(params[0] ?? 49);
        break;
      case 0x50:
        canvas.qrData = params.slice(1);
        break;
      case 0x51:
        canvas.printQr();
        break;
      default:
        this.unknownBytes += params.length + 2;
    }
  }

  private cut(canvas: ReceiptCanvas, partial: boolean): void {
    const { bitmap, lines, qrPayloads } = canvas.finish();
    this.printed += 1;
    const receipt: PrintedReceipt = {
      index: this.printed,
      png: bitmapToPng(bitmap),
      width: bitmap.width,
      height: bitmap.height,
      lines,
      qrPayloads,
      cut: partial ? 'partial' : 'full',
    };
    this.receiptList.push(receipt);
    if (this.receiptList.length > this.keep) this.receiptList.shift();
    for (const listener of this.listeners) listener(receipt);
  }
}
