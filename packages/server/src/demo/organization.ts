import type { Role, ScopeType } from '@pharos/api';
import { firstNames, lastNames, projectThemes } from './names';
import { prng } from './random';
import { generateStructure } from './structure';
import type { GeneratedOrg, OrgSize, Phase, Status } from './types';
import { demoSize } from './types';

export { demoSize, type GeneratedOrg, type OrgSize } from './types';

function isoDate(base: number, days: number) {
  return new Date(Date.UTC(2025, 0, 1) + (base + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Generates a realistic PMO network. Same seed, same organization, ids included. */
export function generateOrganization(size: OrgSize = demoSize, seed = 2026): GeneratedOrg {
  const r = prng(seed);
  const {
    hold,
    fin,
    orgUnits,
    epmo,
    pgoDig,
    pgoInf,
    pmoFin,
    pmoLog,
    pmoEne,
    offices,
    services: allServices,
    objectives,
    projectTypes,
  } = generateStructure(r);

  // ---- people ----
  const users: GeneratedOrg['users'] = [];
  const grants: GeneratedOrg['grants'] = [];
  const showcase: GeneratedOrg['showcase'] = [];
  const usedEmails = new Set<string>();
  const person = (title: string, orgUnitId: string, email?: string) => {
    let name = `${r.pick(firstNames)} ${r.pick(lastNames)}`;
    let mail = email ?? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@pharos.demo`;
    for (let n = 2; usedEmails.has(mail); n++) {
      mail = email ? mail : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${n}@pharos.demo`;
      if (email) throw new Error(`duplicate showcase ${email}`);
    }
    if (email === 'admin@pharos.demo') name = 'Pharos Administrator';
    usedEmails.add(mail);
    const u = { id: r.uuid(), email: mail, name, title, orgUnitId };
    users.push(u);
    return u;
  };
  const grant = (userId: string, role: Role, scopeType: ScopeType, scopeId: string | null) =>
    grants.push({ id: r.uuid(), userId, role, scopeType, scopeId });
  const show = (
    email: string,
    role: Role,
    scopeType: ScopeType,
    scopeId: string | null,
    scopeName: string,
    title: string,
    orgUnitId: string,
  ) => {
    const u = person(title, orgUnitId, email);
    // A program or project showcase account is granted once its program or project exists.
    if (scopeId !== null || scopeType === 'organization') grant(u.id, role, scopeType, scopeId);
    showcase.push({ email, role, scope: scopeName });
    return u;
  };

  const admin = show(
    'admin@pharos.demo',
    'admin',
    'organization',
    null,
    'whole organization',
    'System administrator',
    hold.id,
  );
  show(
    'director@pharos.demo',
    'pmo_director',
    'organization',
    null,
    'whole organization',
    'Director, Enterprise PMO',
    hold.id,
  );
  show('analyst@pharos.demo', 'pmo_analyst', 'office', epmo.id, epmo.name, 'PMO analyst', hold.id);
  show(
    'auditor@pharos.demo',
    'auditor',
    'organization',
    null,
    'whole organization',
    'Internal auditor',
    hold.id,
  );
  const exec = show(
    'executive@pharos.demo',
    'executive',
    'organization',
    null,
    'whole organization',
    'Chief Operating Officer',
    hold.id,
  );
  show(
    'requester@pharos.demo',
    'business_requester',
    'organization',
    null,
    'whole organization',
    'Head of Retail Banking',
    fin.id,
  );
  show('trainer@pharos.demo', 'trainer', 'office', epmo.id, epmo.name, 'PM coach', hold.id);
  show(
    'resources@pharos.demo',
    'resource_manager',
    'office',
    pgoDig.id,
    pgoDig.name,
    'Resource manager, Digital',
    hold.id,
  );
  show(
    'finance@pharos.demo',
    'finance_controller',
    'organization',
    null,
    'whole organization',
    'Finance controller, projects',
    hold.id,
  );
  for (const o of [pgoDig, pgoInf, pmoFin, pmoLog, pmoEne]) {
    grant(person(`Head of ${o.name}`, o.orgUnitId).id, 'pmo_director', 'office', o.id);
    grant(person(`PMO analyst, ${o.name}`, o.orgUnitId).id, 'pmo_analyst', 'office', o.id);
  }
  grant(admin.id, 'auditor', 'organization', null); // one person, several roles
  const executives = [
    exec,
    ...Array.from({ length: 7 }, (_, i) => {
      const u = person(
        [
          'CIO',
          'CFO',
          'CEO Northwind Energy',
          'CEO Northwind Financial Services',
          'CEO Northwind Logistics',
          'Chief Digital Officer',
          'Chief Risk Officer',
        ][i]!,
        hold.id,
      );
      return u;
    }),
  ];

  // ---- portfolios and programs ----
  const pf = (code: string, name: string, parentId: string | null, officeId: string) => ({
    id: r.uuid(),
    code,
    name,
    parentId,
    officeId,
    managerId: null as string | null,
  });
  const pfDig = pf('PF-DIG', 'Digital & Technology', null, epmo.id);
  const pfInf = pf('PF-ENERGY', 'Energy Transition & Infrastructure', null, epmo.id);
  const pfCust = pf('PF-CUST', 'Customer & Growth', pfDig.id, pgoDig.id);
  const pfReg = pf('PF-REG', 'Compliance & Resilience', null, epmo.id);
  const portfolios = [pfDig, pfInf, pfCust, pfReg];
  const themeOf = new Map<string, keyof typeof projectThemes>([
    [pfDig.id, 'digital'],
    [pfInf.id, 'energy'],
    [pfCust.id, 'customer'],
    [pfReg.id, 'compliance'],
  ]);
  const pmOfficeOf = new Map([
    [pfDig.id, [pmoFin, pmoLog]],
    [pfInf.id, [pmoEne]],
    [pfCust.id, [pmoFin, pmoLog]],
    [pfReg.id, [pmoFin, pmoEne, pmoLog]],
  ]);
  const progOfficeOf = (p: { id: string }) => (p.id === pfInf.id ? pgoInf : pgoDig);
  for (const [i, p] of portfolios.entries()) {
    const u =
      i === 0
        ? show(
            'portfolio@pharos.demo',
            'portfolio_manager',
            'portfolio',
            p.id,
            p.name,
            `Portfolio manager, ${p.name}`,
            hold.id,
          )
        : person(`Portfolio manager, ${p.name}`, hold.id);
    if (i > 0) grant(u.id, 'portfolio_manager', 'portfolio', p.id);
    p.managerId = u.id;
    grant(executives[i]!.id, 'executive', 'portfolio', p.id);
  }
  const programNames = [
    'Cloud First',
    'Open Banking',
    'Smart Grid',
    'Offshore Wind',
    'Customer 360',
    'Regulatory Readiness',
    'Green Fleet',
    'Data & AI',
  ];
  const programs: GeneratedOrg['programs'] = [];
  for (let i = 0; i < size.programs; i++) {
    const portfolio = portfolios[i % portfolios.length]!;
    const base = r.int(0, 300);
    const name =
      i < programNames.length
        ? programNames[i]!
        : `${programNames[i % programNames.length]} ${Math.floor(i / programNames.length) + 1}`;
    const mgr =
      i === 0
        ? show(
            'program@pharos.demo',
            'program_manager',
            'program',
            null,
            '',
            `Program manager, ${name}`,
            hold.id,
          )
        : person(`Program manager, ${name}`, hold.id);
    const prog = {
      id: r.uuid(),
      code: `PRG-${String(i + 1).padStart(3, '0')}`,
      name,
      portfolioId: portfolio.id,
      officeId: progOfficeOf(portfolio).id,
      managerId: mgr.id,
      sponsorId: r.pick(executives).id,
      plannedStart: isoDate(base, 0),
      plannedFinish: isoDate(base, r.int(400, 900)),
    };
    programs.push(prog);
    if (i === 0) showcase.at(-1)!.scope = name;
    grant(mgr.id, 'program_manager', 'program', prog.id);
  }

  // ---- projects ----
  const phases: Phase[] = [
    'initiation',
    'planning',
    'execution',
    'execution',
    'execution',
    'monitoring',
    'closing',
    'closed',
  ];
  const projects: GeneratedOrg['projects'] = [];
  const projectObjectives: GeneratedOrg['projectObjectives'] = [];
  const pms: (typeof users)[number][] = [];
  const pmCount = Math.max(2, Math.round(size.projects / 2));
  const leaves = objectives.filter(
    (o) => o.parentId !== null || !objectives.some((c) => c.parentId === o.id),
  );
  for (let i = 0; i < size.projects; i++) {
    const inProgram = r.next() < 0.75 && programs.length > 0;
    const prog = inProgram ? programs[i % programs.length]! : null;
    const portfolioId = prog ? prog.portfolioId : portfolios[i % portfolios.length]!.id;
    const theme = projectThemes[themeOf.get(portfolioId)!];
    const name = `${r.pick(theme.verbs)} ${r.pick(theme.objects)}`;
    const phase = r.pick(phases);
    const status: Status =
      phase === 'closed'
        ? r.next() < 0.9
          ? 'completed'
          : 'cancelled'
        : phase === 'initiation'
          ? r.next() < 0.5
            ? 'proposed'
            : 'active'
          : r.next() < 0.08
            ? 'on_hold'
            : 'active';
    const pmOffice = r.pick(pmOfficeOf.get(portfolioId)!);
    let pm = pms[i % pmCount];
    if (!pm) {
      pm =
        i === 0
          ? show(
              'pm@pharos.demo',
              'project_manager',
              'project',
              null,
              '',
              'Project manager',
              pmOffice.orgUnitId,
            )
          : person('Project manager', pmOffice.orgUnitId);
      pms.push(pm);
    }
    const base = phase === 'closed' ? r.int(-400, 100) : r.int(0, 500);
    const typeId =
      themeOf.get(portfolioId) === 'energy'
        ? r.pick([projectTypes[1]!, projectTypes[1]!, projectTypes[5]!]).id
        : themeOf.get(portfolioId) === 'compliance'
          ? projectTypes[3]!.id
          : r.pick([projectTypes[0]!, projectTypes[0]!, projectTypes[2]!, projectTypes[4]!]).id;
    const p = {
      id: r.uuid(),
      code: `PRJ-${String(i + 1).padStart(size.projects > 9999 ? 5 : 4, '0')}`,
      name,
      typeId,
      phase,
      status,
      sponsorId: r.pick(executives).id,
      managerId: pm.id,
      officeId: pmOffice.id,
      orgUnitId: pmOffice.orgUnitId,
      portfolioId,
      programId: prog?.id ?? null,
      plannedStart: isoDate(base, 0),
      plannedFinish: isoDate(base, r.int(90, 720)),
      description: `${name} for ${pmOffice.name.replace(/ (PMO|Project Office)$/, '')}.`,
    };
    projects.push(p);
    if (i === 0) showcase.find((s) => s.email === 'pm@pharos.demo')!.scope = `${p.code} ${p.name}`;
    grant(pm.id, 'project_manager', 'project', p.id);
    const o1 = r.pick(leaves);
    projectObjectives.push({ projectId: p.id, objectiveId: o1.id });
    const o2 = r.pick(objectives);
    if (o2.id !== o1.id && r.next() < 0.5) projectObjectives.push({ projectId: p.id, objectiveId: o2.id });
  }
  // Coordinators and team members on projects, the first of each memorable.
  const remaining = Math.max(0, size.users - users.length - 2);
  const coordinators = Math.max(1, Math.round(remaining * 0.25));
  for (let i = 0; i < remaining; i++) {
    const p = projects[(i * 7) % projects.length]!;
    const role: Role = i < coordinators ? 'project_coordinator' : 'team_member';
    const email = i === 0 ? 'coordinator@pharos.demo' : i === coordinators ? 'member@pharos.demo' : undefined;
    const title =
      role === 'project_coordinator'
        ? 'Project coordinator'
        : r.pick([
            'Business analyst',
            'Developer',
            'Engineer',
            'Architect',
            'Tester',
            'Site engineer',
            'Data analyst',
          ]);
    const u = email
      ? show(email, role, 'project', p.id, `${p.code} ${p.name}`, title, p.orgUnitId)
      : person(title, p.orgUnitId);
    if (!email) grant(u.id, role, 'project', p.id);
    if (i % 3 === 0 && projects.length > 1)
      grant(u.id, role, 'project', projects[(i * 7 + 1) % projects.length]!.id);
  }
  const operations = [
    ['OPS-DC', 'Data centre operations', pfDig],
    ['OPS-ERP', 'ERP application support', pfDig],
    ['OPS-GRID', 'Grid maintenance', pfInf],
    ['OPS-CONTACT', 'Contact centre operations', pfCust],
    ['OPS-AUDIT', 'Annual regulatory reporting', pfReg],
  ].map(([code, name, p]) => {
    const portfolio = p as (typeof portfolios)[number];
    return {
      id: r.uuid(),
      code: code as string,
      name: name as string,
      portfolioId: portfolio.id,
      officeId: portfolio.officeId,
      orgUnitId: hold.id,
      ownerId: portfolio.managerId,
    };
  });
  return {
    orgUnits,
    offices,
    services: allServices,
    objectives,
    projectTypes,
    portfolios,
    programs,
    projects,
    projectObjectives,
    operations,
    users,
    grants,
    showcase,
  };
}
