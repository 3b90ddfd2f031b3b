import type { DisplayCatalog } from './display-catalog';
import type { Language } from './languages';

// The English texts are the ones the providers' methods and the tests already use: keep them in step.
const en: DisplayCatalog = {
  welcome: 'Welcome',
  preparingQr: 'Preparing your QR code…',
  pleaseWait: 'Please wait…',
  cashierChecking: 'One moment — the cashier is checking your payment',
  stillToPay: 'Still to pay',
  partPaymentArrived: 'Part of your payment has arrived',
  thankYou: 'Thank you',
  paymentReceived: 'Payment received',
  paymentNotCompleted: 'Payment not completed',
  askCashier: 'Please ask the cashier',
  qrExpired: 'The QR code has expired',
  qrExpiredSeeCashier: 'This QR has expired — please see the cashier',
  paymentCancelled: 'Payment cancelled',
  paymentRefunded: 'Payment refunded',
  scanToPay: 'Scan the QR code to pay',
  demoLabel: 'DEMO — no real money',
  expiresIn: (time) => `QR code expires in ${time}`,
  qrTitle: (amount) => `QR code to pay ${amount}`,
  instructions: {
    demo: 'Scan to pay (demo: no real money)',
    atome: 'Scan with the Atome app',
    orangepill: 'Scan to pay with Orangepill',
  },
};

const ms: DisplayCatalog = {
  welcome: 'Selamat datang',
  preparingQr: 'Kod QR anda sedang disediakan…',
  pleaseWait: 'Sila tunggu…',
  cashierChecking: 'Sebentar — juruwang sedang menyemak bayaran anda',
  stillToPay: 'Baki perlu dibayar',
  partPaymentArrived: 'Sebahagian bayaran anda telah diterima',
  thankYou: 'Terima kasih',
  paymentReceived: 'Bayaran diterima',
  paymentNotCompleted: 'Bayaran tidak berjaya',
  askCashier: 'Sila rujuk juruwang',
  qrExpired: 'Kod QR telah tamat tempoh',
  qrExpiredSeeCashier: 'Kod QR ini telah tamat tempoh — sila berjumpa juruwang',
  paymentCancelled: 'Bayaran dibatalkan',
  paymentRefunded: 'Bayaran telah dipulangkan',
  scanToPay: 'Imbas kod QR untuk membayar',
  demoLabel: 'DEMO — bukan wang sebenar',
  expiresIn: (time) => `Kod QR tamat tempoh dalam ${time}`,
  qrTitle: (amount) => `Kod QR untuk membayar ${amount}`,
  instructions: {
    demo: 'Imbas untuk membayar (demo: bukan wang sebenar)',
    atome: 'Imbas dengan aplikasi Atome',
    orangepill: 'Imbas untuk membayar dengan Orangepill',
  },
};

const zhHans: DisplayCatalog = {
  welcome: '欢迎光临',
  preparingQr: '正在生成付款二维码…',
  pleaseWait: '请稍候…',
  cashierChecking: '请稍候，收银员正在核对您的付款',
  stillToPay: '尚需支付',
  partPaymentArrived: '已收到您的部分付款',
  thankYou: '谢谢惠顾',
  paymentReceived: '已收到付款',
  paymentNotCompleted: '付款未完成',
  askCashier: '请咨询收银员',
  qrExpired: '二维码已过期',
  qrExpiredSeeCashier: '此二维码已过期，请联系收银员',
  paymentCancelled: '付款已取消',
  paymentRefunded: '款项已退回',
  scanToPay: '请扫描二维码付款',
  demoLabel: '演示模式 — 不涉及真实付款',
  expiresIn: (time) => `二维码将在 ${time} 后失效`,
  qrTitle: (amount) => `支付 ${amount} 的二维码`,
  instructions: {
    demo: '扫码付款（演示：不涉及真实付款）',
    atome: '请使用 Atome 应用扫码',
    orangepill: '请使用 Orangepill 扫码付款',
  },
};

export const DISPLAY_CATALOGS: Readonly<Record<Language, DisplayCatalog>> = { en, ms, 'zh-Hans': zhHans };
