import { useEffect, useRef } from 'react';

/**
 * Opens a <dialog> as modal for as long as the component is mounted. While it is open no key reaches
 * the sale behind it (digits would key an amount, Enter would charge); Esc closes it.
 */
export function useModalDialog(onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    const onKeyDown = (event: KeyboardEvent): void => {
      // A confirmation open inside this dialog answers the keys itself: its Esc means Back, not close all.
      if (element !== null && element.querySelector('dialog[open]') !== null) return;
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      element?.close();
    };
  }, [onClose]);
  return dialog;
}
