/*
 * Dates and times inside the service's refund sentences, written as the service writes them: a time of
 * day on the 24-hour clock ("14:05"), and a date with its month spelled out in the cashier's language.
 */

/** "14:05": the hour and minute of a decision, in the host's time zone, as app/payment/money-back.ts writes it. */
export const clockTime = (at: number): string => new Intl.DateTimeFormat('en-SG', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

/** "5 March 2026" (en-SG), "5 Mac 2026" (ms-MY), "2026年3月5日" (zh-CN). */
export const longDate = (at: number, locale: string): string => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
