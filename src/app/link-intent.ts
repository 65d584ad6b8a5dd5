/**
 * Where the admin is about to go: a same-origin link the pointer rests on, or that keyboard focus
 * lands on, for `delayMs` (a pointer crossing a list of 10,000 pools on its way elsewhere, or Tab
 * walking through it quickly, starts nothing). One delegated listener for every link of the page.
 */
export function watchLinkIntent(root: Document | HTMLElement, onIntent: (pathname: string) => void, delayMs = 80): () => void {
  let pending: { anchor: HTMLAnchorElement; timer: ReturnType<typeof setTimeout> } | undefined;

  const cancel = () => {
    if (pending) clearTimeout(pending.timer);
    pending = undefined;
  };
  const anchorOf = (target: EventTarget | null): HTMLAnchorElement | null =>
    target instanceof Element ? target.closest<HTMLAnchorElement>('a[href]') : null;

  const enter = (e: Event) => {
    const anchor = anchorOf(e.target);
    if (!anchor || anchor === pending?.anchor) return;
    cancel();
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
    pending = {
      anchor,
      timer: setTimeout(() => {
        pending = undefined;
        onIntent(url.pathname);
      }, delayMs),
    };
  };
  const leave = (e: Event) => {
    const to = (e as FocusEvent | PointerEvent).relatedTarget;
    if (pending && !(to instanceof Node && pending.anchor.contains(to))) cancel();
  };

  root.addEventListener('pointerover', enter);
  root.addEventListener('focusin', enter);
  root.addEventListener('pointerout', leave);
  root.addEventListener('focusout', leave);
  return () => {
    cancel();
    root.removeEventListener('pointerover', enter);
    root.removeEventListener('focusin', enter);
    root.removeEventListener('pointerout', leave);
    root.removeEventListener('focusout', leave);
  };
}
