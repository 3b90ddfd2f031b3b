import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiResult } from '../../app/ipc/contract';
import type { Approval } from '../../app/ipc/staff-schemas';
import { createApprovalFlow, type ApprovalFlow } from '../../renderer/cashier/staff/approval-flow';
import { createApprovalSlice, type ApprovalSlice } from '../../renderer/cashier/staff/approval-slice';

/*
 * The one mechanism behind every manager's PIN on the cashier screen: main says when approval is
 * needed and why; the screen asks, sends the same command again with the PIN, keeps asking while
 * main refuses the PIN (in main's words), and does nothing at all when the cashier goes back.
 */

const NEEDED = "A manager's PIN is needed to close the day";
const refused = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'approval_required', message } });
const MEI: Approval = { staffId: 'mei', pin: '2468' };

let store: StoreApi<ApprovalSlice>;
let flow: ApprovalFlow;
const request = () => store.getState().approvalRequest;

/** A command as main answers it: each call takes the next answer, and is recorded with its approval. */
function command(...answers: ApiResult<string>[]) {
  const calls: (Approval | undefined)[] = [];
  const run = (approval: Approval | undefined): Promise<ApiResult<string>> => {
    calls.push(approval);
    const next = answers.shift();
    if (next === undefined) throw new Error('the command was sent more often than the test expected');
    return Promise.resolve(next);
  };
  return { run, calls };
}

/** Resolves once the dialog shows what the test waits for. */
const whenAsked = (test: (r: NonNullable<ApprovalSlice['approvalRequest']>) => boolean): Promise<void> =>
  new Promise((resolve) => {
    const check = (): boolean => {
      const r = request();
      return r !== null && test(r);
    };
    if (check()) return resolve();
    const stop = store.subscribe(() => {
      if (!check()) return;
      stop();
      resolve();
    });
  });

beforeEach(() => {
  store = createStore<ApprovalSlice>()(createApprovalSlice);
  flow = createApprovalFlow(store);
});

describe('withManagerApproval', () => {
  it('passes any answer but approval_required straight through, asking nothing', async () => {
    const done = command({ ok: true, value: 'closed' });
    expect(await flow.withManagerApproval(done.run)).toEqual({ ok: true, value: 'closed' });
    const busy = command({ ok: false, error: { code: 'invalid_state', message: 'A sale is in progress' } });
    expect(await flow.withManagerApproval(busy.run)).toEqual({ ok: false, error: { code: 'invalid_state', message: 'A sale is in progress' } });
    expect(done.calls).toEqual([undefined]);
    expect(request()).toBeNull();
  });

  it('asks in main’s words, sends the same command again with the PIN, and keeps asking after a wrong one', async () => {
    const close = command(refused(NEEDED), refused(`${NEEDED}: Wrong PIN for Mei`), { ok: true, value: 'closed' });
    const outcome = flow.withManagerApproval(close.run);

    await whenAsked((r) => r.problem === null && !r.sending);
    expect(request()).toEqual({ sentence: { message: NEEDED }, problem: null, sending: false });
    flow.answer({ staffId: 'mei', pin: '1111' });
    await whenAsked((r) => r.problem !== null && !r.sending);
    expect(request()).toEqual({ sentence: { message: NEEDED }, problem: { message: `${NEEDED}: Wrong PIN for Mei` }, sending: false });

    flow.answer(MEI);
    expect(await outcome).toEqual({ ok: true, value: 'closed' });
    expect(close.calls).toEqual([undefined, { staffId: 'mei', pin: '1111' }, MEI]);
    expect(request()).toBeNull();
  });

  it('does nothing more when the cashier goes back: null, and the command is not sent again', async () => {
    const close = command(refused(NEEDED));
    const outcome = flow.withManagerApproval(close.run);
    await whenAsked(() => true);
    flow.answer(null);
    expect(await outcome).toBeNull();
    expect(close.calls).toEqual([undefined]);
    expect(request()).toBeNull();
  });

  it('ends with main’s answer when the approved command fails for another reason', async () => {
    const close = command(refused(NEEDED), { ok: false, error: { code: 'sign_in_required', message: 'Sign in with your PIN first' } });
    const outcome = flow.withManagerApproval(close.run);
    await whenAsked(() => true);
    flow.answer(MEI);
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    expect(request()).toBeNull();
  });

  it('asks one question at a time: a second command meanwhile gets main’s refusal as it is', async () => {
    const close = command(refused(NEEDED), { ok: true, value: 'closed' });
    const first = flow.withManagerApproval(close.run);
    await whenAsked(() => true);
    const refund = command(refused("A manager's PIN is needed to refund SGD 12.00"));
    expect(await flow.withManagerApproval(refund.run)).toEqual(refused("A manager's PIN is needed to refund SGD 12.00"));
    expect(request()?.sentence).toEqual({ message: NEEDED });
    flow.answer(MEI);
    expect(await first).toEqual({ ok: true, value: 'closed' });
  });
});
