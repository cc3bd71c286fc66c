import { Stack, Text } from '@mantine/core';
import type { AbilityKey, Me } from '@pharos/api';
import { useLocation } from '@tanstack/react-router';
import { useMe } from '../api/me';
import { NavLinkLink } from '../ui/links';

type NavPath =
  | '/'
  | '/dashboard'
  | '/notifications'
  | '/offices'
  | '/org-units'
  | '/objectives'
  | '/portfolios'
  | '/programs'
  | '/projects'
  | '/operations'
  | '/project-types'
  | '/users'
  | '/audit'
  | '/scenarios'
  | '/scenarios/compare'
  | '/proposals'
  | '/ranking'
  | '/scoring-frameworks'
  | '/work-roles'
  | '/escalations'
  | '/lifecycles';

interface NavItem {
  label: string;
  to: NavPath;
  /** Shown when this ability is not denied (registry) or only when it is granted (administration). */
  ability?: AbilityKey;
  strict?: boolean;
}

const groups: { label: string; items: NavItem[] }[] = [
  {
    label: 'Home',
    items: [
      { label: 'Overview', to: '/' },
      { label: 'Dashboard', to: '/dashboard', ability: 'statusReport.read' },
      { label: 'Notifications', to: '/notifications' },
    ],
  },
  {
    label: 'Registry',
    items: [
      { label: 'Offices', to: '/offices', ability: 'office.read' },
      { label: 'Org units', to: '/org-units', ability: 'orgUnit.read' },
      { label: 'Objectives', to: '/objectives', ability: 'objective.read' },
      { label: 'Portfolios', to: '/portfolios', ability: 'portfolio.read' },
      { label: 'Programs', to: '/programs', ability: 'program.read' },
      { label: 'Projects', to: '/projects', ability: 'project.read' },
      { label: 'Operations', to: '/operations', ability: 'operation.read' },
      { label: 'Project types', to: '/project-types', ability: 'projectType.read' },
    ],
  },
  {
    label: 'Demand',
    items: [
      { label: 'Proposals', to: '/proposals', ability: 'proposal.read' },
      { label: 'Ranking', to: '/ranking', ability: 'proposal.read' },
      { label: 'Scoring frameworks', to: '/scoring-frameworks', ability: 'scoringFramework.read' },
      { label: 'Work roles', to: '/work-roles', ability: 'workRole.read' },
    ],
  },
  {
    label: 'Portfolio planning',
    items: [
      { label: 'Scenarios', to: '/scenarios', ability: 'scenario.read' },
      { label: 'Compare', to: '/scenarios/compare', ability: 'scenario.read' },
    ],
  },
  {
    label: 'Governance',
    items: [
      { label: 'Lifecycles', to: '/lifecycles', ability: 'lifecycle.read' },
      { label: 'Escalations', to: '/escalations', ability: 'raidItem.read' },
    ],
  },
  {
    label: 'Administration',
    items: [
      { label: 'Users & roles', to: '/users', ability: 'grant.read', strict: true },
      { label: 'Audit trail', to: '/audit', ability: 'audit.read', strict: true },
    ],
  },
];

function visible(me: Me | null, item: NavItem) {
  if (!item.ability) return true;
  const v = me?.abilities[item.ability];
  return item.strict ? v === true : v !== false;
}

/** The navigation, grouped by capability; only what exists and what you may use. */
export function Nav({ onNavigate }: { onNavigate: () => void }) {
  const me = useMe();
  const { pathname } = useLocation();
  return (
    <Stack gap="lg">
      {groups.map((g) => {
        const items = g.items.filter((i) => visible(me, i));
        if (items.length === 0) return null;
        const headingId = `nav-${g.label.toLowerCase()}`;
        return (
          <section key={g.label} aria-labelledby={headingId}>
            <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
              {g.label}
            </Text>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((i) => {
                const on = (to: string) =>
                  to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
                // the closest match wins (/scenarios/compare is Compare, not Scenarios)
                const active = on(i.to) && !items.some((o) => o.to.length > i.to.length && on(o.to));
                return (
                  <li key={i.to}>
                    <NavLinkLink
                      to={i.to}
                      label={i.label}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      activeOptions={{ exact: true, includeSearch: false }}
                      onClick={onNavigate}
                      variant="light"
                      style={{ borderRadius: 6 }}
                    />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </Stack>
  );
}
