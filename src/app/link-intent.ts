/**
 * Where the admin is about to go: a same-origin link the pointer moves onto and rests on, or that
 * keyboard focus lands on, for `delayMs` (a pointer crossing a list of 10,000 pools on its way
 * elsewhere, or Tab walking through it quickly, starts nothing). The pointer must move: a list
 * that renders or scrolls under a resting pointer (the browser then sends `pointerover`, or a
 * `pointermove` of zero movement) is not an intent. One delegated listener for every link of the page.
 */
export function watchLinkIntent(root: Document | HTMLElement, onIntent: (pathname: string) => void, delayMs = 80): () => void {
  let pending: { anchor: HTMLAnchorElement; timer: ReturnType<typeof setTimeout> } | undefined;
  // The link last reported, until the pointer or focus leaves it: moving on it reports it once.
  let reported: HTMLAnchorElement | undefined;

  const cancel = () => {
    if (pending) clearTimeout(pending.timer);
    pending = undefined;
  };
  const anchorOf = (target: EventTarget | null): HTMLAnchorElement | null =>
    target instanceof Element ? target.closest<HTMLAnchorElement>('a[href]') : null;

  const enter = (e: Event) => {
    // Chrome also sends pointer events, with no movement, when content moves under a resting pointer.
    if (e.type === 'pointermove' && (e as PointerEvent).movementX === 0 && (e as PointerEvent).movementY === 0) return;
    const anchor = anchorOf(e.target);
    if (!anchor || anchor === pending?.anchor || anchor === reported) return;
    cancel();
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
    pending = {
      anchor,
      timer: setTimeout(() => {
        pending = undefined;
        reported = anchor;
        onIntent(url.pathname);
      }, delayMs),
    };
  };
  const leave = (e: Event) => {
    const to = (e as FocusEvent | PointerEvent).relatedTarget;
    const stays = (a: HTMLAnchorElement | undefined) => to instanceof Node && a?.contains(to) === true;
    if (pending && !stays(pending.anchor)) cancel();
    if (reported && !stays(reported)) reported = undefined;
  };

  root.addEventListener('pointermove', enter);
  root.addEventListener('focusin', enter);
  root.addEventListener('pointerout', leave);
  root.addEventListener('focusout', leave);
  return () => {
    cancel();
    root.removeEventListener('pointermove', enter);
    root.removeEventListener('focusin', enter);
    root.removeEventListener('pointerout', leave);
    root.removeEventListener('focusout', leave);
  };
}
