import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { describeError } from '../../../components/error-state.tsx';
import { refusalPointer } from '../../../components/read-only-notice.tsx';
import type { ConcurrentConflict, SaveFailure } from '../hooks/use-assignments-save.ts';
import { describeConcurrentChange } from '../lib/concurrent.ts';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * A save that failed: what failed, Graph's reason, and the request id. A refused write (a 403) turns the console
 * read-only, and the read-only notice (the page's, or the section's own) then says why and what to ask for: this
 * notice points to it instead of repeating the advice.
 */
export function SaveFailureNotice({ failure }: { failure: SaveFailure }) {
  const styles = useStyles();
  const access = useWriteAccess();
  const d = describeError(failure.error);
  const pointer = refusalPointer(access, failure.error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Assignments were not saved</MessageBarTitle>
        {failure.action} {pointer ?? d.message} Your changes are kept; the list above compares them with the pool’s assignments as Microsoft Graph has them now.
        {d.requestId && (
          <>
            {' '}
            Request ID: <span className={styles.mono}>{d.requestId}</span>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export interface ConcurrentChangeNoticeProps {
  conflict: ConcurrentConflict;
  nameOf: (groupId: string) => string;
  onReviewAgain: () => void;
  onCancel: () => void;
}

/** Another admin changed the pool's assignments while this one edited: nothing was sent; review again or cancel. */
export function ConcurrentChangeNotice({ conflict, nameOf, onReviewAgain, onCancel }: ConcurrentChangeNoticeProps) {
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Nothing was saved</MessageBarTitle>
        Another admin changed this pool’s assignments since you opened the editor: {describeConcurrentChange(conflict.change, nameOf)}. Saving now
        would overwrite that. Your changes are kept: review them again on top of the current assignments, or cancel.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onReviewAgain}>
          Review again on top of the current assignments
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
