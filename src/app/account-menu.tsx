import {
  Menu,
  MenuButton,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
  tokens,
  type MenuProps,
} from '@fluentui/react-components';
import { PersonCircleRegular, SignOutRegular } from '@fluentui/react-icons';
import type { CurrentUser } from '../auth/auth.ts';
import { THEME_CHOICES, THEME_LABELS, parseThemeChoice } from './theme/theme-choice.ts';
import { useTheme } from './theme/theme-store.ts';

// Fluent's group headers use foreground 3, under 4.5:1 at their 12 px on white: one step darker.
const useStyles = makeStyles({ groupHeader: { color: tokens.colorNeutralForeground2 } });

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
  const styles = useStyles();
  const { choice, setChoice } = useTheme();
  const onCheckedValueChange: MenuProps['onCheckedValueChange'] = (_e, { name, checkedItems }) => {
    if (name === 'theme' && checkedItems[0]) setChoice(parseThemeChoice(checkedItems[0]));
  };
  return (
    <Menu checkedValues={{ theme: [choice] }} onCheckedValueChange={onCheckedValueChange}>
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
            <MenuGroupHeader className={styles.groupHeader}>{user.username}</MenuGroupHeader>
            <MenuItem disabled>
              <Text size={200}>Tenant {user.tenantId}</Text>
            </MenuItem>
            <MenuItem disabled>
              <Text size={200}>{canWrite ? 'Can read and change pools' : 'Read-only access'}</Text>
            </MenuItem>
          </MenuGroup>
          <MenuDivider />
          {/* Remembered in this browser; "Follow the system" tracks its light, dark and contrast settings. */}
          <MenuGroup>
            <MenuGroupHeader className={styles.groupHeader}>Theme</MenuGroupHeader>
            {THEME_CHOICES.map((c) => (
              <MenuItemRadio key={c} name="theme" value={c}>
                {THEME_LABELS[c]}
              </MenuItemRadio>
            ))}
          </MenuGroup>
          <MenuDivider />
          <MenuItem icon={<SignOutRegular />} onClick={onSignOut}>
            Sign out
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
