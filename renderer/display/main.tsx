// Styles first, so component rules come after the base ones.
import '../shared/base.css';
import './display.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectPos } from '../api/connect';
import { syncStore } from '../shared/state/sync-store';
import { DisplayApp } from './display-app';
import { useDisplayStore } from './display-store';

// The display only reads: getSnapshot and events, never a command that acts.
const { api, connection } = connectPos();
syncStore(api, connection, useDisplayStore);

const container = document.getElementById('root');
if (container === null) throw new Error('The display page has no #root element');
createRoot(container).render(
  <StrictMode>
    <DisplayApp />
  </StrictMode>,
);
