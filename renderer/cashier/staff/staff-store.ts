import { create } from 'zustand';
import { createApprovalSlice, type ApprovalSlice } from './approval-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';

export type StaffState = SessionSlice & ApprovalSlice;

/** The cashier page's staff state: who is signed in here, and a manager's PIN being asked for. */
export const useStaffStore = create<StaffState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createApprovalSlice(...a),
}));
