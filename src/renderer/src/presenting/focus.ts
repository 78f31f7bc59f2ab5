// The deck (current slide pane) takes the keys back: after Esc in a field,
// and after a mouse click on a control, so Enter and Space steer the slides
// again instead of pressing the clicked button a second time.

export function focusDeck(): void {
  document.querySelector<HTMLElement>('[data-deck-focus]')?.focus({ preventScroll: true });
}

/** onClick for toolbars: a mouse click (detail > 0) on a button gives the keys back to the deck. */
export function keysBackAfterClick(e: { detail: number; target: EventTarget }): void {
  if (e.detail > 0 && e.target instanceof Element && e.target.closest('button')) focusDeck();
}
