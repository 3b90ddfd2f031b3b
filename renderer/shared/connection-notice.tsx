import { assertNever } from '../../app/util/assert-never';
import type { ConnectionStatus } from '../api/connection-status';

/** What the notice says for each status, in the language of the screen that shows it. */
export interface ConnectionTexts {
  readonly connecting: string;
  readonly reconnecting: string;
  readonly unauthorized: string;
}

function describe(status: Exclude<ConnectionStatus, 'connected'>, texts: ConnectionTexts): string {
  switch (status) {
    case 'connecting':
      return texts.connecting;
    case 'reconnecting':
      return texts.reconnecting;
    case 'unauthorized':
      return texts.unauthorized;
    default:
      return assertNever(status, 'connection status');
  }
}

/** Shown only while the link to the terminal is not up, in the words of the screen that shows it. */
export function ConnectionNotice({ status, texts }: { readonly status: ConnectionStatus; readonly texts: ConnectionTexts }) {
  if (status === 'connected') return null;
  return (
    <div
      className={`connection-notice connection-notice--${status}`}
      data-testid="connection-status"
      data-status={status}
      role={status === 'unauthorized' ? 'alert' : 'status'}
    >
      {describe(status, texts)}
    </div>
  );
}
