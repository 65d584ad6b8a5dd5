import { Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
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
  // The tooltip's trigger: it is positioned on the cell, so its own element takes no room.
  anchor: { display: 'none' },
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
export function useCut<T extends HTMLElement>(text: string): { ref: (el: T | null) => void; node: RefObject<T | null>; cut: boolean } {
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
  return { ref, node, cut };
}

const SHOW_DELAY_MS = 250;
const HIDE_DELAY_MS = 250;

/**
 * The whole value in a Fluent tooltip over `target`, shown on keyboard focus (at once) and on hover
 * (after a short delay); Escape closes it. The tooltip is mounted only while shown: a tooltip per
 * cut cell, mounted with the row, held 0.8 MB more heap on a page of 1,000 devices.
 */
function useWholeValue(target: RefObject<HTMLElement | null>, text: string | undefined, hint: string | undefined) {
  const styles = useStyles();
  const [shown, setShown] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const later = (next: boolean, ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setShown(next), ms);
  };
  const show = () => {
    clearTimeout(timer.current);
    setShown(true);
  };
  const handlers = {
    onFocus: show,
    onBlur: () => later(false, 0),
    onPointerEnter: () => later(true, SHOW_DELAY_MS),
    onPointerLeave: () => later(false, HIDE_DELAY_MS),
  };
  const tooltip =
    shown && target.current && (text || hint) ? (
      <Tooltip
        visible
        onVisibleChange={(_e, data) => setShown(data.visible)}
        positioning={{ target: target.current, position: 'above' }}
        // The cell's own text (and its aria-describedby hint) is what assistive technology reads.
        relationship="inaccessible"
        content={
          <>
            {text}
            {hint && <span className={text ? styles.hintText : undefined}>{hint}</span>}
          </>
        }
      >
        <span className={styles.anchor} />
      </Tooltip>
    ) : null;
  return { handlers, tooltip };
}

export interface CellTextProps {
  /** The cell's full value (the tooltip's text when the cell is too narrow for it). */
  text: string;
  /** What is shown, when it is more than the plain text (defaults to `text`). */
  children?: ReactNode;
  mono?: boolean;
  muted?: boolean;
  /** More about the value: the cell's description, and in its tooltip (so the cell always takes focus). */
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
  const hintId = useId();
  const { ref, node, cut } = useCut<HTMLSpanElement>(text);
  const reachable = cut || hint !== undefined;
  const whole = useWholeValue(node, cut ? text : undefined, hint);
  return (
    <>
      <span
        ref={ref}
        className={mergeClasses(styles.clip, mono && styles.mono, muted && styles.muted, reachable && styles.focusable, className)}
        tabIndex={reachable ? 0 : undefined}
        aria-describedby={hint ? hintId : undefined}
        {...(reachable ? whole.handlers : {})}
      >
        {children ?? text}
      </span>
      {hint && (
        <span id={hintId} hidden>
          {hint}
        </span>
      )}
      {whole.tooltip}
    </>
  );
}

/**
 * CellText for tables with many rows (a pool's device table): the same one clipped line, its whole
 * value in the element's title, no state, effects or observers per cell. A CellText per cell, each
 * with its resize observation and focus handlers, held up to 0.6 MB more heap on a page of 1,000
 * devices (bench: pool detail heap 2.2× → 2.8–3.8× the floor page). The whole value is still the
 * cell's text for assistive technology, and in the pool's CSV export.
 */
export function PlainCellText({ text, children, mono = false, muted = false }: Omit<CellTextProps, 'hint' | 'className'>) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.clip, mono && styles.mono, muted && styles.muted)} title={text}>
      {children ?? text}
    </span>
  );
}

/** A link in a grid cell (e.g. a pool's name): cut like CellText when too long, with the whole name in a tooltip. */
export function CellLink({ to, text }: { to: string; text: string }) {
  const styles = useStyles();
  const { ref, node, cut } = useCut<HTMLSpanElement>(text);
  const whole = useWholeValue(node, text, undefined);
  // Focus and pointer events of the link reach its clipping box (React's focus events bubble).
  return (
    <>
      <span ref={ref} className={styles.clip} {...(cut ? whole.handlers : {})}>
        <RouterLink to={to}>{text}</RouterLink>
      </span>
      {whole.tooltip}
    </>
  );
}
