import { LOST_CONNECTION_MESSAGE, NO_ANSWER_MESSAGE, NOT_CONNECTED_MESSAGE, UNAUTHORIZED_MESSAGE } from '../../api/connection-status';
import type { HostError } from '../../shared/state/terminal-slice';
import type { CommonWords } from '../words/common';

/**
 * A failure's sentence as the cashier reads it. The terminal's own sentences are shown as they came;
 * the few that this screen's link to the terminal writes itself (renderer/api) are said in the
 * cashier's language.
 */
export function saidToCashier(message: string, words: CommonWords): string {
  switch (message) {
    case LOST_CONNECTION_MESSAGE:
      return words.lostConnection;
    case NO_ANSWER_MESSAGE:
      return words.noAnswer;
    case NOT_CONNECTED_MESSAGE:
      return words.notConnected;
    case UNAUTHORIZED_MESSAGE:
      return words.connection.unauthorized;
    default:
      return message;
  }
}

/** The host's own sentence as it came; a snapshot it could not give, said with the terminal's reason. */
export function hostErrorText(words: CommonWords, error: HostError): string {
  return error.kind === 'snapshot' ? words.couldNotReadState(saidToCashier(error.message, words)) : error.message;
}
