import type { SaidFinalStatus, SaleSaid } from '../../../../app/i18n/said/sale';
import { methodOwnName } from '../../sale/method-name';
import type { SaidWordsFor } from '../said';

const name = (method: Parameters<typeof methodOwnName>[0]): string => methodOwnName(method, 'zh-Hans');

const STATUS: Readonly<Record<SaidFinalStatus, string>> = {
  paid: '已付款',
  failed: '已失败',
  expired: '已过期',
  cancelled: '已取消',
  cancelled_with_money: '已取消，所收款项须退还',
  paid_after_cancel: '在取消后已付款',
  refunded: '已退款',
};

export const zh: SaidWordsFor<SaleSaid> = {
  payment_in_progress: () => '已有一笔付款正在进行：请等待其完成，或先取消',
  payment_not_found: ({ paymentId }) => `本终端没有付款 ${paymentId}`,
  method_not_configured: ({ method }, f) => `本终端未设置付款方式 ${f.method(method)}`,
  method_refuses_currency: ({ method, currency }, f) => `${f.method(method)} 不接受 ${currency}`,
  currency_not_taken: ({ method, currency, onAccount }) => (onAccount ? `此 Opn 账户的 ${name(method)} 不接受 ${currency}` : `${name(method)} 不接受 ${currency}`),
  amount_below_minimum: ({ method, minimum }, f) => `${name(method)} 的最低付款金额为 ${f.money(minimum)}`,
  amount_above_maximum: ({ method, maximum }, f) => `${name(method)} 的最高付款金额为 ${f.money(maximum)}`,
  amount_not_positive: ({ method }) => `${name(method)} 的付款金额必须大于零`,
  payment_already_final: ({ paymentId, status }) => `付款 ${paymentId} ${STATUS[status]}`,
  still_being_created: () => '付款仍在创建中：请在二维码显示后再取消',
  still_in_progress: () => '付款仍在进行中：请先取消，再开始新的销售',
  not_simulated: () => '只有已在模拟支付商处创建的付款才能模拟',
  simulator_refused: ({ method, detail }, f) => `${f.method(method)} 模拟器拒绝了此操作：${detail}`,
};
