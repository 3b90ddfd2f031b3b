import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import type { Money } from '../../app/money/money';
import { amountFitCqi } from './display-layout';
import { useFormatAmount } from './use-words';

/**
 * Shrinks the amount until it fits its column on one line, measured in the font the screen really
 * has (the first guess, from the text's length, cannot know the font). Re-fitted when the column changes size.
 */
function useShrinkToFit(text: string) {
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const fit = (): void => {
      element.style.setProperty('--amount-shrink', '1');
      const ratio = element.clientWidth / element.scrollWidth;
      if (ratio < 1) element.style.setProperty('--amount-shrink', String(Math.floor(ratio * 1000) / 1000));
    };
    fit();
    const observer = new ResizeObserver(fit);
    if (element.parentElement !== null) observer.observe(element.parentElement);
    return () => observer.disconnect();
  }, [text]);
  return ref;
}

/** An amount as large as its column allows, on one line (display.css caps it by the screen's height). */
export function AmountLine({ amount, testId }: { readonly amount: Money; readonly testId?: string }) {
  const format = useFormatAmount();
  const text = format(amount);
  const ref = useShrinkToFit(text);
  const fit = { '--amount-fit': String(amountFitCqi(text)) } as CSSProperties;
  return (
    <p className="display__amount" data-testid={testId} style={fit} ref={ref}>
      {text}
    </p>
  );
}
