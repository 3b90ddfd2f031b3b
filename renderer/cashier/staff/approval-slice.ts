import type { StateCreator } from 'zustand';
import type { Told } from '../shared/told';

/** A manager's PIN being asked for one command, in main's words. */
export interface ApprovalRequest {
  /** What main told, e.g. "A manager's PIN is needed to close the day"; worded when shown. */
  readonly sentence: Told;
  /** Main's answer to the last PIN given, e.g. "…: Wrong PIN for Mei"; null before the first. */
  readonly problem: Told | null;
  /** The command is on its way again with the PIN: the dialog waits. */
  readonly sending: boolean;
}

export interface ApprovalSlice {
  readonly approvalRequest: ApprovalRequest | null;
  readonly setApprovalRequest: (request: ApprovalRequest | null) => void;
}

export const createApprovalSlice: StateCreator<ApprovalSlice> = (set) => ({
  approvalRequest: null,
  setApprovalRequest: (approvalRequest) => set({ approvalRequest }),
});
