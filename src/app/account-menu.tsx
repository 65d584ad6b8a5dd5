import {
  Menu,
  MenuButton,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
} from '@fluentui/react-components';
import { PersonCircleRegular, SignOutRegular } from '@fluentui/react-icons';
import type { CurrentUser } from '../auth/auth.ts';

export function AccountMenu({
  user,
  canWrite,
  onSignOut,
  className,
}: {
  user: CurrentUser;
  canWrite: boolean;
  onSignOut: () => void;
  className?: string;
}) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          appearance="transparent"
          className={className}
          icon={<PersonCircleRegular aria-hidden />}
          aria-label={`Account: ${user.name}`}
        >
          {user.name}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>{user.username}</MenuGroupHeader>
            <MenuItem disabled>
              <Text size={200}>Tenant {user.tenantId}</Text>
            </MenuItem>
            <MenuItem disabled>
              <Text size={200}>{canWrite ? 'Can read and change pools' : 'Read-only access'}</Text>
            </MenuItem>
          </MenuGroup>
          <MenuItem icon={<SignOutRegular />} onClick={onSignOut}>
            Sign out
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
