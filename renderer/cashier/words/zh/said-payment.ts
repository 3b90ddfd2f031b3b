import type { PaymentSaid, ProviderLinkSaid, ProviderSaid } from '../../../../app/i18n/said/payment';
import { methodOwnName } from '../../sale/method-name';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';
import { answers, named } from './said-payment-answers';


const link: SaidWordsFor<ProviderLinkSaid> = {
  no_answer: ({ provider }) => `${named(provider)} 未及时回复 \u2014 正在重试`,
  no_connection: ({ provider }) => `无法连接 ${named(provider)} \u2014 正在重试`,
  slow_down: ({ provider }) => `${named(provider)} 要求终端放慢请求 \u2014 正在重试`,
  provider_trouble: ({ provider, httpStatus }) => `${named(provider)} 出现故障${httpStatus === null ? '' : `（HTTP ${httpStatus}）`} \u2014 正在重试`,
  unreadable_answer: ({ provider }) => `${named(provider)} 发送了终端无法读取的回复`,
};

function linkWords(said: ProviderLinkSaid, f: SaidFormat): string {
  const wording = link[said.kind] as (said: ProviderLinkSaid, f: SaidFormat) => string;
  return wording(said, f);
}

/** What a client's error says on its own, worded alone or inside another sentence. */
const provider: SaidWordsFor<ProviderSaid> = { ...link, ...answers };

const DEMO_FAILURES = {
  payment_rejected: '顾客的钱包拒绝了这笔付款。',
  insufficient_funds: '顾客的钱包余额不足。',
} as const;

const ORANGEPILL_FAILURES = {
  CANCELLED: 'Orangepill 取消了这笔付款请求',
  FAILED: 'Orangepill 付款失败',
  ERROR: 'Orangepill 报告这笔付款出错',
} as const;

export const zh: SaidWordsFor<PaymentSaid> = {
  ...provider,
  qr_fetch_failed: ({ method, problem }, f) => `无法获取 ${methodOwnName(method, 'zh-Hans')} 二维码图片：${wordWithin(provider, problem, f)}`,
  cancelled_at_opn: ({ problem }, f) =>
    `${problem.kind === 'qr_fetch_failed' ? zh.qr_fetch_failed(problem, f) : wordWithin(provider, problem, f)}；该扣款已在 Opn 取消`,
  cancel_not_yet: ({ problem }, f) => `暂时无法取消：${wordWithin(provider, problem, f)}`,
  checking_reach: () => '正在向支付服务商确认这笔销售在重启前是否已送达\u2026',
  opn_failure: ({ code, method }, f) => {
    const name = f.method(method);
    switch (code) {
      case 'payment_expired':
        return '二维码在顾客付款前已过期。';
      case 'payment_rejected':
        return `${name} 拒绝了这笔付款。`;
      case 'failed_processing':
        return `${name} 无法处理这笔付款；请顾客再试一次。`;
      case 'insufficient_balance':
        return `顾客账户余额不足以支付这笔 ${name} 付款；请顾客充值或改用其他方式付款。`;
      case 'payment_cancelled':
        return `顾客在其应用中取消了这笔 ${name} 付款。`;
      case 'timeout':
        return `顾客未在二维码过期前确认这笔 ${name} 付款。`;
      case 'invalid_account':
        return `${name} 未找到顾客的有效账户；请顾客检查其应用或改用其他方式付款。`;
    }
  },
  unknown_failure_code: ({ code, method }, f) => `${f.method(method)} 未完成这笔付款（${code}）。`,
  demo_failure: ({ code }) => DEMO_FAILURES[code],
  demo_failure_unknown: ({ code }) => `付款失败（${code}）。`,
  orangepill_failure: ({ status, reason }) => (reason === null ? `${ORANGEPILL_FAILURES[status]}。` : `${ORANGEPILL_FAILURES[status]}：${reason}`),
  create_stopped: () => '终端在付款创建前已停止',
  reach_unchecked: ({ problem }, f) => `无法确认这笔销售是否已送达支付服务商：${linkWords(problem, f)}`,
  marked_not_paid: ({ by, reason }) => `已由 ${by} 向支付服务商核实后标记为未付款：${reason}`,
  closed_after_part: () => '支付服务商关闭请求前已收到部分付款，因此既不算已付款，也不算已取消',
  outcome_hidden: ({ requestId, lastStatus, deleteAnswer, notFound }) =>
    `终端在 Orangepill 请求 ${requestId} 处于 ${lastStatus} 状态时将其取消：DELETE 回复 ${deleteAnswer}，随后 GET 回复 404（${notFound}）。` +
    `Orangepill 已不再说明取消前是否刚好有款项到账；请在 Orangepill 控制台中核查该请求`,
  left_open: ({ asked, received, provider }, f) => {
    const arrived = received === null ? `${f.money(asked)} 中已有部分款项到账（${named(provider)} 未报告金额）` : `${f.money(asked)} 中已有 ${f.money(received)} 到账`;
    return `${arrived}：请求未被取消。请等待余款，或通过 ${named(provider)} 控制台退还款项。`;
  },
};
