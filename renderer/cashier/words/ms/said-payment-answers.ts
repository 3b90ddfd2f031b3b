import { isCurrencyCode } from '../../../../app/money/currency';
import type { AnsweredAmount, ProviderAnswerSaid, RefusedKey, RejectedWhat } from '../../../../app/i18n/said/payment';
import { methodOwnName } from '../../sale/method-name';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';
import { imageReasons } from './said-payment-image';
import { ms as sale } from './said-sale';

/** The provider's name as the service gives it; only the demo's is a description, so only it is translated. */
export const named = (provider: string): string => (/^the demo provider$/i.test(provider) ? 'penyedia demo' : provider);
const name = (method: Parameters<typeof methodOwnName>[0]): string => methodOwnName(method, 'ms');

const KEY: Readonly<Record<RefusedKey, string>> = {
  secret_key: 'kunci rahsia terminal \u2014 semak kunci itu dalam tetapan',
  api_key: 'kunci API terminal \u2014 semak kunci itu dalam tetapan',
  key: 'kunci terminal',
};
const WHAT: Readonly<Record<RejectedWhat, string>> = { charge: 'caj ini', refund: 'bayaran balik ini', request: 'permintaan ini' };

function answeredWords({ minor, currency }: AnsweredAmount, f: SaidFormat): string {
  if (minor === null) return `jumlah yang tidak dinyatakan dengan jelas${currency === '' ? '' : ` (dalam ${currency})`}`;
  return isCurrencyCode(currency) ? f.money({ minor, currency }) : `${minor} unit kecil ${currency === '' ? 'mata wang yang tidak dinamakan' : currency}`;
}

function flowWords(flow: string): string {
  return flow === 'redirect' ? 'halaman bayaran yang perlu dibuka oleh pelanggan' : flow === 'app_redirect' ? 'pautan ke dalam aplikasi' : `aliran "${flow}"`;
}

const cannotTake = (method: Parameters<typeof methodOwnName>[0]): string => `jadi ${name(method)} tidak boleh diterima di kaunter ini`;

/** A provider's refusals and the answers the terminal will not use (app/i18n/said/payment-answers.ts). */
export const answers: SaidWordsFor<ProviderAnswerSaid> = {
  key_refused: ({ provider, key }) => `${named(provider)} menolak ${KEY[key]}`,
  access_refused: ({ provider, detail }) => `${named(provider)} menolak akses untuk akaun ini: ${detail}`,
  not_found: ({ provider, detail }) => `${named(provider)} tidak menemuinya: ${detail}`,
  no_such_request: ({ provider, detail }) => `${named(provider)} tiada permintaan bayaran sedemikian (${detail})`,
  provider_rejected: ({ provider, what, detail }) => `${named(provider)} menolak ${WHAT[what]}: ${detail}`,
  merchant_alias_unknown: ({ provider, alias }) => `${named(provider)} tidak mengenali alias peniaga ${alias} \u2014 semak alias itu dalam tetapan`,
  payer_alias_unknown: ({ provider, alias }) => `${named(provider)} tidak mengenali alias pembayar ${alias} \u2014 semak alias itu dengan pelanggan`,
  other_amount: ({ provider, asked, answered }, f) => `${named(provider)} menjawab untuk ${answeredWords(answered, f)}, bukan ${f.money(asked)} yang diminta`,
  opn_other_source: ({ sourceType, method }) => `Opn menjawab dengan caj ${sourceType}, bukan caj ${name(method)} yang diminta`,
  other_sale: ({ provider }) => `${named(provider)} menjawab untuk jualan lain`,
  orangepill_other_order: ({ reference }) => `Orangepill menjawab untuk pesanan lain, bukan jualan ${reference}`,
  orangepill_other_request: () => 'Orangepill menjawab dengan permintaan bayaran lain daripada yang diminta',
  orangepill_bad_qr_image: () => 'Orangepill menghantar gambar QR yang tidak dapat dibaca oleh terminal',
  orangepill_not_static: () => 'Orangepill menjawab dengan permintaan yang bukan permintaan statik kedai ini',
  qr_width: ({ min, max }) => `Lebar QR mesti nombor bulat piksel dari ${min} hingga ${max}`,
  amount_refused: ({ refusal }, f) => wordWithin(sale, refusal, f),
  qr_expiry_invalid: ({ method }) => `QR ${name(method)} tiada masa tamat tempoh yang sah`,
  qr_expiry_too_short: ({ method, minSeconds, seconds }) =>
    `QR ${name(method)} mesti sah sekurang-kurangnya ${minSeconds} saat; QR ini akan tamat tempoh dalam ${seconds} saat`,
  qr_expiry_too_long: ({ method, maxHours }) => `QR ${name(method)} boleh sah paling lama ${maxHours} jam; pilih tempoh hayat QR yang lebih pendek dalam tetapan`,
  opn_not_qr: ({ method, flow }) =>
    flow === null
      ? `Opn menjawab bayaran ${name(method)} tanpa kod QR untuk ditunjukkan, ${cannotTake(method)}`
      : `Opn menjawab bayaran ${name(method)} dengan ${flowWords(flow)}, bukan kod QR untuk ditunjukkan, ${cannotTake(method)}`,
  opn_too_many_charges: () =>
    'Opn menyimpan terlalu banyak caj terkini untuk terminal menyemak jualan ini; cari jualan itu dalam papan pemuka Opn sebelum mengenakan caj sekali lagi',
  opn_qr_missing: () => 'Opn membuat caj tanpa kod QR',
  opn_qr_elsewhere: () => 'Opn memberi alamat gambar QR di luar API Opn; terminal tidak akan menghantar kuncinya ke situ',
  opn_qr_not_image: () => 'Opn menghantar kod QR yang bukan gambar',
  opn_qr_too_large: ({ kb }) => `Gambar QR daripada Opn lebih besar daripada yang diterima oleh terminal (${kb} KB)`,
  opn_qr_refused: ({ method, reason }, f) => `Gambar QR ${name(method)} daripada Opn tidak boleh digunakan: ${wordWithin(imageReasons, reason, f)}`,
  opn_qr_svg_unread: ({ method }) => `Gambar QR ${name(method)} (SVG) tidak dapat dibaca, dan terminal tidak menunjukkan SVG seperti yang diterima`,
};
