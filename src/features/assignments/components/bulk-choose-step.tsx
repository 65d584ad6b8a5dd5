import { Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Controller, type Control } from 'react-hook-form';
import { formatCount } from '../../../lib/format.ts';
import type { BulkMode } from '../lib/bulk-plan.ts';
import { describeConflict, type Conflict } from '../lib/diff.ts';
import type { Sides } from '../../../components/include-exclude-picker.tsx';
import type { GroupRef } from './group-picker.tsx';
import { GroupSidesPicker } from './group-sides-picker.tsx';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  radioHint: { display: 'block', color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXXL },
});

export interface BulkValues {
  included: GroupRef[];
  excluded: GroupRef[];
  mode: BulkMode;
}

export interface BulkChooseStepProps {
  poolNames: string[];
  control: Control<BulkValues>;
  groups: Sides<GroupRef>;
  onGroupsChange: (next: Sides<GroupRef>) => void;
  conflicts: Conflict[];
  nameOf: (groupId: string) => string;
}

/** Bulk assign, step 1: the groups to include and exclude, and add or replace. */
export function BulkChooseStep({ poolNames, control, groups, onGroupsChange, conflicts, nameOf }: BulkChooseStepProps) {
  const styles = useStyles();
  const shown = poolNames.slice(0, 6);
  return (
    <>
      <Text className={styles.muted}>
        Pools: {shown.join(', ')}
        {poolNames.length > shown.length && ` and ${formatCount(poolNames.length - shown.length)} more`}
      </Text>
      <GroupSidesPicker value={groups} onChange={onGroupsChange} />
      <Controller
        control={control}
        name="mode"
        render={({ field }) => (
          <Field label="How to apply them">
            <RadioGroup value={field.value} onChange={(_e, data) => field.onChange(data.value as BulkMode)}>
              <Radio
                value="add"
                label={
                  <>
                    Add to their assignments
                    <Text size={200} className={styles.radioHint}>
                      Each pool keeps what it has (read again just before its groups are added). A group a pool already has on the other side moves
                      to the side chosen here.
                    </Text>
                  </>
                }
              />
              <Radio
                value="replace"
                label={
                  <>
                    Replace their assignments
                    <Text size={200} className={styles.radioHint}>
                      Each pool ends up with exactly these groups; its other assignments are removed.
                    </Text>
                  </>
                }
              />
            </RadioGroup>
          </Field>
        )}
      />
      {conflicts.map((c) => {
        const d = describeConflict(c, nameOf);
        return (
          <MessageBar key={c.kind} intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{d.title}</MessageBarTitle>
              {d.meaning}
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </>
  );
}
