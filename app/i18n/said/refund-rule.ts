/**
 * A method's refund rule as what it says (its English sentence is the method's `refunds.rule`).
 * `provider` is the method's own name as the cashier knows it ("Atome", "PromptPay").
 */
export type RefundRuleSaid =
  /** The demo provider takes no refunds. */
  | { readonly rule: 'demo_none' }
  /** Orangepill refunds are made in its console; the terminal shows one once Orangepill reports it. */
  | { readonly rule: 'orangepill_console' }
  /** Opn cannot refund this method's payments (PromptPay): the money goes back by bank transfer. */
  | { readonly rule: 'opn_none'; readonly provider: string }
  /** Full or partial refunds within `days` of the payment (Atome's 60). */
  | { readonly rule: 'within_days'; readonly days: number }
  /** Opn's own rule: within `days`, at most `max` refunds per payment, while Opn says it can be refunded. */
  | { readonly rule: 'opn_generic'; readonly days: number; readonly max: number; readonly provider: string };
