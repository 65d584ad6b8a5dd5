import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { consentFailure, type ConsentFailure } from '../../../auth/on-demand-permissions.ts';
import { AUDIT_PERMISSION } from '../../../config/permissions.ts';
import { forbiddenKind } from '../../../graph/errors.ts';

export const HISTORY_PERMISSION = AUDIT_PERMISSION;

/** Who can fix a missing consent, and where. */
export const WHO_CAN_GRANT =
  'A Global Administrator, Privileged Role Administrator, Cloud Application Administrator or Application Administrator can grant it for everyone in Microsoft Entra admin center → Enterprise applications → this console → Permissions → Grant admin consent. Everything else in the console works without it.';

const FAILURES: Readonly<Record<ConsentFailure, { title: string; body: string }>> = {
  declined: { title: 'The permission was not granted', body: `You declined the request for ${HISTORY_PERMISSION}, so the console cannot read Intune's audit log.` },
  adminConsentRequired: { title: 'An administrator must grant this permission', body: `Your account cannot consent to ${HISTORY_PERMISSION}: Microsoft Entra ID requires admin consent for it.` },
  notGranted: { title: 'The permission was not granted', body: `Microsoft Entra ID answered without granting ${HISTORY_PERMISSION}, so the console cannot read Intune's audit log.` },
  closed: { title: 'The sign-in window was closed', body: `The window asking for ${HISTORY_PERMISSION} was closed before you answered. Nothing was granted.` },
  blocked: { title: 'The browser blocked the sign-in window', body: 'Allow pop-ups for this site, then try again.' },
  other: { title: 'The permission could not be requested', body: '' },
};

/** A consent popup that failed: what is missing, why, who can grant it, and another try from a click. */
export function ConsentProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const kind = consentFailure(error);
  const { title, body } = FAILURES[kind];
  const needsAdmin = kind === 'declined' || kind === 'adminConsentRequired' || kind === 'notGranted';
  return (
    <MessageBar intent={kind === 'closed' || kind === 'blocked' ? 'warning' : 'error'} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body || `${error.message} The history needs ${HISTORY_PERMISSION}.`} {needsAdmin && WHO_CAN_GRANT}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>Ask again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** A 403 on the audit log read, or undefined for any other error. */
export function refusalText(error: unknown): { title: string; body: string } | undefined {
  const kind = forbiddenKind(error);
  if (kind === 'scope') {
    return { title: `Microsoft Graph needs ${HISTORY_PERMISSION}`, body: `Microsoft Graph refused to read Intune's audit log: the console's token does not carry ${HISTORY_PERMISSION}. ${WHO_CAN_GRANT}` };
  }
  if (kind === 'intuneRole') {
    return {
      title: 'Intune refused to show its audit log',
      body: "Your Intune role does not allow reading audit data (Intune's permission Audit data: Read). An Intune Administrator can add it to your role assignment.",
    };
  }
  return undefined;
}
