import { Button, Divider, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, SaveRegular } from '@fluentui/react-icons';
import type { RefObject } from 'react';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { writeButtonProps } from '../../../components/read-only-notice.tsx';
import type { AssignmentsSave } from '../hooks/use-assignments-save.ts';
import { toDraft, type AssignmentsDraft } from '../hooks/use-assignments-draft.ts';
import { intendedTargets } from '../lib/save-plan.ts';
import { ChangesReview } from './changes-review.tsx';
import { ReviewShortfall } from './review-shortfall.tsx';
import { ConcurrentChangeNotice, SaveFailureNotice } from './save-problems.tsx';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface AssignmentsReviewStepProps {
  poolId: string;
  draft: AssignmentsDraft;
  save: AssignmentsSave;
  headingRef: RefObject<HTMLHeadingElement | null>;
  readOnlyId: string;
  onBack: () => void;
  onCancel: () => void;
}

/** The editor's second step: what changes and what is sent, what went wrong last time, and Save. */
export function AssignmentsReviewStep({ poolId, draft, save, headingRef, readOnlyId, onBack, onCancel }: AssignmentsReviewStepProps) {
  const styles = useStyles();
  const access = useWriteAccess();
  const { diff, conflicts, plan, displayName } = draft;
  return (
    <>
      <ChangesReview diff={diff} conflicts={conflicts} plan={plan} nameOf={displayName} headingRef={headingRef} />
      {draft.count > 0 && <ReviewShortfall poolId={poolId} targets={intendedTargets(save.base, draft.draft)} />}
      {save.failure && <SaveFailureNotice failure={save.failure} />}
      {save.conflict && (
        <ConcurrentChangeNotice
          conflict={save.conflict}
          nameOf={displayName}
          onReviewAgain={() => {
            const rebased = save.reviewAgain(toDraft(draft.form.getValues()));
            if (rebased) draft.showDraft(rebased);
            headingRef.current?.focus();
          }}
          onCancel={onCancel}
        />
      )}
      <Divider />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          icon={save.pending ? <Spinner size="tiny" /> : <SaveRegular />}
          disabled={save.pending || plan.kind === 'none' || draft.blocked || !!save.conflict}
          {...writeButtonProps(access, readOnlyId)}
        >
          {save.pending ? 'Saving…' : 'Save'}
        </Button>
        <Button icon={<ArrowLeftRegular />} onClick={onBack} disabled={save.pending}>
          Back to editing
        </Button>
        <Button onClick={onCancel} disabled={save.pending}>
          Cancel
        </Button>
      </div>
    </>
  );
}
