import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useInteractiveRenewal } from '../auth/use-renewal.ts';

/**
 * Shown when silent token renewal failed (e.g. an admin revoked the sessions):
 * the waiting requests carry on once the user signs in again from here. The
 * popup opens from this click, so a popup blocker lets it through, and the
 * page (queued uploads, unsaved edits) stays as it is.
 */
export function SessionRenewalBar() {
  const { required, inProgress, error, signInAgain } = useInteractiveRenewal();
  if (!required) return null;
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Your sign-in has expired</MessageBarTitle>
        Sign in again to continue. Your work on this page is kept and carries on once you are signed in.
        {error ? ` The last attempt did not finish: ${error.message}` : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={inProgress} onClick={() => void signInAgain()}>
          {inProgress ? 'Signing in…' : 'Sign in again'}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
