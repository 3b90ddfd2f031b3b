import { expect } from 'vitest';
import type { TerminalInfo } from '../../app/ipc/contract';
import type { MethodInfo } from '../../app/payment/method';
import { saidFormat, toldText } from '../../renderer/cashier/shared/say';
import type { Told } from '../../renderer/cashier/shared/told';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import type { SaidFormat } from '../../renderer/cashier/words/said';

/** The cashier screen's format for a terminal in en-SG offering these methods (their labels name them). */
export function formatFor(methods: readonly MethodInfo[] = []): SaidFormat {
  return saidFormat({ locale: 'en-SG', methods } as unknown as TerminalInfo);
}

/**
 * What the service told carries a `Said`, its English wording is exactly the service's English sentence
 * (so the two cannot drift), and the Malay and Chinese screens do not show that English sentence.
 */
export function expectWordedAsSaid(told: Told | undefined, format: SaidFormat = formatFor()): void {
  expect(told?.said, `no said on: ${told?.message ?? '(nothing told)'}`).toBeDefined();
  if (told === undefined) return;
  expect(toldText(told, CASHIER_WORDS.en, format)).toBe(told.message);
  expect(toldText(told, CASHIER_WORDS.ms, format)).not.toBe(told.message);
  expect(toldText(told, CASHIER_WORDS['zh-Hans'], format)).not.toBe(told.message);
}
