import type { PaymentWords } from '../payment';

const notReported = (provider: string): string => `${provider} 未报告金额`;
const markReturned = '然后在此按“标记为已退还”。';

/** "退还 SGD 10.00", or the money paid when the terminal was not told how much. */
const giveBack = (amount: string | null): string => (amount === null ? '退还其已付的款项（终端未获知金额）' : `退还 ${amount}`);

export const zh: PaymentWords = {
  providerHistory: '支付服务商记录',
  theProvider: '支付服务商',
  requestedBy: (client, amount) => `${client} 请求收款 \u2014 ${amount}`,
  posOffer: { choose: '请选择顾客的付款方式：', order: (reference) => `订单 ${reference}`, decline: '拒绝' },
  notReported,

  status: {
    creating: '正在创建付款…',
    awaiting: '等待顾客扫码付款',
    cancelling: '正在取消…',
    cancellingDetail: '支付服务商确认前，付款仍可能完成',
    unknown: (providerStatus) => `支付服务商返回未知状态：${providerStatus} — 未付款`,
    stillChecking: '仍在向支付服务商核实…',
    needsAttention: '需要处理 — 付款未确认',
    needsAttentionDetail: (reason) => `${reason}。交货前请先向支付服务商核实付款；终端会继续核查。`,
    partlyPaid: '已部分付款',
    partlyPaidDetail: (by) => `${by === null ? '' : `已收到部分付款（${notReported(by)}）。`}顾客仍可支付余款，或取消付款`,
    paid: '已付款',
    paidOverpaid: '已付款 — 多付',
    paidLate: '逾期付款 — 保留或退款',
    paidOverpaidLate: '已付款 — 多付且逾期 — 保留或退款',
    paidLateDetail: '顾客在付款请求过期后才付款。可保留这笔付款（计为已付款），或退款。',
    keptLate: (decision) => `请求过期后才付款；${decision} 确认保留`,
    failed: '付款失败',
    expired: '已过期 — 未付款',
    expiredDetail: '顾客付款前二维码已过期',
    cancelled: '已取消 — 未付款',
    paidAfterCancel: '取消后已付款 — 退款或保留',
    paidAfterCancelDetail: '交易取消后顾客才付款：请退款或保留这笔交易',
    refunded: '已全额退款',
  },

  moneyBack: {
    title: (received, returned) => `已取消 — ${received === null ? '已收到款项（金额未报告）' : `已收到 ${received}`}，${returned ? '已退还' : '待退还'}`,
    toGiveBack: (received) => `${received === null ? '已收到的款项（金额未报告）' : `已收到的 ${received} `}必须退还给顾客；退还后请标记为已退还。`,
    markedReturned: (decision) => `${decision} 标记为已退还`,
    decision: (by, time) => (by === null ? `于 ${time}` : `由 ${by} 于 ${time}`),
    orangepill: (requestId, orderId, amount) =>
      `Orangepill 退款需在 Orangepill 控制台办理：打开付款请求 ${requestId ?? '（无请求编号）'}（订单 ${orderId}），` +
      `核对到账款项，并向付款人${giveBack(amount)}。${markReturned}`,
    atome: (amount, chargeId) => `请在 Opn 后台向顾客${giveBack(amount)}（扣款编号 ${chargeId ?? '未知'}），${markReturned}`,
    demo: (amount) => `演示：没有真实资金流动。请照常向顾客${giveBack(amount)}，${markReturned}`,
  },

  cancelQuestion: {
    title: '取消交易？已收到款项',
    question: (asked, received, provider) =>
      received === null
        ? `${asked} 中已有部分款项到账（${notReported(provider)}）。要取消交易吗？已收到的款项必须退还给顾客。`
        : `${asked} 中已收到 ${received}。要取消交易吗？这 ${received} 必须退还给顾客。`,
    accept: (received) => (received === null ? '取消交易，需退还款项' : `取消，需退还 ${received}`),
  },

  details: {
    amount: '金额',
    received: '已收金额',
    outstanding: '尚欠金额',
    method: '付款方式',
    orderNo: '订单号',
    customerAlias: '顾客别名',
    ourReference: '我方参考号',
    providerReference: '服务商参考号',
    expiresIn: '剩余时间',
  },

  money: {
    overpaidBy: (received, gap) => `已付款 — 多付：收到 ${received}（比应付多 ${gap}）`,
    underpaidBy: (received, gap) => `已付款 — 收到 ${received}（比应付少 ${gap}）`,
    overpaidNoAmount: '已付款 — 多付：到账金额超过应付金额',
  },

  actions: {
    cancelPayment: '取消付款 (Esc)',
    chargeAgain: '再次收款',
    newSale: '新交易 (Enter)',
    refund: '退款',
  },

  park: {
    qrExpired: (time, provider) => `二维码已于 ${time} 过期：顾客显示屏已撤下二维码，仍在向 ${provider} 核实结果。`,
    why: '目前无法得知结果。挂起此交易即可处理下一笔：它会转到“需要处理”，并继续在后台核查。',
    parking: '正在挂起…',
    parkSale: '挂起此交易',
  },

  trail: {
    details: '详情',
    waiting: '等待付款',
    inProgress: '付款处理中',
    paid: '已付款',
    overpaid: '已付款，超过应付金额',
    late: '逾期付款（请求过期后才付款）',
    partlyPaid: '已部分付款',
    cancelled: '已取消',
    failed: '付款失败',
    error: 'Orangepill 报告错误',
    refunding: '退款中',
    refunded: '已退款',
    unknown: (status) => `终端无法识别的 Orangepill 状态：${status}`,
  },

  demo: {
    group: '演示控制',
    failureToSimulate: '要模拟的失败原因',
    paid: '模拟已付款',
    failed: '模拟付款失败',
    expired: '模拟过期',
    partial: '模拟部分付款',
    overpaid: '模拟多付',
    late: '模拟逾期付款',
    error: '模拟错误',
  },
};
