import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '../../app/ipc/ws-protocol';
import { createRng, type Rng } from '../faults/prng';
import { mutateTree } from '../support/fuzz-mutate';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';

/*
 * Random and mutated JSON at the real host, from both screens' tokens. Seeded: a failure prints its
 * seed, and FUZZ_SEED=<seed> replays exactly that run. Every message must get an answer (a result
 * for its id, or an error), and the host must still serve the page and a snapshot at the end.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const MESSAGES_PER_ROLE = 250;

/** Valid commands to start mutating from: each reaches past the envelope into a handler's arguments. */
const TEMPLATES: readonly unknown[] = [
  { type: 'command', id: 1, command: 'getSnapshot', args: {} },
  { type: 'command', id: 1, command: 'charge', args: { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', orderRef: 'A-1' } },
  { type: 'command', id: 1, command: 'cancel', args: { paymentId: 'T20261206-000000-abcd' } },
  { type: 'command', id: 1, command: 'refund', args: { paymentId: 'T20261206-000000-abcd', amount: { minor: 100, currency: 'SGD' } } },
  { type: 'command', id: 1, command: 'listPayments', args: { limit: 10, offset: 0 } },
  { type: 'command', id: 1, command: 'printSlip', args: { paymentId: 'x', slip: 'receipt' } },
  { type: 'command', id: 1, command: 'saveDeviceSettings', args: { printer: { connection: { kind: 'usb-lp', path: '/dev/usb/lp0' } } } },
  { type: 'command', id: 1, command: 'saveSettings', args: { merchant: { name: 'Fuzz', addressLines: [], logoText: null } } },
  { type: 'command', id: 1, command: 'testConnection', args: { provider: 'opn', baseUrl: 'https://api.omise.co' } },
  { type: 'command', id: 1, command: 'lookupRequest', args: { imageBase64: 'iVBORw0KGgo=' } },
  { type: 'command', id: 1, command: 'signIn', args: { staffId: 'mei', pin: '2468' } },
  { type: 'command', id: 1, command: 'resumeSession', args: { token: 'a'.repeat(32) } },
  { type: 'command', id: 1, command: 'closeDay', args: { approval: { staffId: 'mei', pin: '2468' } } },
  { type: 'command', id: 1, command: 'park', args: { paymentId: 'T20261206-000000-abcd' } },
  { type: 'command', id: 1, command: 'resolveParked', args: { paymentId: 'T20261206-000000-abcd', reason: 'checked in the console', approval: { staffId: 'mei', pin: '2468' } } },
  { type: 'command', id: 1, command: 'cancel', args: { paymentId: 'T20261206-000000-abcd', moneyReceived: 'to_return' } },
];

const ODD_STRINGS = ['', '__proto__', 'constructor', 'toString', '\u0000', '\ud800', '𝄞'.repeat(50), 'x'.repeat(5000), '../../etc/passwd', '%2e%2e%2f', '<script>', 'NaN'];
const ODD_NUMBERS = [0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MIN_VALUE, 99999999999];

function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, depth > 3 ? 4 : 7)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick(ODD_NUMBERS);
    case 3:
      return rng.pick(ODD_STRINGS);
    case 4:
      return rng.int(-1000, 1000);
    case 5:
      return Array.from({ length: rng.int(0, 4) }, () => randomValue(rng, depth + 1));
    case 6: {
      const object: Record<string, unknown> = {};
      for (let i = rng.int(0, 4); i > 0; i--) object[rng.pick([...ODD_STRINGS, 'amount', 'minor', 'args', 'id', 'type'])] = randomValue(rng, depth + 1);
      return object;
    }
    default:
      return rng.pick(TEMPLATES);
  }
}

/** A template with one to three of its leaves, keys or containers replaced, dropped or added. */
function mutate(rng: Rng, value: unknown): unknown {
  return mutateTree(rng, value, { descend: 0.6, value: (r) => randomValue(r), key: (r) => r.pick(ODD_STRINGS) });
}

/** The text of one message: mutated commands, random JSON, deep nesting, or text that is not JSON at all. */
function randomMessage(rng: Rng, id: number): string {
  const kind = rng.int(0, 9);
  if (kind <= 5) {
    const message = mutate(rng, rng.pick(TEMPLATES)) as Record<string, unknown>;
    // Its own id, so an answer can be matched to it, unless the mutation is to have none.
    if (rng.chance(0.8)) message['id'] = id;
    else delete message['id'];
    return JSON.stringify(message);
  }
  if (kind === 6) return JSON.stringify(randomValue(rng));
  if (kind === 7) return '['.repeat(rng.int(1, 100_000)) + ']'.repeat(rng.int(0, 10));
  if (kind === 8) return JSON.stringify({ type: 'command', id, command: 'charge', args: { amount: JSON.parse('{"minor":1,'.repeat(1) + '"currency":"SGD"}') as unknown, method: 'demo', deep: nested(rng.int(10, 3000)) } });
  return Array.from({ length: rng.int(1, 200) }, () => String.fromCharCode(rng.int(0, 0xffff))).join('');
}

/** The id a message carried, which its result must echo. */
function sentId(text: string): unknown {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && 'id' in json ? json.id : undefined;
  } catch {
    return undefined;
  }
}

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

let terminal: InProcessTerminal;

beforeAll(async () => {
  // A screen sends a few messages a second; the fuzzer sends hundreds, so only the rate cap is raised here.
  terminal = await startInProcessTerminal({}, { messagesPerSecond: 100_000, messageBurst: 100_000 });
});

afterAll(async () => {
  await terminal.close();
});

async function fuzz(role: 'cashier' | 'display', rng: Rng): Promise<Map<string, number>> {
  const ws = new WebSocket(terminal.host.urls[role].replace('http', 'ws').replace(/\/(cashier|display)\/\?/, '/api?'));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const answers: ServerMessage[] = [];
  let wake: (() => void) | null = null;
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as ServerMessage;
    if (message.type === 'event') return;
    answers.push(message);
    wake?.();
  });
  const kinds = new Map<string, number>();
  for (let id = 1; id <= MESSAGES_PER_ROLE; id++) {
    const text = randomMessage(rng, id);
    const answered = new Promise<void>((resolve) => (wake = resolve));
    ws.send(text);
    await answered;
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`seed ${SEED}: no answer to message ${id}`);
    const kind = answer.type === 'result' ? (answer.result.ok ? 'ok' : answer.result.error.code) : answer.type === 'error' ? answer.error.code : 'event';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    expect(answer.type === 'error' || answer.type === 'result', `seed ${SEED}, message ${id}: ${text.slice(0, 200)}`).toBe(true);
    if (answer.type === 'result') expect(answer.id).toBe(sentId(text));
  }
  ws.close();
  return kinds;
}

describe(`random and mutated JSON (seed ${SEED}; replay with FUZZ_SEED=${SEED})`, () => {
  it.each(['cashier', 'display'] as const)('answers every message from a %s connection, and the host stays up', async (role) => {
    const kinds = await fuzz(role, createRng(SEED + (role === 'cashier' ? 0 : 1)));
    // The run reached past the envelope: some messages got to the argument checks, some were refused whole.
    expect(kinds.get('malformed_message') ?? 0).toBeGreaterThan(0);
    expect((kinds.get('invalid_args') ?? 0) + (kinds.get('forbidden') ?? 0)).toBeGreaterThan(0);
    expect(kinds.get('internal') ?? 0).toBe(0);
    const page = await fetch(terminal.host.urls.cashier);
    expect(page.status).toBe(200);
    const snapshot = await terminal.service.dispatch('getSnapshot', {}, 'cashier');
    expect(snapshot.ok).toBe(true);
  });
});
