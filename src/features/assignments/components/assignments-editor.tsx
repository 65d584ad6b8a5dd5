import {
  Button,
  Checkbox,
  Divider,
  Field,
  Spinner,
  Text,
  Toast,
  ToastTitle,
  makeStyles,
  tokens,
  useToastController,
} from '@fluentui/react-components';
import { ArrowLeftRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { writeButtonProps } from '../../../components/read-only-notice.tsx';
import { TOASTER_ID } from '../../../lib/toaster.ts';
import { useAssignmentsSave } from '../hooks/use-assignments-save.ts';
import { BLOCKING_CONFLICTS, changeCount, diffAssignments, findConflicts } from '../lib/diff.ts';
import { draftFromModel, describeFilter, type AssignmentDraft, type GroupMode, type PoolAssignmentsModel } from '../lib/model.ts';
import { intendedTargets, planSave } from '../lib/save-plan.ts';
import { ChangesReview } from './changes-review.tsx';
import { ReviewShortfall } from './review-shortfall.tsx';
import { GroupPicker, type GroupRef } from './group-picker.tsx';
import { ConcurrentChangeNotice, SaveFailureNotice } from './save-problems.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  pickers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface EditorValues {
  included: GroupRef[];
  excluded: GroupRef[];
  allDevices: boolean;
}

interface WatchedValues {
  included?: { id?: string }[];
  excluded?: { id?: string }[];
  allDevices?: boolean;
}

const ids = (groups: { id?: string }[] | undefined): string[] => (groups ?? []).flatMap((g) => (g.id ? [g.id] : []));

function toDraft(v: WatchedValues): AssignmentDraft {
  return {
    included: ids(v.included),
    excluded: ids(v.excluded),
    allDevices: v.allDevices ?? false,
  };
}

export interface AssignmentsEditorProps {
  poolId: string;
  /** The assignments shown when editing began: the draft and the review are made against these. */
  model: PoolAssignmentsModel;
  nameOf: (groupId: string) => string;
  /** `picked`: names of the groups in the draft, by id. */
  onClose: (result: 'saved' | 'cancelled', picked?: ReadonlyMap<string, string>) => void;
  /** The read-only notice that a disabled Save points to. */
  readOnlyId: string;
}

/**
 * Edit → review → save. The draft lives in react-hook-form; the diff,
 * warnings and the request are computed against the assignments the editor
 * was opened on. Saving reads them again first: another admin's change is
 * reported instead of overwritten (see useAssignmentsSave). After a failed
 * (possibly half-applied) save, the draft is carried over onto what Graph has
 * now, so the review shows what still differs. A 403 keeps the draft and the
 * editor open, and Save turns disabled with the read-only notice.
 */
export function AssignmentsEditor({ poolId, model: opened, nameOf, onClose, readOnlyId }: AssignmentsEditorProps) {
  const styles = useStyles();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const access = useWriteAccess();
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const save = useAssignmentsSave(poolId, opened);
  const model = save.base;

  // The form starts from the assignments shown when editing began; later refreshes only change the diff.
  const [defaultValues] = useState<EditorValues>(() => {
    const d = draftFromModel(opened);
    const refs = (ids: string[]) => ids.map((id) => ({ id, displayName: nameOf(id) }));
    return { included: refs(d.included), excluded: refs(d.excluded), allDevices: d.allDevices };
  });
  const { control, getValues, setValue, handleSubmit } = useForm<EditorValues>({ defaultValues });
  const values = useWatch({ control });
  const draft = toDraft(values);
  const diff = diffAssignments(model, draft);
  const count = changeCount(diff);
  const plan = planSave(model, draft);
  const hadAssignments = model.groups.length + model.other.length + (model.allDevices ? 1 : 0) > 0;
  const conflicts = findConflicts(draft, { otherIncludes: model.other.length, hadAssignments });
  const blocked = conflicts.some((c) => BLOCKING_CONFLICTS.includes(c.kind));

  const draftNames = new Map<string, string>([...(values.included ?? []), ...(values.excluded ?? [])].flatMap((g) => (g?.id && g.displayName ? [[g.id, g.displayName] as [string, string]] : [])));
  const displayName = (id: string) => draftNames.get(id) ?? nameOf(id);

  useEffect(() => {
    if (step === 'review') reviewHeading.current?.focus();
  }, [step]);

  const showDraft = (next: AssignmentDraft) => {
    const refs = (list: string[]) => list.map((id) => ({ id, displayName: displayName(id) }));
    setValue('included', refs(next.included), { shouldDirty: true });
    setValue('excluded', refs(next.excluded), { shouldDirty: true });
    setValue('allDevices', next.allDevices, { shouldDirty: true });
  };

  const addTo = (mode: GroupMode) => (group: GroupRef) => {
    const same = mode === 'include' ? 'included' : 'excluded';
    const other = mode === 'include' ? 'excluded' : 'included';
    setValue(other, getValues(other).filter((g) => g.id !== group.id), { shouldDirty: true });
    if (!getValues(same).some((g) => g.id === group.id)) setValue(same, [...getValues(same), group], { shouldDirty: true });
  };

  const tagNote = (mode: GroupMode) => (groupId: string) => {
    if (diff.added.some((a) => a.groupId === groupId && a.mode === mode)) return 'New';
    if (diff.moved.some((m) => m.groupId === groupId && m.to === mode)) return mode === 'include' ? 'Moved from excluded' : 'Moved from included';
    return describeFilter(model.groups.find((g) => g.groupId === groupId)?.filter);
  };

  const onSubmit = handleSubmit(async () => {
    if (step === 'edit') {
      setStep('review');
      return;
    }
    if (!access.canWrite) return;
    const result = await save.save(toDraft(getValues()), displayName);
    if (result.kind === 'failed' && result.rebased) showDraft(result.rebased);
    if (result.kind !== 'saved') return;
    dispatchToast(
      <Toast>
        <ToastTitle>Assignments saved</ToastTitle>
      </Toast>,
      { intent: 'success' },
    );
    // Added groups came from search results, so their names are real ones.
    onClose('saved', new Map(diff.added.map((a) => [a.groupId, displayName(a.groupId)])));
  });

  return (
    <form className={styles.form} onSubmit={(e) => void onSubmit(e)} aria-label="Edit assignments" noValidate>
      {step === 'edit' ? (
        <>
          <Controller
            control={control}
            name="allDevices"
            render={({ field }) => (
              <Field hint="Every enrolled Windows device can get a code from this pool, except devices in an excluded group.">
                <Checkbox label="Include all devices" checked={field.value} onChange={(_e, data) => field.onChange(data.checked === true)} />
              </Field>
            )}
          />
          <div className={styles.pickers}>
            <Controller
              control={control}
              name="included"
              render={({ field }) => (
                <GroupPicker
                  label="Included groups"
                  mode="include"
                  value={field.value}
                  otherSide={values.excluded?.filter((g): g is GroupRef => !!g?.id) ?? []}
                  onAdd={addTo('include')}
                  onRemove={(id) => field.onChange(field.value.filter((g) => g.id !== id))}
                  tagNote={tagNote('include')}
                />
              )}
            />
            <Controller
              control={control}
              name="excluded"
              render={({ field }) => (
                <GroupPicker
                  label="Excluded groups"
                  mode="exclude"
                  value={field.value}
                  otherSide={values.included?.filter((g): g is GroupRef => !!g?.id) ?? []}
                  onAdd={addTo('exclude')}
                  onRemove={(id) => field.onChange(field.value.filter((g) => g.id !== id))}
                  tagNote={tagNote('exclude')}
                />
              )}
            />
          </div>
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
            <Button onClick={() => onClose('cancelled')}>Cancel</Button>
            <Text className={styles.muted} role="status" aria-live="polite">
              {count === 0 ? 'No changes yet' : `${count} ${count === 1 ? 'change' : 'changes'}`}
              {conflicts.length > 0 && ` · ${conflicts.length} ${conflicts.length === 1 ? 'warning' : 'warnings'}`}
            </Text>
          </div>
        </>
      ) : (
        <>
          <ChangesReview diff={diff} conflicts={conflicts} plan={plan} nameOf={displayName} headingRef={reviewHeading} />
          {count > 0 && <ReviewShortfall poolId={poolId} targets={intendedTargets(model, draft)} />}
          {save.failure && <SaveFailureNotice failure={save.failure} />}
          {save.conflict && (
            <ConcurrentChangeNotice
              conflict={save.conflict}
              nameOf={displayName}
              onReviewAgain={() => {
                const rebased = save.reviewAgain(toDraft(getValues()));
                if (rebased) showDraft(rebased);
                reviewHeading.current?.focus();
              }}
              onCancel={() => onClose('cancelled')}
            />
          )}
          <Divider />
          <div className={styles.actions}>
            <Button
              appearance="primary"
              type="submit"
              icon={save.pending ? <Spinner size="tiny" /> : <SaveRegular />}
              disabled={save.pending || plan.kind === 'none' || blocked || !!save.conflict}
              {...writeButtonProps(access, readOnlyId)}
            >
              {save.pending ? 'Saving…' : 'Save'}
            </Button>
            <Button icon={<ArrowLeftRegular />} onClick={() => setStep('edit')} disabled={save.pending}>
              Back to editing
            </Button>
            <Button onClick={() => onClose('cancelled')} disabled={save.pending}>
              Cancel
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
