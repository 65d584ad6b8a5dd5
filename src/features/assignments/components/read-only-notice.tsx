import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export const READ_ONLY_REASON =
  'Your account has read-only access (DeviceManagementConfiguration.Read.All), so you can view assignments but not change them. To edit them, sign in with an account that has DeviceManagementConfiguration.ReadWrite.All, or ask an Intune administrator.';

/** The visible reason why assignment editing is disabled; `id` lets disabled controls point to it. */
export function ReadOnlyNotice({ id }: { id: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Read-only access</MessageBarTitle>
        <span id={id}>{READ_ONLY_REASON}</span>
      </MessageBarBody>
    </MessageBar>
  );
}
