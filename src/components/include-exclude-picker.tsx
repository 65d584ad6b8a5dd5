import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';

/** The two sides of an assignment: targets that get something, and targets kept out of it. */
export type Side = 'include' | 'exclude';

export interface Sides<T> {
  included: T[];
  excluded: T[];
}

const KEY = { include: 'included', exclude: 'excluded' } as const satisfies Record<Side, keyof Sides<unknown>>;
const OTHER: Record<Side, Side> = { include: 'exclude', exclude: 'include' };

/** Adds `item` to `side`. A target cannot be on both sides, so one already on the other side moves. */
export function addToSide<T extends { id: string }>(sides: Sides<T>, side: Side, item: T): Sides<T> {
  const same = sides[KEY[side]];
  const next = { ...sides, [KEY[OTHER[side]]]: sides[KEY[OTHER[side]]].filter((t) => t.id !== item.id) };
  return { ...next, [KEY[side]]: same.some((t) => t.id === item.id) ? same : [...same, item] };
}

export function removeFromSide<T extends { id: string }>(sides: Sides<T>, side: Side, id: string): Sides<T> {
  return { ...sides, [KEY[side]]: sides[KEY[side]].filter((t) => t.id !== id) };
}

/** What each side's picker gets: its targets, the other side's (choosing one of those moves it), and the changes. */
export interface SidePickerProps<T> {
  side: Side;
  label: string;
  value: T[];
  otherSide: T[];
  onAdd: (item: T) => void;
  onRemove: (id: string) => void;
}

export interface IncludeExcludePickerProps<T extends { id: string }> {
  value: Sides<T>;
  onChange: (next: Sides<T>) => void;
  labels: Record<Side, string>;
  /** The picker for one side (e.g. a TagPicker that searches groups). */
  renderSide: (props: SidePickerProps<T>) => ReactNode;
}

const useStyles = makeStyles({
  pickers: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
});

/**
 * Include and exclude, side by side, with one rule for both: adding a target to one side takes
 * it off the other. The search and tags of each side are the caller's (`renderSide`).
 */
export function IncludeExcludePicker<T extends { id: string }>({ value, onChange, labels, renderSide }: IncludeExcludePickerProps<T>) {
  const styles = useStyles();
  return (
    <div className={styles.pickers}>
      {(['include', 'exclude'] as const).map((side) => (
        <Fragment key={side}>
          {renderSide({
            side,
            label: labels[side],
            value: value[KEY[side]],
            otherSide: value[KEY[OTHER[side]]],
            onAdd: (item) => onChange(addToSide(value, side, item)),
            onRemove: (id) => onChange(removeFromSide(value, side, id)),
          })}
        </Fragment>
      ))}
    </div>
  );
}
