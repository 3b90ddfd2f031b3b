import type { RefundSaid } from '../../../../app/i18n/said/refund';
import type { RefundRuleSaid } from '../../../../app/i18n/said/refund-rule';
import type { PaymentStatus } from '../../../../app/payment/payment';
import { assertNever } from '../../../../app/util/assert-never';
import type { SaidWordsFor } from '../said';
import { clockTime, longDate } from '../said-dates';
import { ms as history } from './history';

/** A method's refund rule, in Malay. */
export function refundRule(said: RefundRuleSaid): string {
  switch (said.rule) {
    case 'demo_none':
      return 'penyedia demo tidak menerima bayaran balik';
    case 'orangepill_console':
      return 'Bayaran balik Orangepill dibuat di konsol Orangepill; terminal akan menunjukkannya sebaik sahaja Orangepill melaporkannya';
    case 'opn_none':
      return `Bayaran ${said.provider} tidak boleh dibayar balik melalui Opn: pulangkan wang pelanggan melalui pindahan bank`;
    case 'within_days':
      return `Bayaran balik penuh atau sebahagian dalam tempoh ${said.days} hari selepas pembayaran`;
    case 'opn_generic':
      return `Bayaran balik melalui Opn dalam tempoh ${said.days} hari selepas pembayaran, paling banyak ${said.max} kali bagi setiap bayaran, selagi Opn menyatakan bayaran ${said.provider} itu boleh dibayar balik`;
    default:
      return assertNever(said, 'refund rule');
  }
}

/** A status as History names it, in quotes: "Telah dibayar". */
const status = (id: string): string => `"${history.statuses[id as PaymentStatus] ?? id.replace(/_/g, ' ')}"`;
const decided = (by: string | null, at: number): string => `${by === null ? '' : `oleh ${by} `}pada ${clockTime(at)}`;
const otherWay = 'pulangkan wang dengan cara lain, contohnya melalui pindahan bank';

export const ms: SaidWordsFor<RefundSaid> = {
  at_most_left: ({ left }, f) => `Paling banyak ${f.money(left)} masih boleh dibayar balik untuk bayaran ini`,
  only_paid: (s) => `Hanya bayaran yang telah dibayar boleh dibayar balik; status bayaran ini ialah ${status(s.status)}`,
  refund_currency: ({ currency }) => `Buat bayaran balik dalam ${currency}, iaitu mata wang bayaran ini`,
  no_refunds_here: ({ method, rule }, f) => `${f.label(method)} tidak menerima bayaran balik melalui terminal: ${refundRule(rule)}`,
  method_rule: ({ rule }) => refundRule(rule),
  provider_says_no: ({ provider }) => `${provider} menyatakan bayaran ini tidak boleh dibayar balik, jadi terminal tidak menawarkan bayaran balik: ${otherWay}`,
  late_whole: ({ whole }, f) => `Bayaran lewat dipulangkan sepenuhnya: buat bayaran balik sebanyak ${f.money(whole)}`,

  window_passed: ({ provider, days, paidAt }) =>
    `Bayaran balik ${provider} hanya boleh dibuat dalam tempoh ${days} hari selepas pembayaran; bayaran ini dibuat pada ${longDate(paidAt, 'ms-MY')}`,
  refund_limit: ({ provider, max, count }) =>
    `Opn membenarkan paling banyak ${max} bayaran balik bagi satu bayaran, dan bayaran ${provider} ini sudah dibayar balik ${count} kali: pulangkan bakinya melalui papan pemuka Opn atau pindahan bank`,
  more_than_zero: () => 'Jumlah bayaran balik mesti lebih daripada sifar',
  opn_not_paid: ({ provider, status: said }) => `Hanya bayaran ${provider} yang telah dibayar boleh dibayar balik; menurut Opn, status bayaran ini ialah "${said}"`,
  opn_not_refundable: ({ provider }) => `Opn menyatakan bayaran ${provider} ini tidak boleh dibayar balik sekarang, jadi terminal tidak memintanya: ${otherWay}`,
  whole_left_only: ({ provider }) => `${provider} hanya menerima bayaran balik bagi keseluruhan baki`,
  opn_refund_mismatch: () => 'Opn menjawab bayaran balik ini dengan caj atau jumlah yang berbeza; sila semak papan pemuka Opn',

  cancel_with_money: ({ asked, received, provider }, f) =>
    received === null
      ? `Sebahagian daripada ${f.money(asked)} telah diterima (jumlahnya tidak dilaporkan oleh ${provider}). Batalkan jualan? Wang yang diterima mesti dipulangkan kepada pelanggan.`
      : `${f.money(received)} daripada ${f.money(asked)} telah diterima. Batalkan jualan? Wang ${f.money(received)} itu mesti dipulangkan kepada pelanggan.`,
  no_money_arrived: (s) => `Tiada wang diterima bagi bayaran ${s.paymentId}: statusnya ${status(s.status)}`,
  rest_arrived: ({ amount }, f) => `Bakinya diterima sementara itu: ${f.money(amount)} telah dibayar sepenuhnya, jadi jualan tidak dibatalkan.`,
  changed_meanwhile: (s) => `Bayaran ${s.paymentId} telah berubah sementara itu: statusnya kini ${status(s.status)}`,
  only_cancelled_with_money: (s) =>
    `Hanya jualan yang dibatalkan selepas wang diterima boleh ditandakan dipulangkan; status bayaran ${s.paymentId} ialah ${status(s.status)}`,
  already_returned: ({ received, by, at }, f) =>
    `${received === null ? 'Wang yang diterima (jumlah tidak dilaporkan)' : `Wang ${f.money(received)} yang diterima`} sudah ditandakan dipulangkan ${decided(by, at)}`,
  already_kept: ({ by, at }) => `Bayaran lewat ini sudah disimpan ${decided(by, at)}`,
  only_late_kept: (s) =>
    `Hanya bayaran yang diterima selepas permintaannya tamat tempoh boleh disimpan dengan cara ini; status bayaran ${s.paymentId} ialah ${status(s.status)}`,

  park_ended: () => 'Jualan ini sudah tamat, jadi tiada apa-apa untuk ditangguhkan: mulakan jualan seterusnya',
  park_already: () => 'Jualan ini sudah ditangguhkan: ia ada dalam senarai Perlu perhatian',
  park_creating: () => 'Jualan ini masih sedang dibuat: tunggu QR dipaparkan atau penyedia menjawab',
  park_still_payable: () => 'Pelanggan masih boleh membayar dengan QR ini dan penyedia masih menjawab: tunggu keputusannya, atau batalkan bayaran',
  resolve_not_parked: () => 'Hanya jualan yang ditangguhkan boleh ditandakan selesai; tangguhkan jualan ini dahulu',
  resolve_ended: () => 'Jualan yang ditangguhkan ini sudah tamat: keputusannya ada dalam Sejarah',
  acknowledge_unknown: ({ paymentId }) => `Jualan ${paymentId} tiada dalam senarai jualan ditangguhkan yang sudah tamat`,
};
