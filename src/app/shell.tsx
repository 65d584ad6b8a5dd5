import {
  Button,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { PersonCircleRegular } from '@fluentui/react-icons';
import { Suspense, lazy } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useAuthState } from '../auth/auth-context.tsx';
import type { AppConfig } from '../config/config.ts';
import { navItems } from './nav.ts';
import { RouteErrorBoundary } from './route-error.tsx';
import { SessionRenewalBar } from './session-renewal-bar.tsx';
// Loaded after the first render (menus and the sign-in page are not needed to show the first page).
const AccountMenu = lazy(() => import('./account-menu.tsx').then((m) => ({ default: m.AccountMenu })));
const SignInPage = lazy(() => import('./sign-in-page.tsx').then((m) => ({ default: m.SignInPage })));

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
  // On the brand bar in every state: Fluent's transparent button turns brand-coloured on hover,
  // press and while its menu is open, which on this bar falls under 4.5:1 in the dark theme.
  userButton: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundPressed },
    '&[aria-expanded="true"]': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundPressed },
    '& .fui-Button__icon, &:hover .fui-Button__icon, &[aria-expanded="true"] .fui-Button__icon': { color: tokens.colorNeutralForegroundOnBrand },
  },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalXXL, maxWidth: '1400px', width: '100%', boxSizing: 'border-box', margin: '0 auto' },
});

export function Shell({ config }: { config: AppConfig }) {
  const styles = useStyles();
  const { user, canWrite, signOut } = useAuthState();

  if (!user)
    return (
      <Suspense fallback={<Spinner label="Loading…" />}>
        <SignInPage config={config} />
      </Suspense>
    );

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
        <Suspense
          fallback={
            <Button appearance="transparent" className={styles.userButton} icon={<PersonCircleRegular aria-hidden />} disabled>
              {user.name}
            </Button>
          }
        >
          <AccountMenu user={user} canWrite={canWrite} onSignOut={() => void signOut()} className={styles.userButton} />
        </Suspense>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <SessionRenewalBar />
        <RouteErrorBoundary>
          <Suspense fallback={<Spinner label="Loading…" />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
    </div>
  );
}

