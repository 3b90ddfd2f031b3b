import type { StoreApi } from 'zustand';
import type { ApiResult } from '../../../app/ipc/contract';
import type { Approval } from '../../../app/ipc/staff-schemas';
import type { Payment } from '../../../app/payment/payment';
import type { PosApi } from '../../../app/ipc/pos-api';
import { checkedAnswer } from './parked-words';
import type { Say } from '../payment/status-text';
import type { ControlAnswer } from '../refund/refund-answer';
import type { ParkedState } from './parked-store';
import type { ParkedWords } from '../words/parked';

export type ParkedApi = Pick<PosApi, 'park' | 'listParked' | 'checkNow' | 'resolveParked' | 'acknowledgeParked' | 'onParked' | 'onTerminal'>;

/**
 * Sends a manager's command, asking for a manager's PIN when main answers `approval_required`; null when
 * the cashier went back from that question. The staff screens' withManagerApproval fits; without it the
 * command is sent once and main's sentence is the answer.
 */
export type Approve = <T>(run: (approval: Approval | undefined) => Promise<ApiResult<T>>) => Promise<ApiResult<T> | null>;
const sendOnce: Approve = (run) => run(undefined);

/** The Needs attention list's controls: each calls main and puts the answer on the sale's card. */
export function createParkedActions(api: ParkedApi, store: StoreApi<ParkedState>, approve: Approve = sendOnce) {
  const state = () => store.getState();
  const load = async (): Promise<void> => {
    const result = await api.listParked();
    if (result.ok) state().setSales(result.value);
    else state().setProblem(result.error);
  };
  /** One action at a time per sale; its answer replaces the last one on the card. */
  const onCard = async <T>(id: string, busy: 'check' | 'resolve' | 'acknowledge', call: () => Promise<ApiResult<T> | null>, said: (value: T) => ControlAnswer | null) => {
    if (state().busy[id] !== undefined) return false;
    state().setBusy(id, busy);
    state().setAnswer(id, null);
    try {
      const result = await call();
      if (result === null) return false;
      // A refusal is kept as told, so the card words it in the cashier's language.
      const answer: ControlAnswer | null = result.ok ? said(result.value) : { ok: false, told: result.error };
      if (answer !== null) state().setAnswer(id, answer);
      return result.ok;
    } finally {
      state().setBusy(id, null);
    }
  };

  return {
    load,
    /** Follows main's announcements; a new core (after a settings change) is read afresh. Returns the stop. */
    follow: (): (() => void) => {
      const stops = [api.onParked((sales) => state().setSales(sales)), api.onTerminal(() => void load())];
      return () => stops.forEach((stop) => stop());
    },
    /** Parks the sale on the counter; the answer is the sale screen's own. */
    park: (paymentId: string): Promise<ApiResult<Payment>> => api.park({ paymentId }),
    /** `words` are the cashier's, as the button was pressed: the answer is put on the card in them. */
    checkNow: (id: string, locale: string | undefined, words: ParkedWords, say?: Say) =>
      onCard(id, 'check', () => api.checkNow({ paymentId: id }), (p) => checkedAnswer(p, locale, words, say)),
    /** A manager closes the sale as not paid; true once main has. */
    resolve: (id: string, reason: string) =>
      onCard(id, 'resolve', () => approve((approval) => api.resolveParked({ paymentId: id, reason }, approval)), () => null),
    acknowledge: (id: string) => onCard(id, 'acknowledge', () => api.acknowledgeParked({ paymentId: id }), () => null),
  };
}

export type ParkedActions = ReturnType<typeof createParkedActions>;
