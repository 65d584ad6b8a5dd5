import { Button, Checkbox, Divider, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Controller } from 'react-hook-form';
import type { AssignmentsDraft } from '../hooks/use-assignments-draft.ts';
import type { PoolAssignmentsModel } from '../lib/model.ts';
import { GroupSidesPicker } from './group-sides-picker.tsx';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The editor's first step: All devices, the included and excluded groups, and how many changes that makes. */
export function AssignmentsEditStep({ draft, model, onCancel }: { draft: AssignmentsDraft; model: PoolAssignmentsModel; onCancel: () => void }) {
  const styles = useStyles();
  const { count, conflicts } = draft;
  return (
    <>
      <Controller
        control={draft.form.control}
        name="allDevices"
        render={({ field }) => (
          <Field hint="Every enrolled Windows device can get a code from this pool, except devices in an excluded group.">
            <Checkbox label="Include all devices" checked={field.value} onChange={(_e, data) => field.onChange(data.checked === true)} />
          </Field>
        )}
      />
      <GroupSidesPicker value={draft.groups} onChange={draft.changeGroups} tagNote={draft.tagNote} />
      {model.other.length > 0 && (
        <Text className={styles.muted}>
          {model.other.length === 1 ? 'One other target' : `${model.other.length} other targets`} (all licensed users or Configuration Manager collections) cannot be edited here and are kept as they are.
        </Text>
      )}
      <Divider />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={count === 0}>
          Review changes
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
        <Text className={styles.muted} role="status" aria-live="polite">
          {count === 0 ? 'No changes yet' : `${count} ${count === 1 ? 'change' : 'changes'}`}
          {conflicts.length > 0 && ` · ${conflicts.length} ${conflicts.length === 1 ? 'warning' : 'warnings'}`}
        </Text>
      </div>
    </>
  );
}
