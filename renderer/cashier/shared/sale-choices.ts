import type { TerminalInfo } from '../../../app/ipc/contract';
import type { CurrencyCode } from '../../../app/money/currency';
import type { MethodId, MethodInfo } from '../../../app/payment/method';
import { DEMO_METHOD } from '../../../app/providers/demo/demo-method';
import { isOpnMethodId, OPN_METHODS } from '../../../app/providers/opn/opn-methods';
import { orangepillMethodInfo } from '../../../app/providers/orangepill/orangepill-method';
import { assertNever } from '../../../app/util/assert-never';
import { findMethod } from '../../shared/payment-figures';

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
 * The method's name as the terminal offers it; for a method it no longer offers (gone from the Opn
 * account, a provider's key removed), its own name still, never the raw id: "TrueMoney", not "truemoney".
 */
export function methodLabel(terminal: TerminalInfo | null, id: MethodId): string {
  return findMethod(terminal, id)?.label ?? offlineLabel(id);
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
