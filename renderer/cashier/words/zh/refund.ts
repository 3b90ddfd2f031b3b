import type { RefundWords } from '../refund';
import { zh as amountEntry } from './amount-entry';

export const zh: RefundWords = {
  paidAfterExpiry: '请求过期后才付款',

  form: {
    refund: '退款',
    noRefundsHere: (rule) => `无法通过终端退款：${rule}`,
    rule: (rule) => `退款：${rule}`,
    amountLabel: (left) => `退款金额，最多 ${left}`,
    refundAsk: '退款…',
    confirmTitle: (amount) => `退款 ${amount}？`,
    confirmAccept: (amount) => `退款 ${amount}`,
    refunding: '正在退款…',
    typeAmount: (left) => `请输入退款金额：最多 ${left}`,
    typeAbove: (zero) => `请输入大于 ${zero} 的金额`,
    moreThanLeft: (amount, left) => `${amount} 超过了可退款余额 ${left}`,
    question: (amount, total, already, method, display) =>
      `从 ${total}${already ?? ' '}中退款 ${amount} 到顾客的 ${method} 账户？${display}此操作无法撤销。`,
    alreadyRefunded: (amount) => `（已退款 ${amount}）`,
    displayShows: (words) => `顾客显示屏将显示“${words}”。`,
    displayPartial: '顾客显示屏不会改变：它只显示全额退款。',
    displayNotOnCounter: '顾客显示屏不会改变：此交易已不在柜台上。',
    refundedInFull: (amount) => `已退款 ${amount}：此付款已全额退款`,
    refundedLeft: (amount, left) => `已退款 ${amount}：仍可退款 ${left}`,
    partlyRefunded: (refunded, total) => `部分退款：${total} 中已退 ${refunded}`,
    partlyRefundedStatus: (status) => `${status}，部分退款`,
  },

  amount: amountEntry,

  moneyBack: {
    toReturn: '待退还款项',
    returned: '款项已退还',
    markReturnedAsk: '标记为已退还…',
    markReturned: '标记为已退还',
    markedReturned: '已标记为已退还',
    markReturnedTitle: '将款项标记为已退还？',
    saving: '正在保存…',
    markReturnedQuestion: (what) => `${what}是否已退还给顾客？日志会记录是您标记为已退还的，以及标记时间。此操作无法撤销。`,
    moneyReceived: '收到的款项',
    lateLabel: '逾期付款',
    lateRule: (amount) => `${amount} 在二维码过期后才到账。保留则此交易算作已付款；退款则款项退还给顾客。`,
    keep: '保留此付款',
    refundAsk: (amount) => `退款 ${amount}…`,
    useFormBelow: '如需退款，请使用下方的退款表单。',
    kept: '已保留：此付款算作已付款',
    toBeReturned: (amount) => `${amount} 须退还给顾客`,
    lateQuestion: (amount, how, outcome, display) =>
      `向顾客退款 ${amount}？${how}在此之前，此交易显示为“${outcome}”，并在日结中计为待退还款项，而非已付款。` +
      `顾客显示屏将显示“${display}”`,
  },
};
