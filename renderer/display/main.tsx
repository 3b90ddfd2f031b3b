// Styles first, so component rules come after the base ones.
import '../shared/base.css';
import './display.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectPos, readToken } from '../api/connect';
import { syncStore } from '../shared/state/sync-store';
import { DisplayApp } from './display-app';
import { useDisplayStore } from './display-store';
import { forgetToken, keptToken } from './kept-token';
import { PairingApp } from './pairing-app';

const container = document.getElementById('root');
if (container === null) throw new Error('The display page has no #root element');
const root = createRoot(container);

const kept = keptToken();
if (window.pos === undefined && readToken(location.search) === null && kept === null) {
  // No printed link and no token of its own: a tablet to be paired.
  root.render(
    <StrictMode>
      <PairingApp />
    </StrictMode>,
  );
} else {
  // The display only reads: getSnapshot and events, never a command that acts.
  const { api, connection } = connectPos(kept);
  if (readToken(location.search) === null && kept !== null) {
    // Its own token refused (unpaired from the Devices panel): forget it and pair again.
    connection.onConnection((status) => {
      if (status !== 'unauthorized') return;
      forgetToken();
      location.replace(location.pathname);
    });
  }
  syncStore(api, connection, useDisplayStore);
  root.render(
    <StrictMode>
      <DisplayApp />
    </StrictMode>,
  );
}
