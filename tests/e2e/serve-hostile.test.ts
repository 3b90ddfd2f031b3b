import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frame, rawRequest, rawWebSocket } from '../support/raw-client';
import { startServe, type ServeProcess } from '../support/serve-process';
import { connect } from '../support/ws-client';

/*
 * Rows 1 to 3 of the hardening issue against the real `serve` process, where the damage was done: each
 * of these requests used to end the process. Now each is answered or hung up on, and the process is
 * still there serving the cashier's page and a snapshot.
 */

let serve: ServeProcess;
let port: number;
const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

async function expectAlive(): Promise<void> {
  expect(serve.child.exitCode).toBeNull();
  expect((await fetch(serve.cashierUrl)).status).toBe(200);
  const cashier = await connect(`ws://127.0.0.1:${port}/api?token=${tokenOf(serve.cashierUrl)}`);
  try {
    expect(await cashier.command('getSnapshot', {})).toMatchObject({ type: 'result', result: { ok: true } });
  } finally {
    cashier.close();
  }
}

beforeAll(async () => {
  serve = await startServe();
  port = Number(new URL(serve.cashierUrl).port);
});

afterAll(async () => {
  expect(await serve.stop()).toBe(0);
});

describe('the serve process against the requests that used to end it', () => {
  it('an upgrade whose request line is not a URL, with no token (row 1)', async () => {
    const answer = await rawRequest(port, 'GET http://[/api HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await expectAlive();
  });

  it('WebSocket protocol errors on the display token (row 2)', async () => {
    const attacks = [
      frame({ opcode: 1, payload: Buffer.alloc(1024 * 1024 + 1, 0x20) }),
      frame({ opcode: 3, payload: Buffer.from('x') }),
      frame({ opcode: 1, payload: Buffer.from('{}'), mask: false }),
      frame({ opcode: 1, payload: Buffer.from([0xc3, 0x28]) }),
      frame({ opcode: 1, payload: Buffer.from('{}'), rsv1: true }),
      frame({ opcode: 2, claimedLength: 2n ** 53n }),
      frame({ opcode: 9, payload: Buffer.from('p'), fin: false }),
      frame({ opcode: 8, payload: Buffer.from([0x03, 0xe7]) }),
    ];
    for (const attack of attacks) {
      const ws = await rawWebSocket(port, `/api?token=${tokenOf(serve.displayUrl)}`);
      ws.socket.write(attack);
      await ws.closed;
    }
    await expectAlive();
  });

  it('Origin: null with a valid token (row 3)', async () => {
    const ws = rawWebSocket(port, `/api?token=${tokenOf(serve.cashierUrl)}`, { Origin: 'null' });
    await expect(ws).rejects.toThrow('handshake refused: HTTP/1.1 403 Forbidden');
    await expectAlive();
    expect(serve.stderr()).not.toMatch(/TypeError|Invalid URL|unexpected error/);
  });
});
