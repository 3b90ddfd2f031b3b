import type { CommonWords } from '../common';

const SIMULATED = 'simulasi';

export const ms: CommonWords = {
  waitingForTerminal: 'Menunggu terminal…',
  demoBanner: 'Mod demo — bayaran simulasi, tiada wang sebenar',
  appName: 'Terminal Kaunter QR',
  pageTitle: 'Juruwang — Terminal Kaunter QR',
  connection: {
    connecting: 'Menyambung ke terminal…',
    reconnecting: 'Sambungan ke terminal terputus — menyambung semula…',
    unauthorized: 'Halaman ini perlu dibuka dengan pautan yang dicetak oleh terminal (bersama tokennya)',
  },
  lostConnection: 'Sambungan ke terminal terputus',
  noAnswer: 'Terminal tidak menjawab dalam masa yang ditetapkan',
  notConnected: 'Tiada sambungan ke terminal: tunggu sehingga sambungan pulih, kemudian cuba lagi',
  couldNotReadState: (reason) => `Keadaan terminal tidak dapat dibaca: ${reason}`,
  details: 'Butiran',
  back: 'Kembali',
  confirmHint: (acceptLabel) => `Enter dan Esc untuk kembali. Untuk teruskan, ketik “${acceptLabel}”, atau Tab ke butang itu dan tekan Space.`,
  simulated: SIMULATED,
  simulatedMethod: (name) => `${name} (${SIMULATED})`,
};
