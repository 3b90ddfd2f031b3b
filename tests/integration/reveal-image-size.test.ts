import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../app/ipc/ws-protocol';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { blackPng, jpegClaiming } from '../support/image-bytes';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { connect, type TestClient } from '../support/ws-client';

/**
 * A picture the cashier pastes for a Reveal QR lookup, through the real WebSocket: one that is a few
 * KB but claims 12000 × 12000 pixels is refused from its header with a sentence the cashier can act
 * on, and the host carries on answering.
 */
const API_KEY = 'op_test_SIZE_0f1e2d3c4b';
const ALIAS = '@kopi_corner';
let simulator: OrangepillSimulator;
let terminal: InProcessTerminal;
let cashier: TestClient;

const resultOf = (message: ServerMessage) => {
  if (message.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(message)}`);
  return message.result;
};

beforeAll(async () => {
  simulator = await startOrangepillSimulator({ apiKey: API_KEY, merchantAlias: ALIAS });
  terminal = await startInProcessTerminal({
    currency: 'USD',
    providers: { orangepill: { apiKey: API_KEY, baseUrl: simulator.baseUrl, merchantAlias: ALIAS } },
  });
  const token = new URL(terminal.host.urls.cashier).searchParams.get('token') ?? '';
  cashier = await connect(`ws://127.0.0.1:${terminal.host.port}/api?token=${token}`);
});

afterAll(async () => {
  cashier?.close();
  await terminal?.close();
  await simulator?.close();
});

describe('lookupRequest with a picture too big to decode', () => {
  it('refuses a 12000 × 12000 PNG of a few KB with a sentence, and still answers a snapshot', async () => {
    const huge = blackPng(12_000, 12_000);
    expect(huge.length).toBeLessThan(32 * 1024);
    const answer = resultOf(await cashier.command('lookupRequest', { imageBase64: huge.toString('base64') }));
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'invalid_args',
        message:
          'The picture is 12000 × 12000 pixels; the largest the terminal reads is 2048 × 2048 (4.2 megapixels). Crop it to the QR code, or take a smaller photo of it.',
        // The same sentence reaches the screen as a Said, to word in the cashier's language.
        said: { area: 'records', kind: 'lookup_image_too_many_pixels', width: 12_000, height: 12_000, maxSide: 2048, maxPixels: 2048 * 2048 },
      },
    });
    expect(resultOf(await cashier.command('getSnapshot', {}))).toMatchObject({ ok: true, value: { payment: null } });
  });

  it('says the same of a JPEG whose frame header claims 30000 × 30000', async () => {
    const answer = resultOf(await cashier.command('lookupRequest', { imageBase64: jpegClaiming(30_000, 30_000).toString('base64') }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringMatching(/^The picture is 30000 × 30000 pixels; /) as unknown } });
    expect(resultOf(await cashier.command('getSnapshot', {}))).toMatchObject({ ok: true });
  });
});
