import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { forbiddenKind, isGraphError, missingPermissionFrom } from '../graph/errors.ts';
import { INTUNE_ROLE_ADVICE } from './read-only-notice.tsx';

const useStyles = makeStyles({
  // Service text can hold long unbroken tokens (URLs, ids): wrap them instead of overflowing a dialog.
  body: { overflowWrap: 'anywhere' },
  details: { display: 'block', color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** What went wrong, in words an admin can act on. */
export function describeError(error: unknown): { title: string; message: string; requestId?: string; date?: string; code?: string } {
  if (isGraphError(error)) {
    const missing = error.status === 403 ? missingPermissionFrom(error) : [];
    const title =
      error.status === 0
        ? 'Microsoft Graph could not be reached'
        : error.status === 403
          ? 'You do not have permission for this'
          : error.status === 401
            ? 'Your session has expired'
            : error.status === 404
              ? 'Not found'
              : error.status === 429
                ? 'Microsoft Graph is throttling requests'
                : error.status >= 500
                  ? 'Microsoft Graph is unavailable'
                  : 'Microsoft Graph refused the request';
    // An Intune write refused with no scope named: the token was fine, the Intune role was not (a directory read such as getByIds is no write).
    const roleRefusal = error.method !== 'GET' && /^\/?deviceManagement\//i.test(error.path) && forbiddenKind(error) === 'intuneRole';
    const message =
      missing.length > 0
        ? `${error.message} The signed-in account needs the ${missing.join(' or ')} permission (ask an administrator to grant it, or sign in with an account that has it).`
        : roleRefusal
          ? // Intune wraps this refusal in support text (operation and activity ids, an internal URL):
            // the advice says what to do; the code and request-id below are what support needs.
            INTUNE_ROLE_ADVICE
          : error.message;
    return { title: roleRefusal ? 'Intune refused the change' : title, message, requestId: error.requestId, date: error.date, code: error.code };
  }
  if (error instanceof Error) return { title: 'Something went wrong', message: error.message };
  return { title: 'Something went wrong', message: String(error) };
}

export interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  /** Put on the message, for a control it explains (`aria-describedby`). */
  messageId?: string;
}

/** Error panel for a failed load: the service's message, its request-id, and retry. */
export function ErrorState({ error, onRetry, title, messageId }: ErrorStateProps) {
  const styles = useStyles();
  const d = describeError(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title ?? d.title}</MessageBarTitle>
        <span id={messageId}>{d.message}</span>
        {(d.requestId || d.code) && (
          <Text size={200} className={styles.details}>
            {d.code && <>Code: <span className={styles.mono}>{d.code}</span>. </>}
            {d.requestId && <>Request ID: <span className={styles.mono} data-testid="request-id">{d.requestId}</span>. </>}
            {d.date && <>Date: {d.date}.</>}
          </Text>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
