import type { CommonWords } from '../common';

const SIMULATED = 'simulated';

export const en: CommonWords = {
  waitingForTerminal: 'Waiting for the terminal…',
  demoBanner: 'Demo mode — simulated payments, no real money',
  appName: 'QR Counter Terminal',
  pageTitle: 'Cashier — QR Counter Terminal',
  connection: {
    connecting: 'Connecting to the terminal…',
    reconnecting: 'Connection to the terminal lost — reconnecting…',
    unauthorized: 'This page needs the link printed by the terminal (with its token)',
  },
  lostConnection: 'Lost connection to the terminal',
  noAnswer: 'The terminal did not answer in time',
  notConnected: 'Not connected to the terminal: wait for the connection to come back and try again',
  couldNotReadState: (reason) => `Could not read the terminal's state: ${reason}`,
  details: 'Details',
  back: 'Back',
  confirmHint: (acceptLabel) => `Enter and Esc go back. To go ahead, tap “${acceptLabel}”, or Tab to it and press Space.`,
  simulated: SIMULATED,
  simulatedMethod: (name) => `${name} (${SIMULATED})`,
};
