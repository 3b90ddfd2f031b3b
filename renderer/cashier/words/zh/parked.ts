import type { ParkedWords } from '../parked';

export const zh: ParkedWords = {
  needsAttention: '需要处理',
  badgeLabel: (count) => `需要处理：${count} 笔挂起的交易`,
  close: '关闭 (Esc)',
  intro: '挂起的交易：在柜台无法得知其结果。系统仍会向支付服务商查询，未获回复越久，查询越少。支付服务商确认之前，一律不算已付款。',
  couldNotRead: (problem) => `无法读取挂起的交易：${problem}`,
  empty: '没有需要处理的事项：没有挂起的交易。',
  newsLabel: '已有结果的挂起交易',
  details: '详情',
  seen: '已知悉',

  card: {
    started: (time) => `开始于 ${time}`,
    parkedAt: (time) => `，挂起于 ${time}`,
    order: (ref) => `，订单 ${ref}`,
    outcomeUnknown: (lastAnswer) => `结果未知 — 目前未付款。最近回复：${lastAnswer}`,
    checkNow: '立即查询',
    checking: '正在查询…',
    markResolved: '标记为已处理…',
    reasonLabel: '未付款的原因（以支付服务商后台显示为准）；由经理决定',
    back: '返回',
    markNotPaidAsk: '标记为未付款…',
    refund: '退款',
    resolveTitle: (amount) => `将 ${amount} 标记为未付款？`,
    markNotPaid: '标记为未付款',
    marking: '正在标记…',
    resolveQuestion: (name) =>
      `${name}将以未付款结束，并记录您的原因和经理的姓名，终端将停止查询。请仅在支付服务商后台显示未付款后才这样做。`,
  },

  sale: {
    name: (id, amount) => `挂起交易 ${id}（${amount}）`,
    unknownStatus: (providerStatus) => `支付服务商返回了终端无法识别的状态（${providerStatus}）；不据此视为已付款。`,
    partArrived: (amount) => `已收到部分款项：${amount}；其余尚未收到。`,
    partArrivedUnreported: '已收到部分款项（金额未报告）；其余尚未收到。',
    notPaidYet: '支付服务商仍显示顾客尚未付款。',
    paid: (name, time, flags) => `${name}已于 ${time} 付款${flags.length === 0 ? '' : `（${flags.join('，')}）`}`,
    flagOverpaid: '多付',
    flagLate: '二维码过期后付款',
    paidAfterClosed: (name, time) => `${name}已于 ${time} 付款，但交易已关闭：请退款或保留此交易`,
    refunded: (name) => `${name}已付款，并已全额退款`,
    failed: (name, message) => `${name}失败 — 未付款：${message}`,
    expired: (name) => `${name}已过期 — 未付款`,
    cancelled: (name) => `${name}已取消 — 未付款`,
    cancelledWithMoney: (name, received) => `${name}在${received}后被取消：款项须退还`,
    received: (amount) => `收到 ${amount}`,
    receivedUnreported: '收到款项（金额未报告）',
    stillOpen: (name, lastAnswer) => `${name}仍未结束：${lastAnswer}`,
    askedJustNow: (lastAnswer) => `刚刚查询：${lastAnswer}`,
  },

  warning: {
    title: (count) => `${count} 笔挂起的交易结果未知：不计为已付款。报告将其列为“挂起，结果未知”；之后确认已付款的交易可在历史记录中查看。`,
    line: (amount, method, id, time) => `${amount} · ${method} · ${id}，开始于 ${time}`,
  },
};
