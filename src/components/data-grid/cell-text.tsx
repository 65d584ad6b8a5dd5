import { Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode, type Ref } from 'react';
import { RouterLink } from '../router-link.tsx';

const useStyles = makeStyles({
  // A flex item of the cell: block-level, so it can clip; min-width 0 lets it shrink below its text.
  clip: { display: 'block', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  focusable: {
    borderRadius: tokens.borderRadiusSmall,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  hintText: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

/**
 * A UICC ID column's width: a 20-digit ICCID whole in the monospace cell (12 px digits are 7.2 px
 * wide). Longer identifiers (a 32-digit EID) are cut, with the whole value in the tooltip.
 */
export const UICC_ID_WIDTH = 152;

const isCut = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1;

// One observer for every cell: a cell is re-measured when its column changes width (window resize).
const listeners = new WeakMap<Element, (cut: boolean) => void>();
let observer: ResizeObserver | undefined;
function watch(el: HTMLElement, onChange: (cut: boolean) => void): () => void {
  if (typeof ResizeObserver === 'undefined') {
    onChange(isCut(el));
    return () => {};
  }
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) if (e.target instanceof HTMLElement) listeners.get(e.target)?.(isCut(e.target));
  });
  listeners.set(el, onChange);
  observer.observe(el); // reports once right away, after layout
  return () => {
    observer?.unobserve(el);
    listeners.delete(el);
  };
}

/**
 * Whether an element's one line of text is cut (wider than its box). Measured when the element
 * mounts or resizes, and again when its text changes; rows that scroll in cost one observation each.
 */
export function useCut<T extends HTMLElement>(text: string): { ref: (el: T | null) => void; cut: boolean } {
  const [cut, setCut] = useState(false);
  const node = useRef<T | null>(null);
  const stop = useRef<(() => void) | undefined>(undefined);
  const ref = useCallback((el: T | null) => {
    stop.current?.();
    stop.current = undefined;
    node.current = el;
    if (el) stop.current = watch(el, setCut);
  }, []);
  const measured = useRef(text);
  useLayoutEffect(() => {
    if (measured.current === text || !node.current) return;
    measured.current = text;
    setCut(isCut(node.current));
  }, [text]);
  return { ref, cut };
}

/** The whole value in a tooltip (shown on hover and on keyboard focus) around `child`. */
function WholeValue({ text, hint, children }: { text: string | undefined; hint: string | undefined; children: ReactElement }) {
  const styles = useStyles();
  const content = (
    <>
      {text}
      {hint && <span className={text ? styles.hintText : undefined}>{hint}</span>}
    </>
  );
  // The cell's text is already its full value for assistive technology: the tooltip only adds the hint.
  return (
    <Tooltip content={content} relationship={hint ? 'description' : 'inaccessible'}>
      {children}
    </Tooltip>
  );
}

export interface CellTextProps {
  /** The cell's full value (the tooltip's text when the cell is too narrow for it). */
  text: string;
  /** What is shown, when it is more than the plain text (defaults to `text`). */
  children?: ReactNode;
  mono?: boolean;
  muted?: boolean;
  /** More about the value, in a tooltip the cell always has (so it always takes focus). */
  hint?: string;
  className?: string;
}

/**
 * One line of text in a grid cell. When the column is too narrow for it, it is cut with an
 * ellipsis, takes keyboard focus (Tab, or the arrow keys in the grid) and shows the whole value in
 * a tooltip on focus and on hover, so no value is out of reach at any window width.
 */
export function CellText({ text, children, mono = false, muted = false, hint, className }: CellTextProps) {
  const styles = useStyles();
  const { ref, cut } = useCut<HTMLSpanElement>(text);
  const reachable = cut || hint !== undefined;
  const span = (
    <span
      ref={ref as Ref<HTMLSpanElement>}
      className={mergeClasses(styles.clip, mono && styles.mono, muted && styles.muted, reachable && styles.focusable, className)}
      tabIndex={reachable ? 0 : undefined}
    >
      {children ?? text}
    </span>
  );
  return reachable ? (
    <WholeValue text={cut ? text : undefined} hint={hint}>
      {span}
    </WholeValue>
  ) : (
    span
  );
}

/** A link in a grid cell (e.g. a pool's name): cut like CellText when too long, with the whole name in a tooltip. */
export function CellLink({ to, text }: { to: string; text: string }) {
  const styles = useStyles();
  const { ref, cut } = useCut<HTMLAnchorElement>(text);
  const link = (
    <RouterLink ref={ref} to={to} className={styles.clip}>
      {text}
    </RouterLink>
  );
  return cut ? (
    <WholeValue text={text} hint={undefined}>
      {link}
    </WholeValue>
  ) : (
    link
  );
}
