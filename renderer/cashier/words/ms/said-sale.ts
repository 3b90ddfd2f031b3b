import type { SaidFinalStatus, SaleSaid } from '../../../../app/i18n/said/sale';
import { methodOwnName } from '../../sale/method-name';
import type { SaidWordsFor } from '../said';

const name = (method: Parameters<typeof methodOwnName>[0]): string => methodOwnName(method, 'ms');

const STATUS: Readonly<Record<SaidFinalStatus, string>> = {
  paid: 'sudah dibayar',
  failed: 'sudah gagal',
  expired: 'sudah tamat tempoh',
  cancelled: 'sudah dibatalkan',
  cancelled_with_money: 'sudah dibatalkan, dengan wang yang diterima perlu dipulangkan',
  paid_after_cancel: 'sudah dibayar selepas dibatalkan',
  refunded: 'sudah dibayar balik',
};

export const ms: SaidWordsFor<SaleSaid> = {
  payment_in_progress: () => 'Satu bayaran sedang berjalan: tunggu sehingga selesai, atau batalkannya dahulu',
  payment_not_found: ({ paymentId }) => `Tiada bayaran ${paymentId} di terminal ini`,
  method_not_configured: ({ method }, f) => `Kaedah bayaran ${f.method(method)} tidak disediakan di terminal ini`,
  method_refuses_currency: ({ method, currency }, f) => `${f.method(method)} tidak menerima ${currency}`,
  currency_not_taken: ({ method, currency, onAccount }) => `${name(method)} tidak menerima ${currency}${onAccount ? ' bagi akaun Opn ini' : ''}`,
  amount_below_minimum: ({ method, minimum }, f) => `${name(method)} memerlukan jumlah sekurang-kurangnya ${f.money(minimum)}`,
  amount_above_maximum: ({ method, maximum }, f) => `${name(method)} hanya menerima jumlah sehingga ${f.money(maximum)}`,
  amount_not_positive: ({ method }) => `${name(method)} memerlukan jumlah lebih daripada sifar`,
  payment_already_final: ({ paymentId, status }) => `Bayaran ${paymentId} ${STATUS[status]}`,
  still_being_created: () => 'Bayaran ini masih sedang dibuat: batalkannya selepas kod QR dipaparkan',
  still_in_progress: () => 'Bayaran ini masih berjalan: batalkannya dahulu sebelum memulakan jualan baharu',
  not_simulated: () => 'Hanya bayaran yang sudah dibuat pada penyedia simulasi boleh disimulasikan',
  simulator_refused: ({ method, detail }, f) => `Simulator ${f.method(method)} menolak arahan ini: ${detail}`,
};
