import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLinkIntent } from './link-intent.ts';

function link(href: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.innerHTML = '<span>name</span>';
  document.body.appendChild(a);
  return a;
}

const fire = (target: Element, type: string, relatedTarget: Element | null = null, movement = 1) =>
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, relatedTarget, movementX: movement, movementY: 0 }));

describe('watchLinkIntent', () => {
  let seen: string[];
  let stop: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    seen = [];
    stop = watchLinkIntent(document, (p) => seen.push(p), 80);
  });
  afterEach(() => {
    stop();
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('reports a same-origin link the pointer moves onto and rests on for the delay, once', () => {
    const a = link('/pools/p-1');
    fire(a, 'pointermove');
    vi.advanceTimersByTime(79);
    expect(seen).toEqual([]);
    // Moving onto the link's own text is still the same link.
    fire(a.firstElementChild!, 'pointermove');
    fire(a, 'pointerout', a.firstElementChild);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['/pools/p-1']);
    fire(a.firstElementChild!, 'pointermove');
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['/pools/p-1']);
    // Left and came back: reported again (react-query decides whether anything is read).
    fire(a, 'pointerout', document.body);
    fire(a, 'pointermove');
    vi.advanceTimersByTime(80);
    expect(seen).toEqual(['/pools/p-1', '/pools/p-1']);
  });

  it('ignores a link that appears under a resting pointer (pointerover, or a move of zero)', () => {
    fire(link('/pools/p-1'), 'pointerover');
    fire(link('/pools/p-2'), 'pointermove', null, 0);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
  });

  it('starts nothing for a pointer that only crosses links, or for other origins and the current page', () => {
    const a = link('/pools/p-1');
    const b = link('/pools/p-2');
    fire(a, 'pointermove');
    vi.advanceTimersByTime(40);
    fire(a, 'pointerout', b);
    fire(b, 'pointermove');
    vi.advanceTimersByTime(40);
    fire(b, 'pointerout', document.body);
    fire(link('https://learn.microsoft.com/intune'), 'pointermove');
    fire(link(window.location.pathname), 'pointermove');
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
  });

  it('reports a link keyboard focus stays on, and stops listening when stopped', () => {
    const a = link('/assignments');
    fire(a, 'focusin');
    vi.advanceTimersByTime(80);
    expect(seen).toEqual(['/assignments']);
    stop();
    fire(link('/upload'), 'focusin');
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['/assignments']);
  });
});
