import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { meQuery, setSignedOut } from '../api/me';
import { AuditPage, parseAuditSearch } from '../features/audit/audit-page';
import { AccountPage } from '../features/auth/account-page';
import { LoginPage } from '../features/auth/login-page';
import { TokensPage } from '../features/auth/tokens-page';
import { FrameworkDetailPage } from '../features/demand/framework-detail-page';
import { FrameworksPage, parseFrameworkSearch } from '../features/demand/frameworks-page';
import { ProposalDetailPage } from '../features/demand/proposal-detail-page';
import { parseProposalSearch } from '../features/demand/proposal-list';
import { ProposalNewPage } from '../features/demand/proposal-new-page';
import { ProposalsPage } from '../features/demand/proposals-page';
import { parseRankingSearch, RankingPage } from '../features/demand/ranking-page';
import { WorkRoleDetailPage } from '../features/demand/work-role-detail-page';
import { parseWorkRoleSearch, WorkRolesPage } from '../features/demand/work-roles-page';
import { LifecycleDetailPage } from '../features/governance/lifecycle-detail-page';
import { LifecyclesPage, parseLifecycleSearch } from '../features/governance/lifecycles-page';
import { OverviewPage } from '../features/home/overview-page';
import { NotificationsPage, parseNotificationSearch } from '../features/notifications/notifications-page';
import { PreferencesPage } from '../features/notifications/preferences-page';
import { ObjectiveDetailPage } from '../features/objectives/objective-detail-page';
import { ObjectivesPage } from '../features/objectives/objectives-page';
import { OfficeDetailPage } from '../features/offices/office-detail-page';
import { OfficesPage, officeViews } from '../features/offices/offices-page';
import { OperationDetailPage } from '../features/operations/operation-detail-page';
import { operationListSpec } from '../features/operations/operation-list';
import { OperationsPage } from '../features/operations/operations-page';
import { OrgUnitDetailPage } from '../features/org-units/org-unit-detail-page';
import { OrgUnitsPage } from '../features/org-units/org-units-page';
import { PortfolioDetailPage } from '../features/portfolios/portfolio-detail-page';
import { parsePortfolioSearch } from '../features/portfolios/portfolio-list';
import { PortfoliosPage } from '../features/portfolios/portfolios-page';
import { ProgramDetailPage } from '../features/programs/program-detail-page';
import { programListSpec } from '../features/programs/program-list';
import { ProgramsPage } from '../features/programs/programs-page';
import { ProjectTypeDetailPage } from '../features/project-types/project-type-detail-page';
import { ProjectTypesPage, projectTypeListSpec } from '../features/project-types/project-types-page';
import { ProjectDetailPage } from '../features/projects/project-detail-page';
import { projectListSpec } from '../features/projects/project-list';
import { ProjectsPage } from '../features/projects/projects-page';
import { EscalationsPage, parseEscalationsSearch } from '../features/raid/escalations-page';
import { ComparePage, parseCompareSearch } from '../features/scenarios/compare-page';
import { ScenarioPage } from '../features/scenarios/scenario-page';
import { ScenariosPage, scenarioListSpec } from '../features/scenarios/scenarios-page';
import { DashboardPage, parseDashboardSearch } from '../features/status/dashboard-page';
import { UserDetailPage } from '../features/users/user-detail-page';
import { userListSpec } from '../features/users/user-list';
import { UsersPage } from '../features/users/users-page';
import { parseListSearch } from '../lib/list-state';
import { parseLoginSearch, parseTabSearch, parseTreeSearch } from '../lib/search';
import { NotFound } from './not-found';
import { queryClient, setSessionEndedHandler } from './providers';
import { RouteError } from './route-error';
import { Shell } from './shell';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: parseLoginSearch,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: '/' });
  },
  component: LoginPage,
});

/** Everything behind sign-in; the shell around it. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: Shell,
});

function page<P extends string>(path: P, component: () => ReactNode) {
  return createRoute({ getParentRoute: () => appRoute, path, component });
}
function detail<P extends string>(path: P, component: () => ReactNode) {
  return createRoute({ getParentRoute: () => appRoute, path, component, validateSearch: parseTabSearch });
}
function list<P extends string, S extends object>(
  path: P,
  component: () => ReactNode,
  validateSearch: (raw: Record<string, unknown>) => S,
) {
  return createRoute({ getParentRoute: () => appRoute, path, component, validateSearch });
}

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    page('/', OverviewPage),
    list('/dashboard', DashboardPage, parseDashboardSearch),
    page('/account', AccountPage),
    page('/account/tokens', TokensPage),
    // Notifications (C12)
    list('/notifications', NotificationsPage, parseNotificationSearch),
    page('/notifications/preferences', PreferencesPage),
    list('/offices', OfficesPage, (s: Record<string, unknown>) => parseTreeSearch(s, officeViews)),
    detail('/offices/$id', OfficeDetailPage),
    list('/org-units', OrgUnitsPage, (s: Record<string, unknown>) => parseTreeSearch(s, [])),
    detail('/org-units/$id', OrgUnitDetailPage),
    list('/objectives', ObjectivesPage, (s: Record<string, unknown>) => parseTreeSearch(s, [])),
    detail('/objectives/$id', ObjectiveDetailPage),
    list('/portfolios', PortfoliosPage, parsePortfolioSearch),
    detail('/portfolios/$id', PortfolioDetailPage),
    list('/programs', ProgramsPage, (s: Record<string, unknown>) => parseListSearch(programListSpec, s)),
    detail('/programs/$id', ProgramDetailPage),
    list('/projects', ProjectsPage, (s: Record<string, unknown>) => parseListSearch(projectListSpec, s)),
    detail('/projects/$id', ProjectDetailPage),
    list('/operations', OperationsPage, (s: Record<string, unknown>) =>
      parseListSearch(operationListSpec, s),
    ),
    detail('/operations/$id', OperationDetailPage),
    list('/project-types', ProjectTypesPage, (s: Record<string, unknown>) =>
      parseListSearch(projectTypeListSpec, s),
    ),
    detail('/project-types/$id', ProjectTypeDetailPage),
    list('/users', UsersPage, (s: Record<string, unknown>) => parseListSearch(userListSpec, s)),
    detail('/users/$id', UserDetailPage),
    list('/audit', AuditPage, parseAuditSearch),
    // Portfolio planning (C3)
    list('/scenarios', ScenariosPage, (s: Record<string, unknown>) => parseListSearch(scenarioListSpec, s)),
    list('/scenarios/compare', ComparePage, parseCompareSearch),
    detail('/scenarios/$id', ScenarioPage),
    // Demand (C2)
    list('/proposals', ProposalsPage, parseProposalSearch),
    page('/proposals/new', ProposalNewPage),
    detail('/proposals/$id', ProposalDetailPage),
    list('/ranking', RankingPage, parseRankingSearch),
    list('/scoring-frameworks', FrameworksPage, parseFrameworkSearch),
    detail('/scoring-frameworks/$id', FrameworkDetailPage),
    list('/work-roles', WorkRolesPage, parseWorkRoleSearch),
    detail('/work-roles/$id', WorkRoleDetailPage),
    // RAID and escalation (C8)
    list('/escalations', EscalationsPage, parseEscalationsSearch),
    // Governance (C9)
    list('/lifecycles', LifecyclesPage, parseLifecycleSearch),
    detail('/lifecycles/$id', LifecycleDetailPage),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultErrorComponent: RouteError,
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

setSessionEndedHandler(() => {
  setSignedOut(queryClient);
  const here = router.state.location.href;
  if (!here.startsWith('/login')) void router.navigate({ to: '/login', search: { redirect: here } });
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
