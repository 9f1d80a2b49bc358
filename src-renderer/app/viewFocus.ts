// The one way a view announces itself (issue 18): on every change of view the page title follows
// the view's heading (the h1 in <main>), and focus moves to that heading, unless the new view has
// already put the cursor in a field of its own (autoFocus), so a keyboard or screen-reader user
// starts at the top of what just opened instead of on the page body. Features call
// focusViewHeading() when they end something without changing the address (a call finished),
// and a panel or dialog that opens in place calls useReturnFocus() so that closing it (Escape,
// Cancel, done) puts focus back on the button that opened it. Whatever else removes the focused
// element (a call finished, a row gone) leaves focus on the view's heading, not the page body.
import { useEffect, useLayoutEffect, useState } from 'react';

const HEADING = 'main h1';
/** How long a view may take to show its heading (its data loading) and still be given focus. */
const SETTLE_MS = 3000;
/** How long to wait for a heading before a view without one gets focus on <main> itself. */
const NO_HEADING_MS = 1000;

/** Puts focus on the current view's heading; false when the view has none (yet). */
export function focusViewHeading(): boolean {
  const heading = document.querySelector<HTMLElement>(HEADING);
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
  return true;
}

/** A heading's words without its count badge ("Åpne saker", not "Åpne saker 17"): a title stays put. */
function headingText(heading: HTMLElement): string {
  const copy = heading.cloneNode(true) as HTMLElement;
  for (const badge of copy.querySelectorAll('.count')) badge.remove();
  return copy.textContent ?? '';
}

/** "<the view's heading> – <the application>", or the application alone while there is no heading. */
export function viewTitle(heading: string | null | undefined, app: string): string {
  const text = (heading ?? '').replace(/\s+/g, ' ').trim();
  return text ? `${text} – ${app}` : app;
}

/**
 * Follows `view` (the address, or which sign-in screen shows; null leaves it to another caller):
 * keeps document.title on the view's heading (on `name`, e.g. its menu entry, while it has none),
 * and moves focus to the heading once it shows (to <main> when none comes) unless the view or the
 * person has put focus somewhere else meanwhile.
 */
export function useViewFocus(view: string | null, app: string, name?: string): void {
  useEffect(() => {
    if (view === null) return;
    const startedOn = document.activeElement;
    let placed = false;
    /** Whether focus may be moved: it is on the page body, or still where the last view left it. */
    const free = () => {
      const now = document.activeElement;
      if (!now || now === document.body || now.matches('main')) return true;
      // A field the view focused itself, or a place the person moved to while it loaded, stays.
      return !now.closest('main') && now === startedOn;
    };
    const settle = () => {
      const heading = document.querySelector<HTMLElement>(HEADING);
      const title = viewTitle(heading ? headingText(heading) : name, app);
      if (document.title !== title) document.title = title;
      if (placed || !heading) return;
      placed = true;
      if (free()) focusViewHeading();
    };
    settle();
    const observer = new MutationObserver(settle);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const noHeading = window.setTimeout(() => {
      if (placed || document.querySelector(HEADING)) return;
      placed = true;
      if (free()) document.querySelector<HTMLElement>('main')?.focus();
    }, NO_HEADING_MS);
    const late = window.setTimeout(() => {
      placed = true;
    }, SETTLE_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(noHeading);
      window.clearTimeout(late);
    };
  }, [view, app, name]);
}

/** Moves focus to the view (its heading, else <main>) when it has fallen to the page body. */
function rescueFocus(): void {
  const now = document.activeElement;
  if (now && now !== document.body) return;
  if (!focusViewHeading()) document.querySelector<HTMLElement>('main')?.focus();
}

/**
 * For a panel or dialog shown in place: remembers what had focus when it opened (its opener) and,
 * as it closes with focus inside it (Escape, Cancel, its submit), puts focus back there; when the
 * opener is gone as well (the step is done, its button no longer shown), useFocusKeeper takes over.
 */
export function useReturnFocus(): void {
  // Read while rendering, before the panel's own fields take focus.
  const [opener] = useState(() => document.activeElement);
  // A layout effect's cleanup runs before the panel leaves the page, while focus is still in it.
  useLayoutEffect(
    () => () => {
      const now = document.activeElement;
      const inPanel = !now || now === document.body || !!now.closest('form, dialog');
      if (inPanel && opener instanceof HTMLElement && opener !== document.body && opener.isConnected) {
        opener.focus();
      }
    },
    [opener],
  );
}

/** For the desk: when the focused element leaves the page, focus goes to the view, not the body. */
export function useFocusKeeper(): void {
  useEffect(() => {
    const onFocusOut = (e: FocusEvent) => {
      const left = e.target;
      if (e.relatedTarget || !(left instanceof Node)) return;
      window.setTimeout(() => {
        if (!left.isConnected) rescueFocus();
      }, 0);
    };
    document.addEventListener('focusout', onFocusOut);
    return () => document.removeEventListener('focusout', onFocusOut);
  }, []);
}
