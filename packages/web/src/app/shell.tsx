import { AppShell, Burger, Group, Menu, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { routes } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { api } from '../api/client';
import { setSignedOut, useMe } from '../api/me';
import { NotificationBell } from '../features/notifications/notification-bell';
import { ChevronDown } from '../ui/icons';
import { AnchorLink } from '../ui/links';
import { Nav } from './nav';

function Brand() {
  return (
    <AnchorLink to="/" underline="never" c="inherit" aria-label="Pharos home">
      <Group gap={8} wrap="nowrap">
        <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="6" fill="#1c3d6e" />
          <path d="M13 26l1.5-14h3L19 26z" fill="#fff" />
          <path d="M12.5 10h7l-1-3h-5z" fill="#f5c542" />
        </svg>
        <Text fw={700} size="lg">
          Pharos
        </Text>
      </Group>
    </AnchorLink>
  );
}

function UserMenu() {
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  if (!me) return null;
  const signOut = async () => {
    try {
      await api.call(routes.logout);
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    setSignedOut(qc);
    await navigate({ to: '/login' });
  };
  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <UnstyledButton
          aria-label={`Account menu for ${me.user.name}`}
          px="xs"
          py={4}
          style={{ borderRadius: 6 }}
        >
          <Group gap={6} wrap="nowrap">
            <div style={{ textAlign: 'right' }}>
              <Text size="sm" fw={500} lh={1.2}>
                {me.user.name}
              </Text>
              {me.user.title && (
                <Text size="xs" c="dimmed" lh={1.2} visibleFrom="sm">
                  {me.user.title}
                </Text>
              )}
            </div>
            <ChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item onClick={() => navigate({ to: '/account' })}>Change password</Menu.Item>
        <Menu.Item onClick={() => navigate({ to: '/account/tokens' })}>API tokens</Menu.Item>
        <Menu.Item onClick={() => navigate({ to: '/notifications/preferences' })}>
          Notification preferences
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={signOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in layout: header, navigation (a burger on narrow screens) and the page. */
export function Shell(): ReactNode {
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Nav onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
