import {
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddCircleRegular, ArrowSwapRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import type { ReactNode, Ref } from 'react';
import { BLOCKING_CONFLICTS, changeCount, describeConflict, type AssignmentDiff, type Conflict } from '../lib/diff.ts';
import type { GroupMode } from '../lib/model.ts';
import type { SavePlan } from '../lib/save-plan.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  added: { color: tokens.colorPaletteGreenForeground1, display: 'flex' },
  removed: { color: tokens.colorPaletteRedForeground1, display: 'flex' },
  moved: { color: tokens.colorBrandForeground1, display: 'flex' },
  warnings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { outlineStyle: 'none' },
});

const side = (mode: GroupMode) => (mode === 'include' ? 'Included' : 'Excluded');

export function describePlan(plan: SavePlan): string {
  switch (plan.kind) {
    case 'none':
      return 'Nothing to save: the pool already has these assignments.';
    case 'create':
      return 'Saving adds one assignment; the other assignments are not touched.';
    case 'update':
      return 'Saving changes one assignment; the other assignments are not touched.';
    case 'assign': {
      const n = plan.body.assignments.length;
      return n === 0
        ? 'Saving removes every assignment of this pool.'
        : `Saving replaces this pool’s assignments with the ${n} ${n === 1 ? 'target' : 'targets'} you chose (assignment filters and targets you did not edit are kept).`;
    }
  }
}

export interface ChangesReviewProps {
  diff: AssignmentDiff;
  conflicts: Conflict[];
  plan: SavePlan;
  nameOf: (groupId: string) => string;
  /** Focused when the review appears. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The diff of a save (added, removed, moved) and the warnings about the result, each with what it means. */
export function ChangesReview({ diff, conflicts, plan, nameOf, headingRef }: ChangesReviewProps) {
  const styles = useStyles();
  const items: ReactNode[] = [];
  if (diff.allDevices) {
    items.push(
      <li key="all-devices" className={styles.item}>
        {diff.allDevices === 'added' ? <AddCircleRegular aria-hidden className={styles.added} /> : <SubtractCircleRegular aria-hidden className={styles.removed} />}
        <Text>
          {diff.allDevices === 'added' ? 'Added' : 'Removed'}: <strong>All devices</strong>
        </Text>
      </li>,
    );
  }
  for (const a of diff.added) {
    items.push(
      <li key={`add-${a.mode}-${a.groupId}`} className={styles.item}>
        <AddCircleRegular aria-hidden className={styles.added} />
        <Text>
          Added: <strong>{nameOf(a.groupId)}</strong>
        </Text>
        <Badge appearance="tint" color={a.mode === 'include' ? 'brand' : 'danger'}>
          {side(a.mode)}
        </Badge>
      </li>,
    );
  }
  for (const m of diff.moved) {
    items.push(
      <li key={`move-${m.groupId}`} className={styles.item}>
        <ArrowSwapRegular aria-hidden className={styles.moved} />
        <Text>
          Moved: <strong>{nameOf(m.groupId)}</strong> from {side(m.from).toLowerCase()} to {side(m.to).toLowerCase()}
          {m.filterDropped && '. Its assignment filter is removed: Intune does not allow filters on excluded groups.'}
        </Text>
      </li>,
    );
  }
  for (const r of diff.removed) {
    items.push(
      <li key={`remove-${r.mode}-${r.groupId}`} className={styles.item}>
        <SubtractCircleRegular aria-hidden className={styles.removed} />
        <Text>
          Removed: <strong>{nameOf(r.groupId)}</strong>
        </Text>
        <Badge appearance="outline" color="subtle">
          was {side(r.mode).toLowerCase()}
        </Badge>
      </li>,
    );
  }
  const count = changeCount(diff);

  return (
    <div className={styles.root}>
      <Text as="h3" size={400} weight="semibold" ref={headingRef} tabIndex={-1} className={styles.heading}>
        Review changes
      </Text>
      <Text weight="semibold">{count === 0 ? 'No changes left to save.' : `${count} ${count === 1 ? 'change' : 'changes'} to save:`}</Text>
      {items.length > 0 && (
        <ul className={styles.list} aria-label="Changes">
          {items}
        </ul>
      )}
      <Text className={styles.muted}>{describePlan(plan)}</Text>
      {conflicts.length > 0 && (
        <div className={styles.warnings}>
          {conflicts.map((c) => {
            const d = describeConflict(c, nameOf);
            return (
              <MessageBar key={c.kind} intent={BLOCKING_CONFLICTS.includes(c.kind) ? 'error' : 'warning'} layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{d.title}</MessageBarTitle>
                  {d.meaning}
                </MessageBarBody>
              </MessageBar>
            );
          })}
        </div>
      )}
    </div>
  );
}
