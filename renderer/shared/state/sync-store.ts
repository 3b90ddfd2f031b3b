import type { StoreApi } from 'zustand';
import type { PosApi } from '../../../app/ipc/pos-api';
import type { ConnectionSource } from '../../api/connection-status';
import type { PaymentSlice } from './payment-slice';
import type { TerminalSlice } from './terminal-slice';

const SNAPSHOT_RETRY_MS = 2000;

/**
 * Wires the API into the store: events as they come, and a fresh snapshot each time the
 * connection (re)opens, so nothing missed while it was down stays missed. Returns a stop function.
 */
export function syncStore(api: PosApi, connection: ConnectionSource, store: StoreApi<TerminalSlice & PaymentSlice>): () => void {
  const state = () => store.getState();
  let retry: ReturnType<typeof setTimeout> | undefined;

  const loadSnapshot = async (): Promise<void> => {
    clearTimeout(retry);
    const result = await api.getSnapshot();
    if (!result.ok) {
      state().setHostError({ kind: 'snapshot', message: result.error.message });
      if (state().connection === 'connected') retry = setTimeout(() => void loadSnapshot(), SNAPSHOT_RETRY_MS);
      return;
    }
    const { terminal, payment, devices, lastPrint, serverTime } = result.value;
    state().setServerTime(serverTime);
    state().setTerminal(terminal);
    state().setDevices(devices);
    state().setLastPrint(lastPrint);
    state().receivePayment(payment);
    state().setHostError(null);
  };

  // Subscribe before the first snapshot so no event can fall between the two.
  const stops = [
    api.onPayment(({ payment, serverTime }) => {
      state().setServerTime(serverTime);
      state().receivePayment(payment);
    }),
    api.onTerminal((terminal) => state().setTerminal(terminal)),
    api.onDevices((devices) => state().setDevices(devices)),
    api.onPrint((print) => state().setLastPrint(print)),
    connection.onHostError((message) => state().setHostError({ kind: 'said', message })),
    connection.onConnection((status) => {
      state().setConnection(status);
      if (status === 'connected') void loadSnapshot();
    }),
  ];

  return () => {
    clearTimeout(retry);
    for (const stop of stops) stop();
  };
}
