import {
  Avatar,
  Menu,
  MenuButton,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useAuthState } from '../auth/auth-context.tsx';
import type { AppConfig } from '../config/config.ts';
import { navItems } from './nav.ts';
import { SignInPage } from './sign-in-page.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalS, zIndex: 10 },
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalL}`,
    minHeight: '48px',
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  nav: { display: 'flex', gap: tokens.spacingHorizontalXS, flexGrow: 1, flexWrap: 'wrap' },
  navLink: {
    color: tokens.colorNeutralForegroundOnBrand,
    textDecoration: 'none',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}` },
  },
  navActive: { backgroundColor: tokens.colorBrandBackgroundPressed, fontWeight: tokens.fontWeightSemibold },
  userButton: { color: tokens.colorNeutralForegroundOnBrand },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalXXL, maxWidth: '1400px', width: '100%', boxSizing: 'border-box', margin: '0 auto' },
});

export function Shell({ config }: { config: AppConfig }) {
  const styles = useStyles();
  const { user, canWrite, signOut } = useAuthState();

  if (!user) return <SignInPage config={config} />;

  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <span className={styles.brand}>Intune · eSIM pools</span>
        <nav aria-label="Main" className={styles.nav}>
          {navItems.map((item) => (
            <NavLink
              key={item.href}
              to={item.href}
              className={({ isActive }) => mergeClasses(styles.navLink, isActive && styles.navActive)}
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton
              appearance="transparent"
              className={styles.userButton}
              icon={<Avatar name={user.name} size={24} color="colorful" aria-hidden />}
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
              <MenuItem icon={<SignOutRegular />} onClick={() => void signOut()}>
                Sign out
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Suspense fallback={<Spinner label="Loading…" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

