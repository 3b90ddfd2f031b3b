import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { ALI, MEI, run, terminalClients, valueOf, type Answer } from '../support/terminal-clients';
import type { TestClient } from '../support/ws-client';
import { worded } from '../support/said-english';
import type { ApiError } from '../../app/ipc/contract';

/*
 * Staff roles over the WebSocket, as a page that skips its own screens would send them: the role
 * check is in main, so a cashier's connection cannot close the day or refund past the rule without
 * a manager's PIN, and a connection nobody signed in on cannot sell.
 */


let terminal: InProcessTerminal;
const screens = terminalClients(() => terminal);
const client = screens.client;


async function paidSale(c: TestClient, minor: number, method: 'demo' | 'atome' = 'demo'): Promise<string> {
  const charged = await run(c, 'charge', { amount: { minor, currency: 'SGD' }, method });
  if (!charged.ok) throw new Error(charged.error.message);
  const id = (charged.value as { id: string }).id;
  expect(await run(c, 'demoSimulate', { paymentId: id, outcome: 'paid' })).toMatchObject({ ok: true });
  await expect.poll(async () => ((await run(c, 'getSnapshot')) as { value: { payment: { state: { status: string } } } }).value.payment.state.status).toBe('paid');
  return id;
}

/** An Orangepill sale on its simulator, driven to `outcome` by the demo controls, once the counter shows `shown`. */
async function orangepillSale(c: TestClient, minor: number, outcome: 'partial' | 'late', shown: string): Promise<string> {
  const charged = await run(c, 'charge', { amount: { minor, currency: 'SGD' }, method: 'orangepill' });
  if (!charged.ok) throw new Error(charged.error.message);
  const id = (charged.value as { id: string }).id;
  expect(await run(c, 'demoSimulate', { paymentId: id, outcome })).toMatchObject({ ok: true });
  await expect
    .poll(async () => ((await run(c, 'getSnapshot')) as { value: { payment: { state: { status: string } } } }).value.payment.state.status, { timeout: 10_000 })
    .toBe(shown);
  return id;
}

async function detailOf(c: TestClient, paymentId: string): Promise<Answer> {
  return run(c, 'paymentDetail', { paymentId });
}

beforeAll(async () => {
  terminal = await startInProcessTerminal();
});

afterAll(async () => {
  screens.closeAll();
  await terminal.close();
});


/**
 * Main's refusal without its `Said`, once the cashier's English wording of that `Said` is checked to
 * be the message itself (the two cannot drift apart).
 */
function inEnglish(answer: Answer): Answer {
  if (answer.ok) return answer;
  // The test client's Answer leaves `said` out of its type; the wire carries an ApiError.
  const { said, ...error } = answer.error as ApiError;
  expect(worded(said)).toBe(error.message);
  return { ok: false, error };
}

describe('staff roles and PINs, enforced in main', () => {
  it('with nobody listed, anyone sells and the screen says what is unprotected', async () => {
    const c = await client();
    const staff = await run(c, 'getStaff');
    expect(staff).toMatchObject({ ok: true, value: { protected: false, members: [], signedIn: null } });
    expect((staff as { value: { warning: string } }).value.warning).toMatch(/^Nobody is listed, so anyone at this counter can refund, close the day and change the settings/);
    const sale = await paidSale(c, 500);
    expect(await run(c, 'dismiss', { paymentId: sale })).toMatchObject({ ok: true });
  });

  it('keeps each PIN only as a salted hash, in a file only this account can read', async () => {
    const c = await client();
    const refused = await run(c, 'saveStaff', { members: [{ ...ALI }], refundApproval: { mode: 'all' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_args', fields: { staff: expect.stringContaining('at least one manager') as unknown } } });
    const saved = await run(c, 'saveStaff', { members: [MEI, ALI], refundApproval: { mode: 'over', thresholdMinor: 1000 } });
    expect(saved).toMatchObject({ ok: true, value: { protected: true, members: [{ id: 'mei', name: 'Mei', role: 'manager' }, { id: 'ali', name: 'Ali', role: 'cashier' }] } });
    expect(JSON.stringify(saved)).not.toMatch(/2468|1357|pin/i);
    const file = join(terminal.dataDir, 'staff.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('"2468"');
    expect(text).not.toContain('"1357"');
    expect(text).toContain('"algorithm": "scrypt"');
  });

  it('will not sell on a screen nobody signed in on, nor let the customer display sign in', async () => {
    const c = await client();
    expect(inEnglish(await run(c, 'charge', { amount: { minor: 500, currency: 'SGD' }, method: 'demo' }))).toEqual({
      ok: false,
      error: { code: 'sign_in_required', message: 'Sign in with your PIN first' },
    });
    expect(await run(c, 'getSnapshot')).toMatchObject({ ok: true });
    const display = await client('display');
    expect(await run(display, 'signIn', { staffId: 'mei', pin: '2468' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('slows down wrong PINs: two free tries, then a growing wait', async () => {
    const c = await client();
    expect(inEnglish(await run(c, 'signIn', { staffId: 'ali', pin: '0000' }))).toEqual({ ok: false, error: { code: 'forbidden', message: 'Wrong PIN for Ali' } });
    expect(inEnglish(await run(c, 'signIn', { staffId: 'ali', pin: '0001' }))).toEqual({ ok: false, error: { code: 'forbidden', message: 'Wrong PIN for Ali' } });
    expect(inEnglish(await run(c, 'signIn', { staffId: 'ali', pin: '0002' }))).toEqual({ ok: false, error: { code: 'forbidden', message: 'Wrong PIN for Ali: try again in 1 s' } });
    // Even the right PIN waits out the delay: guessing cannot go faster by being lucky.
    expect(inEnglish(await run(c, 'signIn', { staffId: 'ali', pin: '1357' }))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Too many wrong PINs: try again in 1 s$/) as unknown } });
    expect(inEnglish(await run(c, 'signIn', { staffId: 'nobody', pin: '1357' }))).toEqual({ ok: false, error: { code: 'forbidden', message: 'Choose who you are from the list' } });
  });

  it('lets a cashier sell and refund under the rule, and asks a manager for the rest', async () => {
    const c = await client();
    await expect.poll(async () => (await run(c, 'signIn', { staffId: 'ali', pin: '1357' })).ok, { timeout: 5000 }).toBe(true);
    // Atome, simulated: it takes refunds through the terminal.
    const sale = await paidSale(c, 5000, 'atome');
    expect(await run(c, 'refund', { paymentId: sale, amount: { minor: 800, currency: 'SGD' } })).toMatchObject({ ok: true });
    expect(inEnglish(await run(c, 'refund', { paymentId: sale, amount: { minor: 1200, currency: 'SGD' } }))).toEqual({
      ok: false,
      error: { code: 'approval_required', message: "A manager's PIN is needed to refund SGD 12.00" },
    });
    const wrongManager = await run(c, 'refund', { paymentId: sale, amount: { minor: 1200, currency: 'SGD' }, approval: { staffId: 'ali', pin: '1357' } });
    expect(inEnglish(wrongManager)).toEqual({ ok: false, error: { code: 'approval_required', message: "A manager's PIN is needed to refund SGD 12.00: Ali is not a manager" } });
    expect(await run(c, 'refund', { paymentId: sale, amount: { minor: 1200, currency: 'SGD' }, approval: { staffId: 'mei', pin: '2468' } })).toMatchObject({ ok: true });
    expect(inEnglish(await run(c, 'closeDay'))).toEqual({ ok: false, error: { code: 'approval_required', message: "A manager's PIN is needed to close the day" } });
    expect(await run(c, 'saveSettings', { sounds: { enabled: false } })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    expect(await run(c, 'saveStaff', { members: [MEI], refundApproval: { mode: 'all' } })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    expect(await run(c, 'closeDay', { approval: { staffId: 'mei', pin: '2468' } })).toMatchObject({ ok: true });
    expect(await run(c, 'closeDay', { approval: { staffId: 'mei', pin: '24' } })).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('marks money returned and keeps a late payment only for a signed-in person, with who, audited', async () => {
    // One connection (the host takes a few at a time): nobody signed in first, then Ali.
    const c = await client();
    expect(inEnglish(await run(c, 'markReturned', { paymentId: 'x' }))).toEqual({ ok: false, error: { code: 'sign_in_required', message: 'Sign in with your PIN first' } });
    expect(inEnglish(await run(c, 'keepLate', { paymentId: 'x' }))).toEqual({ ok: false, error: { code: 'sign_in_required', message: 'Sign in with your PIN first' } });
    await expect.poll(async () => (await run(c, 'signIn', { staffId: 'ali', pin: '1357' })).ok, { timeout: 5000 }).toBe(true);
    const part = await orangepillSale(c, 2000, 'partial', 'partially_paid');
    expect(await run(c, 'cancel', { paymentId: part })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_state',
        message: 'Part of SGD 20.00 has arrived (amount not reported by Orangepill). Cancel the sale? The money received must be given back to the customer.',
      },
    });
    expect(await run(c, 'cancel', { paymentId: part, moneyReceived: 'to_return' })).toMatchObject({ ok: true, value: { state: { status: 'cancelled_with_money', received: null } } });
    expect(await run(c, 'markReturned', { paymentId: part })).toMatchObject({
      ok: true,
      value: { state: { status: 'cancelled_with_money', returned: { by: { id: 'ali', name: 'Ali' } } } },
    });
    expect(await run(c, 'markReturned', { paymentId: part })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringMatching(/already marked returned by Ali at/) as unknown } });
    const late = await orangepillSale(c, 700, 'late', 'paid');
    expect(await run(c, 'keepLate', { paymentId: late })).toMatchObject({ ok: true, value: { state: { late: true, kept: { by: { id: 'ali' } } } } });
    // Refunding a late payment follows the shop's refund rule: over SGD 10.00, a manager's PIN.
    const big = await orangepillSale(c, 2000, 'late', 'paid');
    expect(await run(c, 'refund', { paymentId: big, amount: { minor: 2000, currency: 'SGD' } })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    expect(await run(c, 'refund', { paymentId: big, amount: { minor: 2000, currency: 'SGD' }, approval: { staffId: 'mei', pin: '2468' } })).toMatchObject({
      ok: true,
      value: { state: { status: 'cancelled_with_money', received: { minor: 2000, currency: 'SGD' } } },
    });
    type Acts = { audit: { action: string; operator: { id: string } | null; approvedBy: { id: string } | null; detail: object }[] };
    const audit = async (id: string): Promise<Acts> => valueOf<Acts>(await detailOf(c, id));
    expect((await audit(part)).audit.map((e) => [e.action, e.operator?.id])).toEqual([['returned', 'ali']]);
    expect((await audit(late)).audit.map((e) => [e.action, e.operator?.id])).toEqual([['keep_late', 'ali']]);
    expect((await audit(big)).audit).toMatchObject([{ action: 'refund', operator: { id: 'ali' }, approvedBy: { id: 'mei' }, detail: { toReturnMinor: 2000, currency: 'SGD' } }]);
    // The host takes a few cashier screens at once: this one leaves before the next test opens three.
    const open = terminal.host.sessions().cashier;
    c.close();
    await expect.poll(() => terminal.host.sessions().cashier).toBe(open - 1);
  });

  it('resumes a session on a new connection with its token, and signs out someone removed from the list', async () => {
    const first = await client();
    const signedIn = await run(first, 'signIn', { staffId: 'ali', pin: '1357' });
    expect(signedIn).toMatchObject({ ok: true, value: { operator: { id: 'ali', role: 'cashier' } } });
    const token = (signedIn as { value: { sessionToken: string } }).value.sessionToken;
    const second = await client();
    expect(await run(second, 'resumeSession', { token })).toMatchObject({ ok: true, value: { id: 'ali' } });
    expect(await run(second, 'listPayments', {})).toMatchObject({ ok: true });
    const manager = await client();
    expect(await run(manager, 'signIn', { staffId: 'mei', pin: '2468' })).toMatchObject({ ok: true });
    expect(await run(manager, 'saveStaff', { members: [MEI], refundApproval: { mode: 'all' } })).toMatchObject({ ok: true, value: { members: [{ id: 'mei' }] } });
    expect(await run(first, 'listPayments', {})).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    expect(await run(second, 'resumeSession', { token })).toEqual({ ok: true, value: null });
  });
});
