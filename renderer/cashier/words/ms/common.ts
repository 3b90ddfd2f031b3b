import type { CommonWords } from '../common';

export const ms: CommonWords = {
  waitingForTerminal: 'Menunggu terminal…',
  demoBanner: 'Mod demo — bayaran simulasi, tiada wang sebenar',
  appName: 'Terminal Kaunter QR',
};
