import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useWriteAccess, type WriteAccess } from '../auth/auth-context.tsx';
import type { ReadOnlyReason } from '../auth/auth.ts';
import { forbiddenKind, isGraphError } from '../graph/errors.ts';

const useStyles = makeStyles({
  compact: { color: tokens.colorNeutralForeground2, maxWidth: '480px' },
});

export const WRITE_SCOPE = 'DeviceManagementConfiguration.ReadWrite.All';

/**
 * What an Intune role refusal means and what to ask for. eSIM pools are
 * device configuration in Intune (Devices › Configuration, and the Graph
 * permission is DeviceManagementConfiguration), so the role permissions that
 * matter are those of Device configurations.
 */
export const INTUNE_ROLE_ADVICE =
  'Your Intune role does not allow changing eSIM pools (for example, Read Only Operator can only view them). Ask an Intune administrator for a role with Device configurations permissions — for example Policy and Profile Manager or Intune Administrator, or a custom role with Device configurations: Create, Update, Delete and Assign — then sign out and sign in again.';

/** One wording per reason, everywhere the console is read-only. */
const SCOPE_MESSAGE = `Your account has read-only access (DeviceManagementConfiguration.Read.All): this deployment or your consent grants only that permission, so you can view eSIM pools but not change them. Changes need ${WRITE_SCOPE}: sign in with an account that has it, or ask an administrator to grant it.`;
const ROLE_MESSAGE = `${INTUNE_ROLE_ADVICE} Changes are turned off for the rest of this session.`;

/** The notice's title and message; `compact` is the one line beside a toolbar button (it has no title of its own). */
export const READ_ONLY_TEXT: Record<ReadOnlyReason, { title: string; message: string; compact: string }> = {
  scope: { title: 'Read-only access', message: SCOPE_MESSAGE, compact: SCOPE_MESSAGE },
  intuneRole: {
    title: 'Intune refused a change',
    message: ROLE_MESSAGE,
    compact: `Intune refused a change: ${ROLE_MESSAGE.charAt(0).toLowerCase()}${ROLE_MESSAGE.slice(1)}`,
  },
};

/**
 * For a failure shown while the read-only notice is on screen (a refused save in a page section, a refused pool
 * in a bulk run): who refused, leaving why and what to ask for to the notice, so the advice is said once.
 * Undefined unless `error` is a refused write and the console is read-only for it.
 */
export function refusalPointer(access: WriteAccess, error: unknown): string | undefined {
  const { canWrite, reason } = access;
  if (canWrite || !reason || !isWriteRefusal(error)) return undefined;
  return `${reason === 'intuneRole' ? 'Intune' : 'Microsoft Graph'} refused it; the notice “${READ_ONLY_TEXT[reason].title}” says why and what to ask for.`;
}

export interface ReadOnlyNoticeProps {
  /** The id disabled write buttons point to with `aria-describedby`. */
  id: string;
  /** Plain text beside a toolbar button instead of a message bar. */
  compact?: boolean;
}

/** Why writes are disabled, or nothing when the user may write. */
export function ReadOnlyNotice({ id, compact = false }: ReadOnlyNoticeProps) {
  const styles = useStyles();
  const { canWrite, reason } = useWriteAccess();
  if (canWrite || !reason) return null;
  const text = READ_ONLY_TEXT[reason];
  if (compact) {
    return (
      <Text id={id} size={200} className={styles.compact}>
        {text.compact}
      </Text>
    );
  }
  return (
    <MessageBar intent={reason === 'intuneRole' ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        {/* The title is not repeated in the message; a button described by the notice reads both. */}
        <span id={id}>
          <MessageBarTitle>{text.title}</MessageBarTitle> {text.message}
        </span>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Whether `error` is a write the service refused for lack of a permission or an Intune role: the failure that
 * turned the console read-only. Where it is shown (a dialog, a section), it already says why, so the read-only
 * notice is not shown next to it a second time.
 */
export function isWriteRefusal(error: unknown): boolean {
  return isGraphError(error) && error.method !== 'GET' && forbiddenKind(error) !== undefined;
}

/** Props for a write button: disabled (still focusable) and described by the notice when the user may not write. */
export function writeButtonProps(access: WriteAccess, noticeId: string): { disabledFocusable?: true; 'aria-describedby'?: string } {
  return access.canWrite ? {} : { disabledFocusable: true, 'aria-describedby': noticeId };
}
