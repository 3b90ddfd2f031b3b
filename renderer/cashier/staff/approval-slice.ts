import type { StateCreator } from 'zustand';

/** A manager's PIN being asked for one command, in main's words. */
export interface ApprovalRequest {
  /** Main's sentence, e.g. "A manager's PIN is needed to close the day". */
  readonly sentence: string;
  /** Main's answer to the last PIN given, e.g. "…: Wrong PIN for Mei"; null before the first. */
  readonly problem: string | null;
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
