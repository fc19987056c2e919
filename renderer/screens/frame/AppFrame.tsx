// The signed-in frame: header, navigation by permission (Alt+1…Alt+9), the routes, and the status bar.
// Ctrl+Shift+L signs out from anywhere.
import { AppShell, Button, Group, Kbd, NavLink, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../../shared/permissions';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { NotPermitted } from '../../components/NotPermitted';
import { hasPermission, useSession, type Me } from '../../stores/session';
import { AccountScreen } from '../account/AccountScreen';
import { AuditScreen } from '../audit/AuditScreen';
import { CustomerListScreen } from '../customers/list/CustomerListScreen';
import { OnboardScreen } from '../customers/onboard/OnboardScreen';
import { ProfileScreen } from '../customers/profile/ProfileScreen';
import { HomeScreen } from '../home/HomeScreen';
import { SecurityScreen } from '../security/SecurityScreen';
import { SyncScreen } from '../sync/SyncScreen';
import { UsersScreen } from '../users/UsersScreen';
import { counterRoutes } from '../counter/routes';
import { loanRoutes } from '../loans/routes';
import { reportRoutes } from '../reports/routes';
import { bookRoutes } from '../books/routes';
import { EndOfDayBanner } from './EndOfDayBanner';
import { visibleNavItems } from './navigation';
import { StatusBar } from './StatusBar';
import { useIdleAwarePolling } from './useIdleAwarePolling';

function Permitted({ me, permission, children }: { me: Me; permission: Permission; children: ReactNode }) {
  return hasPermission(me, permission) ? children : <NotPermitted />;
}

/** An item is current on its own path and on the paths under it (`/customers/…` highlights Customers). */
const isCurrent = (pathname: string, path: string) =>
  pathname === path || (path !== '/' && pathname.startsWith(`${path}/`));

function Navigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // Every item the role may use is listed (an administrator has more than nine); the first nine have Alt+n.
  const items = visibleNavItems(me.permissions);
  const hasShortcut = (index: number) => index < 9;
  useHotkeys(
    items
      .slice(0, 9)
      .map((item, index) => [`alt+${index + 1}`, () => void navigate(item.path)] as const)
      .map((h) => [...h]),
    [],
  );
  return (
    <>
      {items.map((item, index) => (
        <NavLink
          key={item.path}
          href={`#${item.path}`}
          label={t(item.labelKey)}
          leftSection={<item.icon size={18} />}
          rightSection={hasShortcut(index) ? <Kbd size="xs">Alt+{index + 1}</Kbd> : undefined}
          active={isCurrent(location.pathname, item.path)}
          aria-keyshortcuts={hasShortcut(index) ? `Alt+${index + 1}` : undefined}
          aria-current={isCurrent(location.pathname, item.path) ? 'page' : undefined}
        />
      ))}
    </>
  );
}

export function AppFrame({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSession((s) => s.signOut);
  useIdleAwarePolling(me);
  useHotkeys([['ctrl+shift+L', () => void signOut()]], []);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 0 }}
      footer={{ height: 40 }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Text fw={700} c="teal.8">
              {t('app.name')}
            </Text>
            <Text c="dimmed">{me.institutionName}</Text>
          </Group>
          <Group gap="sm">
            <LanguageSwitcher />
            <Tooltip label={t('frame.signOutShortcut')}>
              <Button
                variant="subtle"
                leftSection={<IconLogout size={18} />}
                onClick={() => void signOut()}
                aria-keyshortcuts="Control+Shift+L"
              >
                {t('frame.signOut')}
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <Navigation me={me} />
      </AppShell.Navbar>
      <AppShell.Main>
        <EndOfDayBanner me={me} />
        <Routes>
          <Route path="/" element={<HomeScreen me={me} />} />
          <Route
            path="/customers"
            element={
              <Permitted me={me} permission="customers.read">
                <CustomerListScreen me={me} />
              </Permitted>
            }
          />
          <Route
            path="/customers/new"
            element={
              <Permitted me={me} permission="customers.write">
                <OnboardScreen me={me} />
              </Permitted>
            }
          />
          <Route
            path="/customers/:customerId"
            element={
              <Permitted me={me} permission="customers.read">
                <ProfileScreen me={me} />
              </Permitted>
            }
          />
          <Route
            path="/users"
            element={
              <Permitted me={me} permission="users.manage">
                <UsersScreen me={me} />
              </Permitted>
            }
          />
          <Route
            path="/audit"
            element={
              <Permitted me={me} permission="audit.read">
                <AuditScreen me={me} />
              </Permitted>
            }
          />
          <Route
            path="/security"
            element={
              <Permitted me={me} permission="settings.manage">
                <SecurityScreen />
              </Permitted>
            }
          />
          <Route
            path="/sync"
            element={
              hasPermission(me, 'settings.manage') || hasPermission(me, 'loans.approve') ? (
                <SyncScreen me={me} />
              ) : (
                <NotPermitted />
              )
            }
          />
          {loanRoutes(me)}
          {counterRoutes(me)}
          {reportRoutes(me)}
          {bookRoutes(me)}
          <Route path="/account" element={<AccountScreen me={me} />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar me={me} />
      </AppShell.Footer>
    </AppShell>
  );
}
