import { isCurrencyCode } from '../../../../app/money/currency';
import type { AnsweredAmount, ProviderAnswerSaid, RefusedKey, RejectedWhat } from '../../../../app/i18n/said/payment';
import { methodOwnName } from '../../sale/method-name';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';
import { imageReasons } from './said-payment-image';
import { en as sale } from './said-sale';

const name = (method: Parameters<typeof methodOwnName>[0]): string => methodOwnName(method, 'en');
/** "An Atome QR", "A PromptPay QR". */
const aQr = (method: Parameters<typeof methodOwnName>[0]): string => `${/^[AEIOU]/i.test(name(method)) ? 'An' : 'A'} ${name(method)} QR`;

const KEY: Readonly<Record<RefusedKey, string>> = {
  secret_key: 'secret key \u2014 check it in settings',
  api_key: 'API key \u2014 check it in settings',
  key: 'key',
};
const WHAT: Readonly<Record<RejectedWhat, string>> = { charge: 'the charge', refund: 'the refund', request: 'the request' };

function answeredWords({ minor, currency }: AnsweredAmount, f: SaidFormat): string {
  if (minor === null) return `no amount it states clearly${currency === '' ? '' : ` (in ${currency})`}`;
  return isCurrencyCode(currency) ? f.money({ minor, currency }) : `${minor} minor units of ${currency === '' ? 'an unnamed currency' : currency}`;
}

function flowWords(flow: string): string {
  return flow === 'redirect' ? 'a payment page the customer must open' : flow === 'app_redirect' ? 'a link into an app' : `a "${flow}" flow`;
}

/** A provider's refusals and the answers the terminal will not use (app/i18n/said/payment-answers.ts). */
export const answers: SaidWordsFor<ProviderAnswerSaid> = {
  key_refused: ({ provider, key }) => `${provider} refused the terminal's ${KEY[key]}`,
  access_refused: ({ provider, detail }) => `${provider} refused access for this account: ${detail}`,
  not_found: ({ provider, detail }) => `${provider} could not find it: ${detail}`,
  no_such_request: ({ provider, detail }) => `${provider} has no such payment request (${detail})`,
  provider_rejected: ({ provider, what, detail }) => `${provider} rejected ${WHAT[what]}: ${detail}`,
  merchant_alias_unknown: ({ provider, alias }) => `${provider} does not know the merchant alias ${alias} \u2014 check it in settings`,
  payer_alias_unknown: ({ provider, alias }) => `${provider} does not know the payer alias ${alias} \u2014 check it with the customer`,
  other_amount: ({ provider, asked, answered }, f) => `${provider} answered for ${answeredWords(answered, f)}, not the ${f.money(asked)} asked`,
  opn_other_source: ({ sourceType, method }) => `Opn answered with a ${sourceType} charge, not the ${name(method)} charge asked`,
  other_sale: ({ provider }) => `${provider} answered for another sale`,
  orangepill_other_order: ({ reference }) => `Orangepill answered for another order, not sale ${reference}`,
  orangepill_other_request: () => 'Orangepill sent another payment request the terminal cannot read',
  orangepill_bad_qr_image: () => 'Orangepill sent a QR image the terminal cannot read',
  orangepill_not_static: () => "Orangepill answered with a request that is not the shop's static one",
  qr_width: ({ min, max }) => `QR width must be a whole number of pixels from ${min} to ${max}`,
  amount_refused: ({ refusal }, f) => wordWithin(sale, refusal, f),
  qr_expiry_invalid: ({ method }) => `The ${name(method)} QR has no valid expiry time`,
  qr_expiry_too_short: ({ method, minSeconds, seconds }) => `${aQr(method)} must stay valid for at least ${minSeconds} seconds; this one would expire in ${seconds} s`,
  qr_expiry_too_long: ({ method, maxHours }) => `${aQr(method)} can stay valid for at most ${maxHours} hours; choose a shorter QR lifetime in settings`,
  opn_not_qr: ({ method, flow }) =>
    flow === null
      ? `Opn answered the ${name(method)} payment without a QR code to show, so ${name(method)} cannot be taken at this counter`
      : `Opn answered the ${name(method)} payment with ${flowWords(flow)}, not a QR code to show, so ${name(method)} cannot be taken at this counter`,
  opn_too_many_charges: () => 'Opn holds too many recent charges for the terminal to check this sale; look for it in the Opn dashboard before charging again',
  opn_qr_missing: () => 'Opn created the charge without a QR code',
  opn_qr_elsewhere: () => 'Opn gave a QR image address outside its API; the terminal will not send its key there',
  opn_qr_not_image: () => 'Opn sent a QR code that is not an image',
  opn_qr_too_large: ({ kb }) => `Opn's QR image is larger than the terminal accepts (${kb} KB)`,
  opn_qr_refused: ({ method, reason }, f) => {
    const why = wordWithin(imageReasons, reason, f);
    return why.startsWith('The ') ? `Opn's ${name(method)} ${why.slice(4)}` : `Opn's ${name(method)} QR image cannot be used: ${why}`;
  },
  opn_qr_svg_unread: ({ method }) => `The ${name(method)} QR image (SVG) could not be read, and the terminal does not show SVG as it came`,
};
