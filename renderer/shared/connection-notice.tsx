import { assertNever } from '../../app/util/assert-never';
import { UNAUTHORIZED_MESSAGE, type ConnectionStatus } from '../api/connection-status';

function describe(status: Exclude<ConnectionStatus, 'connected'>): string {
  switch (status) {
    case 'connecting':
      return 'Connecting to the terminal…';
    case 'reconnecting':
      return 'Connection to the terminal lost — reconnecting…';
    case 'unauthorized':
      return UNAUTHORIZED_MESSAGE;
    default:
      return assertNever(status, 'connection status');
  }
}

/** Shown only while the link to the terminal is not up. */
export function ConnectionNotice({ status }: { readonly status: ConnectionStatus }) {
  if (status === 'connected') return null;
  return (
    <div
      className={`connection-notice connection-notice--${status}`}
      data-testid="connection-status"
      data-status={status}
      role={status === 'unauthorized' ? 'alert' : 'status'}
    >
      {describe(status)}
    </div>
  );
}
