import { Toast, ToastTitle, makeStyles, tokens, useToastController } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { TOASTER_ID } from '../../../lib/toaster.ts';
import { toDraft, useAssignmentsDraft } from '../hooks/use-assignments-draft.ts';
import { useAssignmentsSave } from '../hooks/use-assignments-save.ts';
import type { PoolAssignmentsModel } from '../lib/model.ts';
import { AssignmentsEditStep } from './assignments-edit-step.tsx';
import { AssignmentsReviewStep } from './assignments-review-step.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

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
 * Edit → review → save. The draft lives in react-hook-form (useAssignmentsDraft); the diff,
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
  const draft = useAssignmentsDraft(opened, save.base, nameOf);

  useEffect(() => {
    if (step === 'review') reviewHeading.current?.focus();
  }, [step]);

  const onSubmit = draft.form.handleSubmit(async () => {
    if (step === 'edit') {
      setStep('review');
      return;
    }
    if (!access.canWrite) return;
    const result = await save.save(toDraft(draft.form.getValues()), draft.displayName);
    if (result.kind === 'failed' && result.rebased) draft.showDraft(result.rebased);
    if (result.kind !== 'saved') return;
    dispatchToast(
      <Toast>
        <ToastTitle>Assignments saved</ToastTitle>
      </Toast>,
      { intent: 'success' },
    );
    // Added groups came from search results, so their names are real ones.
    onClose('saved', new Map(draft.diff.added.map((a) => [a.groupId, draft.displayName(a.groupId)])));
  });

  const cancel = () => onClose('cancelled');
  return (
    <form className={styles.form} onSubmit={(e) => void onSubmit(e)} aria-label="Edit assignments" noValidate>
      {step === 'edit' ? (
        <AssignmentsEditStep draft={draft} model={save.base} onCancel={cancel} />
      ) : (
        <AssignmentsReviewStep poolId={poolId} draft={draft} save={save} headingRef={reviewHeading} readOnlyId={readOnlyId} onBack={() => setStep('edit')} onCancel={cancel} />
      )}
    </form>
  );
}
