/**
 * How the screen is connected to the terminal. Electron is always `connected`; the WebSocket
 * moves between the others. `unauthorized` is final: the page was opened without a valid token.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

export interface ConnectionSource {
  /** Calls the listener now with the current status, then on every change. Returns an unsubscribe. */
  onConnection(listener: (status: ConnectionStatus) => void): () => void;
  /** Messages the host could not read at all (it answers them without a command id). */
  onHostError(listener: (message: string) => void): () => void;
}

export const UNAUTHORIZED_MESSAGE = 'This page needs the link printed by the terminal (with its token)';
export const LOST_CONNECTION_MESSAGE = 'Lost connection to the terminal';
export const NO_ANSWER_MESSAGE = 'The terminal did not answer in time';
export const NOT_CONNECTED_MESSAGE = 'Not connected to the terminal: wait for the connection to come back and try again';
