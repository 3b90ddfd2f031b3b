import type { ApiResult, EventName, EventPayloads } from '../../../app/ipc/contract';
import type { Operator } from '../../../app/staff/staff';

/** Who is asking: the cashier screen may act; the customer display may only look. */
export type ClientRole = 'cashier' | 'display';

/**
 * One screen's link to the terminal (a WebSocket connection, an Electron window): who is signed in on
 * it. Kept by the transport, set only by the sign-in commands, so a page can never claim an operator.
 */
export interface ScreenSession {
  readonly id: string;
  operator: Operator | null;
  sessionToken: string | null;
}

/** Who a command runs for: the screen, the person signed in on it, and the manager who approved it. */
export interface CommandContext {
  readonly role: ClientRole;
  readonly screen: ScreenSession | null;
  readonly operator: Operator | null;
  readonly approvedBy: Operator | null;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/**
 * The terminal's services as every transport sees them: Electron IPC in main, the WebSocket in the
 * headless host. Arguments arrive as `unknown` and are validated inside; errors come back as values.
 */
export interface TerminalApi {
  /** `screen` is the caller's session; without one (a test, a script) nobody is signed in. */
  dispatch(command: unknown, args: unknown, role: ClientRole, screen?: ScreenSession): Promise<ApiResult<unknown>>;
  subscribe(listener: EventListener): () => void;
  /**
   * A screen came up (a browser tab or Electron window): the device bar counts customer displays, and
   * QR slips print by themselves when there is none. The returned function says it went away.
   */
  attachScreen(role: ClientRole): () => void;
  close(): Promise<void>;
}
