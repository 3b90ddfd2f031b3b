import type { Language } from '../../../app/i18n/languages';
import type { MethodId } from '../../../app/payment/method';
import { isOpnMethodId, OPN_METHODS } from '../../../app/providers/opn/opn-methods';

/**
 * A method's own name in a language, as its provider's rules speak of it ("Atome needs at least…"):
 * the brand, without the terminal's "(simulated)". The terminal's label for it is `SaidFormat.method`.
 */
export function methodOwnName(id: MethodId, language: Language): string {
  if (isOpnMethodId(id)) return OPN_METHODS[id].names[language];
  return id === 'orangepill' ? 'Orangepill' : 'Demo QR';
}
