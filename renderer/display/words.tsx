import type { DisplayCatalog } from '../../app/i18n';
import { useWords } from './use-words';

/** Picks one message out of a language's catalog. */
export type PickWords = (words: DisplayCatalog) => string;

export interface WordsProps {
  readonly pick: PickWords;
  readonly className: string;
  readonly testId?: string;
}

/**
 * One message in the display's languages: the first at the element's size, the second beneath it,
 * smaller, so a customer finds their language without the screen shouting twice.
 */
export function Words({ pick, className, testId }: WordsProps) {
  const { primary, secondary } = useWords();
  return (
    <p className={className} data-testid={testId}>
      <span className="words__primary" lang={primary.language}>
        {pick(primary.words)}
      </span>
      {secondary !== null && (
        <span className="words__secondary" lang={secondary.language} data-testid={testId === undefined ? undefined : `${testId}-secondary`}>
          {pick(secondary.words)}
        </span>
      )}
    </p>
  );
}
