import { useEffect, useState, type RefObject } from 'react';

/**
 * The largest square that fits the slot the layout leaves for the QR, re-measured whenever the
 * window or the text around it changes size. Whole pixels, so the QR's edges stay sharp.
 */
export function useFitSize(slot: RefObject<HTMLElement | null>): number {
  const [size, setSize] = useState(0);
  useEffect(() => {
    const element = slot.current;
    if (element === null) return;
    const measure = (): void => {
      const { width, height } = element.getBoundingClientRect();
      const fit = Math.min(width, height, window.innerWidth, window.innerHeight);
      setSize(Math.max(0, Math.floor(fit)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [slot]);
  return size;
}
