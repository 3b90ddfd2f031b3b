import { useDisplayStore } from './display-store';
import { Words } from './words';

/**
 * What the customer should know besides the sale: demo mode, and a link to the terminal that is
 * down. In the display's languages, and in the layout's flow (never positioned over anything), so
 * neither covers the other, the amount or the QR.
 */
export function DisplayNotices({ demo }: { readonly demo: boolean }) {
  const connection = useDisplayStore((s) => s.connection);
  const down = connection === 'connecting' || connection === 'reconnecting';
  if (!demo && !down) return null;
  return (
    <div className="display-notices">
      {demo && (
        <div className="display__demo" data-testid="demo-banner" role="note">
          <Words className="display-notice__words" pick={(w) => w.demoLabel} />
        </div>
      )}
      {down && (
        <div className="display-notice" data-testid="connection-status" data-status={connection} role="status">
          <Words className="display-notice__words" pick={(w) => (connection === 'connecting' ? w.connecting : w.connectionLost)} testId="connection-words" />
        </div>
      )}
    </div>
  );
}
