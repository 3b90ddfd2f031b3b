import type { RefundSaid } from '../../../../app/i18n/said/refund';
import type { RefundRuleSaid } from '../../../../app/i18n/said/refund-rule';
import type { PaymentStatus } from '../../../../app/payment/payment';
import { assertNever } from '../../../../app/util/assert-never';
import type { SaidWordsFor } from '../said';
import { clockTime, longDate } from '../said-dates';
import { zh as history } from './history';

/** A method's refund rule, in Simplified Chinese. */
export function refundRule(said: RefundRuleSaid): string {
  switch (said.rule) {
    case 'demo_none':
      return '演示支付服务商不接受退款';
    case 'orangepill_console':
      return 'Orangepill 退款需在 Orangepill 控制台办理；Orangepill 报告退款后，终端会显示';
    case 'opn_none':
      return `${said.provider} 付款无法通过 Opn 退款：请通过银行转账退还款项`;
    case 'within_days':
      return `付款后 ${said.days} 天内可全额或部分退款`;
    case 'opn_generic':
      return `付款后 ${said.days} 天内可通过 Opn 退款，每笔付款最多 ${said.max} 次，且须 Opn 表示该 ${said.provider} 付款可以退款`;
    default:
      return assertNever(said, 'refund rule');
  }
}

/** A status as History names it: 「已付款」. */
const status = (id: string): string => `「${history.statuses[id as PaymentStatus] ?? id}」`;
const decided = (by: string | null, at: number): string => (by === null ? `于 ${clockTime(at)}` : `由 ${by} 于 ${clockTime(at)}`);
const otherWay = '请以其他方式退还款项，例如银行转账';

export const zh: SaidWordsFor<RefundSaid> = {
  at_most_left: ({ left }, f) => `此笔付款最多还可退款 ${f.money(left)}`,
  only_paid: (s) => `只有已付款的交易才能退款；此笔付款的状态为${status(s.status)}`,
  refund_currency: ({ currency }) => `请以 ${currency}（此笔付款的币种）退款`,
  no_refunds_here: ({ method, rule }, f) => `${f.label(method)} 不支持通过终端退款：${refundRule(rule)}`,
  method_rule: ({ rule }) => refundRule(rule),
  provider_says_no: ({ provider }) => `${provider} 表示此笔付款无法退款，因此终端不提供退款：${otherWay}`,
  late_whole: ({ whole }, f) => `逾期付款须全额退还：请退款 ${f.money(whole)}`,

  window_passed: ({ provider, days, paidAt }) => `${provider} 仅可在付款后 ${days} 天内退款；此笔付款的日期为 ${longDate(paidAt, 'zh-CN')}`,
  refund_limit: ({ provider, max, count }) =>
    `Opn 每笔付款最多只能退款 ${max} 次，而此笔 ${provider} 付款已退款 ${count} 次：请在 Opn 后台或通过银行转账退还余额`,
  more_than_zero: () => '退款金额必须大于零',
  opn_not_paid: ({ provider, status: said }) => `只有已付款的 ${provider} 交易才能退款；Opn 表示此笔付款的状态为「${said}」`,
  opn_not_refundable: ({ provider }) => `Opn 表示此笔 ${provider} 付款目前无法退款，因此终端没有提出退款请求：${otherWay}`,
  whole_left_only: ({ provider }) => `${provider} 只接受退还全部剩余金额`,
  opn_refund_mismatch: () => 'Opn 对此退款的回复中，扣款或金额不一致；请查看 Opn 后台',

  cancel_with_money: ({ asked, received, provider }, f) =>
    received === null
      ? `${f.money(asked)} 中已有部分款项到账（${provider} 未报告金额）。要取消交易吗？已收到的款项必须退还给顾客。`
      : `${f.money(asked)} 中已有 ${f.money(received)} 到账。要取消交易吗？这 ${f.money(received)} 必须退还给顾客。`,
  no_money_arrived: (s) => `付款 ${s.paymentId} 没有收到任何款项：其状态为${status(s.status)}`,
  rest_arrived: ({ amount }, f) => `其间余款已到账：${f.money(amount)} 已全额付清，因此交易没有取消。`,
  changed_meanwhile: (s) => `付款 ${s.paymentId} 在此期间已有变化：现在的状态为${status(s.status)}`,
  only_cancelled_with_money: (s) => `只有在款项到账后取消的交易才能标记为已退还；付款 ${s.paymentId} 的状态为${status(s.status)}`,
  already_returned: ({ received, by, at }, f) =>
    `${received === null ? '已收到的款项（金额未报告）' : `已收到的 ${f.money(received)} `}已${decided(by, at)}标记为已退还`,
  already_kept: ({ by, at }) => `此笔逾期付款已${decided(by, at)}保留`,
  only_late_kept: (s) => `只有在付款请求过期后才到账的付款才能这样保留；付款 ${s.paymentId} 的状态为${status(s.status)}`,

  park_ended: () => '此交易已经结束，无需挂起：请开始下一笔交易',
  park_already: () => '此交易已挂起：它在「需要处理」列表中',
  park_creating: () => '交易仍在创建中：请等待二维码出现或支付服务商回复',
  park_still_payable: () => '顾客仍可扫描此二维码付款，且支付服务商仍有回复：请等待结果，或取消付款',
  resolve_not_parked: () => '只有挂起的交易才能标记为已处理；请先将其挂起',
  resolve_ended: () => '此挂起交易已经结束：结果可在交易记录中查看',
  acknowledge_unknown: ({ paymentId }) => `交易 ${paymentId} 不在已有结果的挂起交易中`,
};
