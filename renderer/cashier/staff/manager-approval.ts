import { createApprovalFlow } from './approval-flow';
import { useStaffStore } from './staff-store';

export type { Approved, ApprovalRun } from './approval-flow';

const flow = createApprovalFlow(useStaffStore);

/**
 * Runs a manager's command from the cashier screen: `withManagerApproval((approval) => api.closeDay(approval))`.
 * When main answers `approval_required`, the manager's PIN dialog opens, and the command is sent again
 * with the PIN; null means the cashier went back and nothing was done.
 */
export const withManagerApproval = flow.withManagerApproval;

/** The manager's PIN dialog's answer: a manager's PIN, or null for Back. */
export const answerManagerApproval = flow.answer;
