import type { TerminalInfo } from '../../../app/ipc/contract';
import type { CurrencyCode } from '../../../app/money/currency';
import type { MethodId, MethodInfo } from '../../../app/payment/method';
import { DEMO_METHOD } from '../../../app/providers/demo/demo-method';
import { isOpnMethodId, OPN_METHODS } from '../../../app/providers/opn/opn-methods';
import { orangepillMethodInfo } from '../../../app/providers/orangepill/orangepill-method';
import { assertNever } from '../../../app/util/assert-never';
import { findMethod } from '../../shared/payment-figures';
import type { CommonWords } from '../words/common';

/** Every currency some method accepts, in the order the methods list them. */
export function terminalCurrencies(terminal: TerminalInfo): readonly CurrencyCode[] {
  return [...new Set(terminal.methods.flatMap((m) => m.currencies))];
}

export function defaultCurrency(terminal: TerminalInfo): CurrencyCode | null {
  const currencies = terminalCurrencies(terminal);
  return currencies.includes(terminal.defaultCurrency) ? terminal.defaultCurrency : (currencies[0] ?? null);
}

export function methodsFor(terminal: TerminalInfo, code: CurrencyCode): readonly MethodInfo[] {
  return terminal.methods.filter((m) => m.currencies.includes(code));
}

/** Keeps the chosen method if it takes the currency, otherwise the first one that does. */
export function pickMethod(terminal: TerminalInfo, code: CurrencyCode, current: MethodId | null): MethodId | null {
  const methods = methodsFor(terminal, code);
  return methods.find((m) => m.id === current)?.id ?? methods[0]?.id ?? null;
}

/**
 * The method's name on the cashier screen, in its language: the brand, with the language's marker when
 * it runs on the demo's simulator ("PayNow (simulated)", "PayNow (simulasi)", "PayNow（模拟）"; issue 18);
 * the terminal's English `label` stays for logs and the API. For a method it no longer offers (gone from
 * the Opn account, a provider's key removed), its own name still, never the raw id: "TrueMoney", not "truemoney".
 */
export function methodLabel(terminal: TerminalInfo | null, id: MethodId, words: Pick<CommonWords, 'simulatedMethod'>): string {
  const offered = findMethod(terminal, id);
  if (offered === null || offered === undefined) return offlineLabel(id);
  // "Demo QR" says it is a demo by its own name, and carries no marker in any language.
  return offered.simulated && id !== DEMO_METHOD.id ? words.simulatedMethod(offlineLabel(id)) : offered.label;
}

/** The method's own name, without a demo's marker: where the demo banner already says it (the device bar's chip). */
export function brandName(id: MethodId): string {
  return offlineLabel(id);
}

function offlineLabel(id: MethodId): string {
  if (isOpnMethodId(id)) return OPN_METHODS[id].names.en;
  switch (id) {
    case 'orangepill':
      return orangepillMethodInfo(false).label;
    case 'demo':
      return DEMO_METHOD.label;
    default:
      return assertNever(id);
  }
}

/** Only Orangepill can address a request to one customer's alias (a direct request). */
export function takesPayerAlias(method: MethodId | null): boolean {
  return method === 'orangepill';
}
