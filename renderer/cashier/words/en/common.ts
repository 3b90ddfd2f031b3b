import type { CommonWords } from '../common';

export const en: CommonWords = {
  waitingForTerminal: 'Waiting for the terminal…',
  demoBanner: 'Demo mode — simulated payments, no real money',
  appName: 'QR Counter Terminal',
};
