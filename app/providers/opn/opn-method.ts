import type { MethodInfo } from '../../payment/method';
import { OPN_FAILURE_WORDS, isOpnFailureCode } from './opn-api';
import { OPN_METHODS, type OpnMethodId } from './opn-methods';

export const OPN_METHOD_ID = 'atome';

/**
 * What the screens know about one Opn QR method, from its table entry; the demo controls only when it
 * runs on the simulator. The cashier knows each by its own name (Atome, PayNow), never as "Opn".
 */
export function opnMethodInfo(simulated: boolean, id: OpnMethodId = OPN_METHOD_ID): MethodInfo {
  const method = OPN_METHODS[id];
  const name = method.names.en;
  return {
    id,
    label: simulated ? `${name} (simulated)` : name,
    // Opn runs Atome QR, but the cashier knows the method as Atome: one name in every sentence (issue 18).
    provider: name,
    instruction: method.instructions.en,
    currencies: method.currencies,
    simulated,
    simulator: simulated
      ? {
          outcomes: ['paid', 'failed', 'expired'],
          failureCodes: method.failureCodes.filter(isOpnFailureCode).map((code) => ({ code, label: OPN_FAILURE_WORDS[code](name) })),
        }
      : null,
    refunds: { supported: method.refunds.kind === 'api', rule: method.refunds.rule, said: method.refunds.said },
    poleLabel: method.poleLabel,
    receiptLabel: simulated ? `${method.receiptLabel} (simulated)` : method.receiptLabel,
  };
}
