// Styles first, so component rules come after the base ones.
import '../shared/base.css';
import './cashier.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectPos } from '../api/connect';
import { syncStore } from '../shared/state/sync-store';
import { ActionsContext } from './actions-context';
import { createCashierActions } from './cashier-actions';
import { CashierApp } from './cashier-app';
import { useCashierStore } from './cashier-store';
import { startSoundCues } from './shared/sound-cues';
import { SessionContext } from './staff/session-context';
import { startStaffSession } from './staff/start-session';

const pos = connectPos();
const { api, session } = startStaffSession(pos);
syncStore(api, pos.connection, useCashierStore);
startSoundCues(useCashierStore);
const actions = createCashierActions(api);

const container = document.getElementById('root');
if (container === null) throw new Error('The cashier page has no #root element');
createRoot(container).render(
  <StrictMode>
    <ActionsContext value={actions}>
      <SessionContext value={session}>
        <CashierApp />
      </SessionContext>
    </ActionsContext>
  </StrictMode>,
);
