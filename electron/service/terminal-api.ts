import type { ApiResult, EventName, EventPayloads } from '../../app/ipc/contract';

/** Who is asking: the cashier screen may act; the customer display may only look. */
export type ClientRole = 'cashier' | 'display';

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/**
 * The terminal's services as every transport sees them: Electron IPC in main, the WebSocket in the
 * headless host. Arguments arrive as `unknown` and are validated inside; errors come back as values.
 */
export interface TerminalApi {
  dispatch(command: unknown, args: unknown, role: ClientRole): Promise<ApiResult<unknown>>;
  subscribe(listener: EventListener): () => void;
  /**
   * A screen came up (a browser tab or Electron window): the device bar counts customer displays, and
   * QR slips print by themselves when there is none. The returned function says it went away.
   */
  attachScreen(role: ClientRole): () => void;
  close(): Promise<void>;
}
