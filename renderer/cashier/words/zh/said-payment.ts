import type { PaymentSaid } from '../../../../app/i18n/said/payment';
import type { SaidWordsFor } from '../said';

export const zh: SaidWordsFor<PaymentSaid> = {
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
};
