import { isCurrencyCode } from '../../../../app/money/currency';
import type { AnsweredAmount, ProviderAnswerSaid, RefusedKey, RejectedWhat } from '../../../../app/i18n/said/payment';
import { methodOwnName } from '../../sale/method-name';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';
import { imageReasons } from './said-payment-image';
import { zh as sale } from './said-sale';

/** The provider's name as the service gives it; only the demo's is a description, so only it is translated. */
export const named = (provider: string): string => (/^the demo provider$/i.test(provider) ? '演示支付服务商' : provider);
const name = (method: Parameters<typeof methodOwnName>[0]): string => methodOwnName(method, 'zh-Hans');

const KEY: Readonly<Record<RefusedKey, string>> = {
  secret_key: '拒绝了终端的私密密钥 \u2014 请在设置中检查',
  api_key: '拒绝了终端的 API 密钥 \u2014 请在设置中检查',
  key: '拒绝了终端的密钥',
};
const WHAT: Readonly<Record<RejectedWhat, string>> = { charge: '这笔扣款', refund: '这笔退款', request: '该请求' };

function answeredWords({ minor, currency }: AnsweredAmount, f: SaidFormat): string {
  if (minor === null) return `未明确说明的金额${currency === '' ? '' : `（${currency}）`}`;
  return isCurrencyCode(currency) ? f.money({ minor, currency }) : `${minor} 个${currency === '' ? '未注明币种的' : ` ${currency} `}最小货币单位`;
}

function flowWords(flow: string): string {
  return flow === 'redirect' ? '需要顾客打开的付款页面' : flow === 'app_redirect' ? '跳转到应用的链接' : `“${flow}”流程`;
}

/** A provider's refusals and the answers the terminal will not use (app/i18n/said/payment-answers.ts). */
export const answers: SaidWordsFor<ProviderAnswerSaid> = {
  key_refused: ({ provider, key }) => `${named(provider)} ${KEY[key]}`,
  access_refused: ({ provider, detail }) => `${named(provider)} 拒绝此账户访问：${detail}`,
  not_found: ({ provider, detail }) => `${named(provider)} 找不到该项：${detail}`,
  no_such_request: ({ provider, detail }) => `${named(provider)} 没有这笔付款请求（${detail}）`,
  provider_rejected: ({ provider, what, detail }) => `${named(provider)} 拒绝了${WHAT[what]}：${detail}`,
  merchant_alias_unknown: ({ provider, alias }) => `${named(provider)} 不认识商户别名 ${alias} \u2014 请在设置中检查`,
  payer_alias_unknown: ({ provider, alias }) => `${named(provider)} 不认识付款人别名 ${alias} \u2014 请与顾客核对`,
  other_amount: ({ provider, asked, answered }, f) => `${named(provider)} 回复的金额为 ${answeredWords(answered, f)}，而不是所要求的 ${f.money(asked)}`,
  opn_other_source: ({ sourceType, method }) => `Opn 回复的是 ${sourceType} 扣款，而不是所要求的 ${name(method)} 扣款`,
  other_sale: ({ provider }) => `${named(provider)} 回复的是另一笔销售`,
  orangepill_other_order: ({ reference }) => `Orangepill 回复的是另一个订单，而不是销售 ${reference}`,
  orangepill_other_request: () => 'Orangepill 回复的是另一笔付款请求，而不是所要求的那笔',
  orangepill_bad_qr_image: () => 'Orangepill 发送了终端无法读取的二维码图片',
  orangepill_not_static: () => 'Orangepill 回复的请求不是本店的固定收款请求',
  qr_width: ({ min, max }) => `二维码宽度必须是 ${min} 到 ${max} 之间的整数像素`,
  amount_refused: ({ refusal }, f) => wordWithin(sale, refusal, f),
  qr_expiry_invalid: ({ method }) => `${name(method)} 二维码没有有效的过期时间`,
  qr_expiry_too_short: ({ method, minSeconds, seconds }) => `${name(method)} 二维码的有效期至少为 ${minSeconds} 秒；这个二维码将在 ${seconds} 秒后过期`,
  qr_expiry_too_long: ({ method, maxHours }) => `${name(method)} 二维码的有效期最长为 ${maxHours} 小时；请在设置中选择更短的二维码有效期`,
  opn_not_qr: ({ method, flow }) =>
    flow === null
      ? `Opn 对这笔 ${name(method)} 付款的回复中没有可显示的二维码，因此本柜台无法收取 ${name(method)}`
      : `Opn 对这笔 ${name(method)} 付款回复的是${flowWords(flow)}，而不是可显示的二维码，因此本柜台无法收取 ${name(method)}`,
  opn_too_many_charges: () => 'Opn 近期的扣款太多，终端无法核查这笔销售；再次收款前，请先在 Opn 后台查找这笔销售',
  opn_qr_missing: () => 'Opn 创建的扣款没有二维码',
  opn_qr_elsewhere: () => 'Opn 给出的二维码图片地址不在其 API 范围内；终端不会把密钥发送到那里',
  opn_qr_not_image: () => 'Opn 发送的二维码不是图片',
  opn_qr_too_large: ({ kb }) => `Opn 的二维码图片超出终端可接受的大小（${kb} KB）`,
  opn_qr_refused: ({ method, reason }, f) => `Opn 的 ${name(method)} 二维码图片无法使用：${wordWithin(imageReasons, reason, f)}`,
  opn_qr_svg_unread: ({ method }) => `无法读取 ${name(method)} 二维码图片（SVG），而终端不会原样显示 SVG`,
};
