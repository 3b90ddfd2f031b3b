import { useWords } from '../words/use-words';

/**
 * The technical part of an answer (a file path, a field's name in the settings file), folded away:
 * a cashier reads the sentence above it, a technician opens Details.
 */
export function AnswerDetails({ text, testId }: { readonly text: string | undefined; readonly testId: string }) {
  const words = useWords().common;
  if (text === undefined) return null;
  return (
    <details className="answer-details" data-testid={testId}>
      <summary>{words.details}</summary>
      <code>{text}</code>
    </details>
  );
}
