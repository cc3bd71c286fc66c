import type { CharterData } from '../db/schema/registry';
import type { Prng } from './random';
import type { GeneratedOrg } from './types';

/** The Northwind Group's structure: organization units, PMOs with charters and catalogs, objectives, project types. */
const services = (r: Prng, officeId: string, names: [string, string][]) =>
  names.map(([serviceClass, name]) => ({ id: r.uuid(), officeId, name, serviceClass, description: '' }));

function charter(
  mission: string,
  mandate: string,
  level: CharterData['authorityLevel'],
  kpis: string[][],
): CharterData {
  return {
    mission,
    mandate,
    authorityLevel: level,
    kpis: kpis.map(([name, target, unit]) => ({ name: name!, target: target!, unit: unit! })),
  };
}

export function generateStructure(r: Prng) {
  const ou = (code: string, name: string, kind: string, parentId: string | null) => ({
    id: r.uuid(),
    code,
    name,
    kind,
    parentId,
  });
  const hold = ou('NW', 'Northwind Group', 'holding', null);
  const energy = ou('NW-ENERGY', 'Northwind Energy', 'subsidiary', hold.id);
  const fin = ou('NW-FIN', 'Northwind Financial Services', 'subsidiary', hold.id);
  const logi = ou('NW-LOG', 'Northwind Logistics', 'subsidiary', hold.id);
  const orgUnits = [
    hold,
    energy,
    fin,
    logi,
    ou('NW-GIT', 'Group IT', 'division', hold.id),
    ou('NW-GFIN', 'Group Finance', 'division', hold.id),
    ou('NW-ENERGY-GEN', 'Generation', 'division', energy.id),
    ou('NW-ENERGY-GRID', 'Grid', 'division', energy.id),
    ou('NW-FIN-RETAIL', 'Retail Banking', 'division', fin.id),
    ou('NW-FIN-INS', 'Insurance', 'division', fin.id),
    ou('NW-LOG-FREIGHT', 'Freight', 'division', logi.id),
    ou('NW-LOG-WH', 'Warehousing', 'division', logi.id),
  ];

  const office = (
    code: string,
    name: string,
    kind: string,
    parentId: string | null,
    orgUnitId: string,
    c: CharterData,
  ) => ({ id: r.uuid(), code, name, kind, parentId, orgUnitId, charter: c, description: '' });
  const epmo = office(
    'EPMO',
    'Enterprise Portfolio Office',
    'strategic',
    null,
    hold.id,
    charter(
      'Give the Group one true picture of its change portfolio and invest in the work that moves the strategy.',
      'Owns the portfolio process, the project management standards and the stage-gate framework for all subsidiaries.',
      'directive',
      [
        ['Projects delivered on time', '80', '%'],
        ['Portfolio value realised', '90', '%'],
        ['Status reports on time', '95', '%'],
      ],
    ),
  );
  const pgoDig = office(
    'PGO-DIG',
    'Digital Transformation Program Office',
    'program',
    epmo.id,
    hold.id,
    charter(
      'Deliver the Group digital programme as one coordinated effort.',
      'Plans, tracks and integrates the digital programmes across subsidiaries.',
      'controlling',
      [
        ['Program milestones met', '85', '%'],
        ['Benefits on track', '75', '%'],
      ],
    ),
  );
  const pgoInf = office(
    'PGO-INF',
    'Energy & Infrastructure Program Office',
    'program',
    epmo.id,
    energy.id,
    charter(
      'Bring the energy transition programmes in safely, on time and on budget.',
      'Controls capital programmes and their stage gates.',
      'controlling',
      [
        ['Capex variance', '±5', '%'],
        ['Safety incidents', '0', 'count'],
      ],
    ),
  );
  const pmoFin = office(
    'PMO-FIN',
    'Financial Services PMO',
    'project',
    pgoDig.id,
    fin.id,
    charter(
      'Help project managers in Financial Services deliver.',
      'Supports projects with templates, coaching and reporting.',
      'supportive',
      [['Projects with a baseline', '100', '%']],
    ),
  );
  const pmoLog = office(
    'PMO-LOG',
    'Logistics PMO',
    'project',
    pgoDig.id,
    logi.id,
    charter(
      'Make Logistics projects predictable.',
      'Supports and controls Logistics projects.',
      'supportive',
      [['Schedule variance', '≤10', '%']],
    ),
  );
  const pmoEne = office(
    'PMO-ENE',
    'Energy Project Office',
    'project',
    pgoInf.id,
    energy.id,
    charter(
      'Run energy projects to the Group standard.',
      'Controls schedules and costs of energy construction projects.',
      'controlling',
      [['Cost performance index', '≥0.95', 'CPI']],
    ),
  );
  const offices = [epmo, pgoDig, pgoInf, pmoFin, pmoLog, pmoEne];
  const allServices = [
    ...services(r, epmo.id, [
      ['general', 'Portfolio reporting to the Executive Board'],
      ['directive', 'Investment decision support'],
      ['controlling', 'Stage-gate reviews'],
      ['supportive', 'Methodology and templates'],
      ['supportive', 'PM training and certification'],
      ['directive', 'Resource allocation across portfolios'],
    ]),
    ...services(r, pgoDig.id, [
      ['controlling', 'Program status consolidation'],
      ['supportive', 'Dependency management'],
      ['general', 'Benefits tracking'],
    ]),
    ...services(r, pgoInf.id, [
      ['controlling', 'Capex control'],
      ['controlling', 'Schedule assurance'],
      ['supportive', 'Contractor management support'],
    ]),
    ...services(r, pmoFin.id, [
      ['supportive', 'Project coaching'],
      ['general', 'Status report preparation'],
    ]),
    ...services(r, pmoLog.id, [
      ['supportive', 'Planning support'],
      ['general', 'RAID log administration'],
    ]),
    ...services(r, pmoEne.id, [
      ['controlling', 'Earned value reporting'],
      ['supportive', 'Scheduling (MS Project) support'],
    ]),
  ];

  const obj = (code: string, name: string, weight: number, parentId: string | null = null) => ({
    id: r.uuid(),
    code,
    name,
    parentId,
    officeId: epmo.id,
    weight,
  });
  const grow = obj('OBJ-GROW', 'Grow recurring revenue by 8% a year', 25);
  const cost = obj('OBJ-COST', 'Reduce operating cost by 10% by 2027', 20);
  const net = obj('OBJ-NETZERO', 'Net-zero operations by 2035', 20);
  const reg = obj('OBJ-REG', 'Stay compliant with every regulation we are under', 15);
  const cx = obj('OBJ-CX', 'Raise customer satisfaction (NPS +15)', 10);
  const people = obj('OBJ-PEOPLE', 'Build digital skills across the Group', 10);
  const objectives = [
    grow,
    cost,
    net,
    reg,
    cx,
    people,
    obj('OBJ-DIGI', 'Digitise 80% of customer journeys', 60, grow.id),
    obj('OBJ-RESIL', 'Strengthen operational resilience', 40, reg.id),
  ];

  const type = (code: string, name: string, description: string) => ({
    id: r.uuid(),
    code,
    name,
    description,
  });
  const projectTypes = [
    type('IT', 'IT / software', 'Software delivery, iterative or waterfall'),
    type('INFRA', 'Infrastructure / construction', 'Capital projects with stage gates and earned value'),
    type('PRODUCT', 'Product development', 'New products and services'),
    type('REG', 'Regulatory / compliance', 'Mandatory work with fixed deadlines'),
    type('CHANGE', 'Organisational change', 'Process, people and organisation changes'),
    type('RND', 'Research & development', 'Exploratory work with go/no-go gates'),
  ];

  return {
    hold,
    energy,
    fin,
    logi,
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
  } satisfies Partial<Record<string, unknown>> &
    Pick<GeneratedOrg, 'orgUnits' | 'offices' | 'objectives' | 'projectTypes'>;
}
