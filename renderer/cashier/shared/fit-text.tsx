import type { CSSProperties } from 'react';

/**
 * Text that never wraps and shrinks to fit its container instead, e.g. "SGD 1,234,567.89": the CSS
 * (.fit-text in cashier.css) sizes the font from the container's width and this character count.
 * The container must be a size container (`container-type: inline-size`).
 */
export function FitText({ text, className }: { readonly text: string; readonly className?: string }) {
  const style = { '--fit-chars': Math.max(text.length, 1) } as CSSProperties;
  return (
    <span className={className === undefined ? 'fit-text' : `fit-text ${className}`} style={style}>
      {text}
    </span>
  );
}
