import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../app/ipc/ws-protocol';
import { demoRecords, startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { connect, refusedHandshake, type TestClient } from '../support/ws-client';

let terminal: InProcessTerminal;
let cashier: TestClient;
let apiUrl: (role: 'cashier' | 'display' | null, token?: string) => string;

const errorOf = (message: ServerMessage) => {
  if (message.type === 'result' && !message.result.ok) return message.result.error;
  if (message.type === 'error') return message.error;
  throw new Error(`expected an error, got ${JSON.stringify(message)}`);
};

/** The proof that a bad message "changes nothing": no payment on the terminal, none at the provider. */
const expectNothingChanged = async () => {
  const snapshot = await cashier.command('getSnapshot', {});
  expect(snapshot).toMatchObject({ type: 'result', result: { ok: true, value: { payment: null } } });
  expect(demoRecords(terminal.service)).toHaveLength(0);
};

beforeAll(async () => {
  terminal = await startInProcessTerminal();
  const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';
  const base = `ws://127.0.0.1:${terminal.host.port}/api`;
  apiUrl = (role, token) =>
    role === null ? `${base}${token === undefined ? '' : `?token=${token}`}` : `${base}?token=${tokenOf(terminal.host.urls[role])}`;
  cashier = await connect(apiUrl('cashier'));
});

afterAll(async () => {
  cashier.close();
  await terminal.close();
});

describe('the WebSocket edge of the headless host', () => {
  it('refuses a handshake without a token, saying what to do', async () => {
    const refused = await refusedHandshake(apiUrl(null));
    expect(refused.status).toBe(401);
    expect(refused.body).toMatch(/^Missing token\. .*link printed by the terminal/);
  });

  it('refuses a wrong token', async () => {
    const refused = await refusedHandshake(apiUrl(null, 'not-the-token-at-all-xx'));
    expect(refused.status).toBe(401);
    expect(refused.body).toMatch(/^Wrong token\./);
  });

  it('refuses a page from another origin even with the right token', async () => {
    const refused = await refusedHandshake(apiUrl('cashier'), { origin: 'http://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('http://evil.example');
  });

  it('answers non-JSON with a specific error', async () => {
    expect(errorOf(await cashier.sendRaw('{charge'))).toEqual({ code: 'malformed_message', message: 'Message is not valid JSON' });
    await expectNothingChanged();
  });

  it('answers a message of the wrong shape, naming the field', async () => {
    const answer = await cashier.sendRaw(JSON.stringify({ type: 'command', id: 7, command: 5, args: {} }));
    expect(answer.type).toBe('result');
    expect(errorOf(answer)).toEqual({ code: 'malformed_message', message: 'message: command must be a command name (a string)' });
    await expectNothingChanged();
  });

  it('answers an unknown command, listing the known ones', async () => {
    const error = errorOf(await cashier.command('refundEverything', {}));
    expect(error.code).toBe('unknown_command');
    expect(error.message).toContain('Unknown command "refundEverything"');
    expect(error.message).toContain('charge');
    await expectNothingChanged();
  });

  it('rejects an amount sent as a float string, naming amount.minor', async () => {
    const error = errorOf(await cashier.command('charge', { amount: { minor: '12.50', currency: 'SGD' }, method: 'demo' }));
    expect(error).toEqual({
      code: 'invalid_args',
      message: 'charge: amount.minor must be a whole number of minor units (e.g. 1234 for 12.34), got string "12.50"',
      fields: { 'amount.minor': 'must be a whole number of minor units (e.g. 1234 for 12.34), got string "12.50"' },
    });
    await expectNothingChanged();
  });

  it('rejects a fractional number of minor units, an unknown currency and extra fields', async () => {
    const fractional = errorOf(await cashier.command('charge', { amount: { minor: 12.5, currency: 'SGD' }, method: 'demo' }));
    expect(fractional.message).toBe('charge: amount.minor must be a whole number of minor units, got 12.5');
    const currency = errorOf(await cashier.command('charge', { amount: { minor: 100, currency: 'XYZ' }, method: 'demo' }));
    expect(currency.message).toBe('charge: amount.currency must be a supported ISO 4217 currency code, got string "XYZ"');
    const extra = errorOf(await cashier.command('charge', { amount: { minor: 100, currency: 'SGD' }, method: 'demo', tip: 5 }));
    expect(extra.message).toBe('charge: unexpected field(s) tip');
    await expectNothingChanged();
  });

  it('lets the customer display look but never act', async () => {
    const display = await connect(apiUrl('display'));
    try {
      const snapshot = await display.command('getSnapshot', {});
      expect(snapshot).toMatchObject({ type: 'result', result: { ok: true } });
      const error = errorOf(await display.command('charge', { amount: { minor: 100, currency: 'SGD' }, method: 'demo' }));
      expect(error).toEqual({ code: 'forbidden', message: 'The customer display may not run charge' });
    } finally {
      display.close();
    }
    await expectNothingChanged();
  });

  it('takes a valid charge, and the event reaches the client', async () => {
    const answer = await cashier.command('charge', { amount: { minor: 1234, currency: 'SGD' }, method: 'demo' });
    expect(answer).toMatchObject({ type: 'result', result: { ok: true, value: { state: { status: 'awaiting' } } } });
    const events = cashier.messages.filter((m) => m.type === 'event' && m.event === 'payment');
    expect(events.length).toBeGreaterThanOrEqual(2);
    const [record] = demoRecords(terminal.service);
    expect(record).toMatchObject({ amount_minor: 1234, currency: 'SGD', status: 'pending' });
  });
});

describe('the pages of the headless host', () => {
  it('serves a page only with a token, and never leaks it in a Referer', async () => {
    const withToken = await fetch(terminal.host.urls.cashier);
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('referrer-policy')).toBe('no-referrer');
    expect(withToken.headers.get('content-security-policy')).toContain("default-src 'self'");
    const without = await fetch(terminal.host.urls.cashier.replace(/\?.*$/, ''));
    expect(without.status).toBe(401);
    expect(await without.text()).toContain('link printed by the terminal');
  });

  it('refuses paths that climb out of the pages folder', async () => {
    const response = await fetch(`http://127.0.0.1:${terminal.host.port}/assets/..%2f..%2fpackage.json`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('The address is not valid: encoded separators and dot segments are refused');
  });
});
