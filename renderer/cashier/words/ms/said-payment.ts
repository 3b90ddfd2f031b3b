import type { PaymentSaid, ProviderLinkSaid, ProviderSaid } from '../../../../app/i18n/said/payment';
import { methodOwnName } from '../../sale/method-name';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';
import { answers, named } from './said-payment-answers';


const link: SaidWordsFor<ProviderLinkSaid> = {
  no_answer: ({ provider }) => `Tiada jawapan daripada ${named(provider)} dalam masa yang ditetapkan \u2014 mencuba semula`,
  no_connection: ({ provider }) => `Tiada sambungan ke ${named(provider)} \u2014 mencuba semula`,
  slow_down: ({ provider }) => `${named(provider)} meminta terminal memperlahankan permintaan \u2014 mencuba semula`,
  provider_trouble: ({ provider, httpStatus }) =>
    `${named(provider)} sedang menghadapi masalah${httpStatus === null ? '' : ` (HTTP ${httpStatus})`} \u2014 mencuba semula`,
  unreadable_answer: ({ provider }) => `${named(provider)} menghantar jawapan yang tidak dapat dibaca oleh terminal`,
};

function linkWords(said: ProviderLinkSaid, f: SaidFormat): string {
  const wording = link[said.kind] as (said: ProviderLinkSaid, f: SaidFormat) => string;
  return wording(said, f);
}

/** What a client's error says on its own, worded alone or inside another sentence. */
const provider: SaidWordsFor<ProviderSaid> = { ...link, ...answers };

const DEMO_FAILURES = {
  payment_rejected: 'Dompet pelanggan menolak bayaran ini.',
  insufficient_funds: 'Baki dompet pelanggan tidak mencukupi.',
} as const;

const ORANGEPILL_FAILURES = {
  CANCELLED: 'Orangepill membatalkan permintaan bayaran ini',
  FAILED: 'Bayaran Orangepill gagal',
  ERROR: 'Orangepill melaporkan ralat pada bayaran ini',
} as const;

export const ms: SaidWordsFor<PaymentSaid> = {
  ...provider,
  qr_fetch_failed: ({ method, problem }, f) => `Tidak dapat mengambil gambar QR ${methodOwnName(method, 'ms')}: ${wordWithin(provider, problem, f)}`,
  cancelled_at_opn: ({ problem }, f) =>
    `${problem.kind === 'qr_fetch_failed' ? ms.qr_fetch_failed(problem, f) : wordWithin(provider, problem, f)}; caj itu telah dibatalkan di Opn`,
  cancel_not_yet: ({ problem }, f) => `Belum dapat dibatalkan: ${wordWithin(provider, problem, f)}`,
  checking_reach: () => 'Menyemak dengan penyedia sama ada jualan ini sampai kepadanya sebelum terminal dimulakan semula\u2026',
  opn_failure: ({ code, method }, f) => {
    const name = f.method(method);
    switch (code) {
      case 'payment_expired':
        return 'Kod QR tamat tempoh sebelum pelanggan membayar.';
      case 'payment_rejected':
        return `${name} menolak bayaran ini.`;
      case 'failed_processing':
        return `${name} tidak dapat memproses bayaran ini; minta pelanggan cuba lagi.`;
      case 'insufficient_balance':
        return `Akaun pelanggan tidak mempunyai wang yang cukup untuk bayaran ${name} ini; minta mereka tambah nilai atau bayar dengan cara lain.`;
      case 'payment_cancelled':
        return `Pelanggan membatalkan bayaran ${name} dalam aplikasi mereka.`;
      case 'timeout':
        return `Pelanggan tidak mengesahkan bayaran ${name} sebelum kod QR tamat tempoh.`;
      case 'invalid_account':
        return `${name} tidak menemui akaun yang sah untuk pelanggan; minta mereka semak aplikasi atau bayar dengan cara lain.`;
    }
  },
  unknown_failure_code: ({ code, method }, f) => `${f.method(method)} tidak menyelesaikan bayaran ini (${code}).`,
  demo_failure: ({ code }) => DEMO_FAILURES[code],
  demo_failure_unknown: ({ code }) => `Bayaran gagal (${code}).`,
  orangepill_failure: ({ status, reason }) => (reason === null ? `${ORANGEPILL_FAILURES[status]}.` : `${ORANGEPILL_FAILURES[status]}: ${reason}`),
  create_stopped: () => 'Terminal berhenti sebelum bayaran sempat dibuat',
  reach_unchecked: ({ problem }, f) => `Tidak dapat menyemak sama ada jualan ini sampai kepada penyedia: ${linkWords(problem, f)}`,
  marked_not_paid: ({ by, reason }) => `Ditanda tidak dibayar oleh ${by}, selepas menyemak dengan penyedia: ${reason}`,
  closed_after_part: () => 'Sebahagian bayaran telah diterima sebelum permintaan ditutup di pihak penyedia, jadi ia bukan dibayar dan bukan juga dibatalkan',
  outcome_hidden: ({ requestId, lastStatus, deleteAnswer, notFound }) =>
    `Terminal membatalkan permintaan Orangepill ${requestId} semasa statusnya ${lastStatus}: DELETE menjawab ${deleteAnswer}, ` +
    `kemudian GET menjawab 404 (${notFound}). Orangepill tidak lagi menyatakan sama ada wang diterima sejurus sebelum pembatalan; ` +
    `semak permintaan itu dalam konsol Orangepill`,
  left_open: ({ asked, received, provider }, f) => {
    const arrived =
      received === null
        ? `Sebahagian daripada ${f.money(asked)} telah diterima (jumlahnya tidak dilaporkan oleh ${named(provider)})`
        : `${f.money(received)} daripada ${f.money(asked)} telah diterima`;
    return `${arrived}: permintaan tidak dibatalkan. Tunggu baki bayaran, atau pulangkan wang melalui konsol ${named(provider)}.`;
  },
};
