import { useCashierStore } from '../cashier-store';
import { useWords } from '../words/use-words';
import { saidFormat, toldText } from './say';
import type { Told } from './told';

/** `toldText` with this screen's words and the terminal's locale. */
export function useSay(): (told: Told) => string {
  const words = useWords();
  const terminal = useCashierStore((state) => state.terminal);
  const format = saidFormat(terminal, words.common);
  return (told) => toldText(told, words, format);
}
