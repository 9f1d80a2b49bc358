// The one way the desk shows a confirmation as a modal <dialog> (issue 18, viewFocus.ts): it opens
// with showModal() as it mounts, with the focus on its control marked `data-autofocus` (React's
// autoFocus runs while the dialog is still closed, and showModal() never sees it: it would put the
// focus on the first control instead); closed (Escape, "Avbryt"; the <dialog>'s onClose tells its
// owner), the focus goes back to the button that opened it. Removed while still open (confirmed:
// its owner stops showing it, the step done), the focus leaves with it and useFocusKeeper puts it
// on the view's heading (or <main>), unless what comes next takes it (a call panel's first field).
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * What last had the focus on the page. A button that is disabled while its request runs ("Ta" in
 * the queue, until the desk says the call is not first and a team lead is asked for a reason)
 * drops the focus on the body before the dialog opens: the dialog still knows its opener.
 */
let lastFocused: Element | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof Element) lastFocused = e.target;
  });
}

/** The element that opened a dialog mounting now: the focused one, else the one focused last. */
function openerNow(): Element | null {
  const now = document.activeElement;
  if (now && now !== document.body) return now;
  return lastFocused?.isConnected ? lastFocused : null;
}

/** For a component that is a modal dialog: the ref for its <dialog>, shown with showModal() as it mounts. */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  // Read while rendering, before the dialog takes the focus: the button that opened it.
  const [opener] = useState(openerNow);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    // A button that had the focus and is disabled while its step is saved ("Ja, lagt på" pending)
    // drops it on the body, where nothing would pick it up again: the dialog keeps it instead.
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget) return;
      window.setTimeout(() => {
        const now = document.activeElement;
        if (dialog.open && dialog.isConnected && (!now || now === document.body)) {
          if (!dialog.hasAttribute('tabindex')) dialog.tabIndex = -1;
          dialog.focus();
        }
      }, 0);
    };
    dialog.addEventListener('focusout', onFocusOut);
    return () => {
      dialog.removeEventListener('focusout', onFocusOut);
      // Still open: confirmed, and its owner stops showing it. It leaves the page open (closing it
      // would hand the focus back to its button, which the step done is about to disable or
      // remove, and a disabled button drops the focus on the body without a word), so the focus
      // leaves with it and useFocusKeeper puts it on the view.
      if (dialog.open) return;
      // Closed (Escape, "Avbryt"): the browser has put the focus back on the button that opened
      // it; where it has not, this does.
      const now = document.activeElement;
      const lost = !now || now === document.body || dialog.contains(now);
      if (lost && opener instanceof HTMLElement && opener !== document.body && opener.isConnected) {
        opener.focus();
      }
    };
  }, [opener]);

  return dialogRef;
}
