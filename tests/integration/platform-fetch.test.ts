import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES, platformFetch } from '../../electron/service/providers/platform-fetch';

/** The cap on provider bodies, against a loopback server that sends too much, declared or not. */
let server: Server;
let base = '';
let sentBytes = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('size'));
    const declared = req.url?.includes('declared') === true;
    res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': String(size) } : {}) });
    // Written in 64 KB pieces without a length, as a stream that never says how much is coming.
    const piece = Buffer.alloc(64 * 1024, 0x20);
    let left = size;
    const more = (): void => {
      while (left > 0) {
        const chunk = piece.subarray(0, Math.min(left, piece.length));
        left -= chunk.length;
        sentBytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('error', () => undefined);
    more();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

describe('platformFetch caps what it reads of a body', () => {
  const get = platformFetch(10_000);

  it('reads a body under the cap in full', async () => {
    const response = await get(`${base}/?size=1000`, { method: 'GET', headers: {} });
    expect((await response.text()).length).toBe(1000);
  });

  it('refuses a body declared larger than the cap before reading it', async () => {
    const response = await get(`${base}/declared?size=${MAX_RESPONSE_BYTES + 1}`, { method: 'GET', headers: {} });
    await expect(response.text()).rejects.toMatchObject({ name: 'ResponseTooLargeError' });
  });

  it('stops reading a streamed body once it passes the cap', async () => {
    sentBytes = 0;
    const response = await get(`${base}/?size=${50 * 1024 * 1024}`, { method: 'GET', headers: {} });
    await expect(response.bytes()).rejects.toMatchObject({ name: 'ResponseTooLargeError' });
    // The connection is dropped: the server never gets to send all 50 MB.
    expect(sentBytes).toBeLessThan(50 * 1024 * 1024);
  });
});
