/**
 * The demo's demand, as a PMO would meet it: proposals from the Northwind businesses with their
 * problem and expected outcome, where each stands in the pipeline, and why the rejected and
 * deferred ones were. demand.ts turns these into rows with dates, business cases and scores.
 */

export type Theme = 'digital' | 'customer' | 'energy' | 'compliance';
/** How the business case looks: savings, new revenue, mandatory work (little return), or weak. */
export type Profile = 'saving' | 'revenue' | 'mandatory' | 'weak';
/** Where it is now; a rejected or deferred one also says the last step it reached before. */
export type Stage =
  | 'draft'
  | 'submitted'
  | 'screening'
  | 'scored'
  | 'shortlisted'
  | 'approved'
  | `rejected:${'submitted' | 'screening' | 'scored' | 'shortlisted'}`
  | `deferred:${'screening' | 'scored' | 'shortlisted'}`;

export interface CatalogEntry {
  title: string;
  problem: string;
  outcome: string;
  theme: Theme;
  profile: Profile;
  unit: string;
  type: string;
  stage: Stage;
  reason?: string;
}

const e = (
  title: string,
  problem: string,
  outcome: string,
  [theme, profile, unit, type, stage]: [Theme, Profile, string, string, Stage],
  reason?: string,
): CatalogEntry => ({
  title,
  problem,
  outcome,
  theme,
  profile,
  unit,
  type,
  stage,
  ...(reason ? { reason } : {}),
});

export const catalog: CatalogEntry[] = [
  e(
    'Migrate the data warehouse to a cloud lakehouse',
    'The on-premise warehouse is at capacity: nightly loads overrun into business hours and the licences renew in 2028.',
    'Reports ready by 07:00 every day; warehouse licences and hardware retired.',
    ['digital', 'saving', 'NW-GIT', 'IT', 'approved'],
  ),
  e(
    'Replace the three payroll systems with one HR platform',
    'Each subsidiary runs its own payroll; Group Finance reconciles them by hand every month.',
    'One HR and payroll platform; the monthly close two days faster.',
    ['digital', 'saving', 'NW-GFIN', 'IT', 'shortlisted'],
  ),
  e(
    'Group-wide identity and access management',
    'Joiners wait a week for their accounts and leavers keep access too long (internal audit finding 2025-14).',
    'Accounts on the first day; access removed the day someone leaves.',
    ['digital', 'saving', 'NW-GIT', 'IT', 'scored'],
  ),
  e(
    'Automate supplier invoice processing',
    '40,000 paper and PDF invoices a year are keyed in by hand; 6% are paid late.',
    'Invoices read and matched automatically; late payments below 1%.',
    ['digital', 'saving', 'NW-GFIN', 'IT', 'approved'],
  ),
  e(
    'Developer platform with delivery pipelines',
    'Every team builds and deploys its own way; a release takes three weeks of manual steps.',
    'Shared pipelines and templates; a release in a day.',
    ['digital', 'saving', 'NW-GIT', 'IT', 'screening'],
  ),
  e(
    'Consolidate the data centres into two sites',
    'Five ageing server rooms, two of them without proper cooling redundancy.',
    'Two resilient sites; three leases ended; energy use down a quarter.',
    ['digital', 'saving', 'NW-GIT', 'INFRA', 'shortlisted'],
  ),
  e(
    'AI assistant for the IT service desk',
    'Half of the 9,000 monthly tickets are password resets and how-to questions.',
    'A third of tickets answered without an agent.',
    ['digital', 'saving', 'NW-GIT', 'IT', 'submitted'],
  ),
  e(
    'Modernise the ERP finance module',
    'The finance module is two major versions behind and customised beyond upgrade.',
    'A supported, standard finance module.',
    ['digital', 'weak', 'NW-GFIN', 'IT', 'rejected:scored'],
    'Negative NPV at the Group discount rate; come back with a phased scope that retires the customisations first.',
  ),
  e(
    'Robotic automation of claims intake',
    'Claims handlers spend a third of their day copying data between the portal and the core system.',
    'Claims registered within the hour, without retyping.',
    ['digital', 'saving', 'NW-FIN-INS', 'IT', 'scored'],
  ),
  e(
    'Zero-trust network segmentation',
    'The office and plant networks are flat: one compromised laptop reaches everything.',
    'Segmented networks with access by identity.',
    ['digital', 'weak', 'NW-GIT', 'INFRA', 'deferred:screening'],
    'Depends on the identity and access management project; resubmit once it is live.',
  ),
  e(
    'Mobile banking app 3.0 with instant payments',
    'Our app rating has dropped to 3.1; competitors offer instant payments and we do not.',
    'Instant payments in the app; rating back above 4.3; 60,000 more active users.',
    ['customer', 'revenue', 'NW-FIN-RETAIL', 'PRODUCT', 'shortlisted'],
  ),
  e(
    'Self-service portal for freight customers',
    'Customers phone or e-mail for every quote and booking; 30% of calls are status questions.',
    'Quotes, bookings and documents online, day and night.',
    ['customer', 'revenue', 'NW-LOG-FREIGHT', 'IT', 'screening'],
  ),
  e(
    'Real-time shipment tracking for customers',
    'Customers learn of delays only when a shipment is late.',
    'Live position and arrival estimates for every shipment.',
    ['customer', 'revenue', 'NW-LOG-FREIGHT', 'IT', 'scored'],
  ),
  e(
    'Customer data platform for one view of the customer',
    'Customer data lives in eleven systems; marketing cannot tell who already is a customer.',
    'One profile per customer, with consent, used by every channel.',
    ['customer', 'revenue', 'NW-FIN', 'IT', 'submitted'],
  ),
  e(
    'Digital onboarding for retail bank accounts',
    'Opening an account takes a branch visit and nine days on average.',
    'Accounts opened online in ten minutes, identity checked by video.',
    ['customer', 'revenue', 'NW-FIN-RETAIL', 'PRODUCT', 'approved'],
  ),
  e(
    'Dynamic pricing engine for freight',
    'Rates are set once a year and ignore load factors; empty return legs cost us margin.',
    'Prices that follow demand and capacity, reviewed weekly.',
    ['customer', 'revenue', 'NW-LOG-FREIGHT', 'PRODUCT', 'screening'],
  ),
  e(
    'Chatbot for first notice of insurance claims',
    'Claims are notified by phone only, with long waits after storms.',
    'Claims notified any time, in any channel.',
    ['customer', 'saving', 'NW-FIN-INS', 'IT', 'draft'],
  ),
  e(
    'Loyalty programme for energy retail customers',
    'Churn among retail energy customers rose to 14% a year.',
    'A points programme that keeps customers longer.',
    ['customer', 'weak', 'NW-ENERGY', 'PRODUCT', 'rejected:screening'],
    'The 2025 pilot showed no effect on churn; the benefits are not evidenced.',
  ),
  e(
    'Omnichannel contact centre platform',
    'Phone, e-mail and chat run on three tools; agents cannot see earlier contacts.',
    'One platform with the whole contact history; handling time down 20%.',
    ['customer', 'saving', 'NW-FIN', 'IT', 'scored'],
  ),
  e(
    'Online mortgage application',
    'Mortgage applications are paper-based and take four weeks to an offer.',
    'An offer in principle online in one day.',
    ['customer', 'revenue', 'NW-FIN-RETAIL', 'PRODUCT', 'draft'],
  ),
  e(
    'Battery storage at the Westport solar farm',
    'Midday solar output is curtailed when the grid is full; we sell evening power at peak prices we do not produce.',
    '40 MWh of storage shifting solar output to the evening peak.',
    ['energy', 'revenue', 'NW-ENERGY-GEN', 'INFRA', 'shortlisted'],
  ),
  e(
    'Smart meter roll-out, phase 2',
    'The regulator requires smart meters for every household by 2029; 420,000 remain.',
    'Every remaining household metered remotely; no more estimated bills.',
    ['energy', 'mandatory', 'NW-ENERGY-GRID', 'INFRA', 'approved'],
  ),
  e(
    'Predictive maintenance for wind turbines',
    'Gearbox failures stop turbines for weeks; repairs are planned only after breakdowns.',
    'Failures predicted from vibration data; availability above 97%.',
    ['energy', 'saving', 'NW-ENERGY-GEN', 'RND', 'scored'],
  ),
  e(
    'Substation automation in the North region',
    'Forty substations are switched by hand; outages last hours while crews drive out.',
    'Remote switching; outage minutes per customer halved.',
    ['energy', 'saving', 'NW-ENERGY-GRID', 'INFRA', 'screening'],
  ),
  e(
    'Charging points for electric trucks at the depots',
    'The fleet plan moves 120 trucks to electric by 2028 and no depot can charge them.',
    'Overnight charging at four depots.',
    ['energy', 'saving', 'NW-LOG', 'INFRA', 'submitted'],
  ),
  e(
    'Green hydrogen pilot at the Eastfield plant',
    'Industrial customers ask for green hydrogen; we have no production experience.',
    'A 2 MW electrolyser pilot and a decision on scale-up.',
    ['energy', 'weak', 'NW-ENERGY-GEN', 'RND', 'deferred:scored'],
    'Promising but immature; revisit once the national subsidy scheme is published.',
  ),
  e(
    'Repower the Eastfield onshore wind park',
    'The 1998 turbines reach end of life; the site could host three times the capacity.',
    'Twelve modern turbines replacing thirty old ones; output tripled.',
    ['energy', 'revenue', 'NW-ENERGY-GEN', 'INFRA', 'screening'],
  ),
  e(
    'Drone inspection of overhead lines',
    'Line inspections need helicopters and take a year to cover the network.',
    'The whole network inspected twice a year by drones.',
    ['energy', 'saving', 'NW-ENERGY-GRID', 'CHANGE', 'submitted'],
  ),
  e(
    'Heat pumps for warehouse heating',
    'The warehouses burn 3 GWh of gas a year for heating.',
    'Gas heating replaced; 600 t CO2 less a year.',
    ['energy', 'saving', 'NW-LOG-WH', 'INFRA', 'draft'],
  ),
  e(
    'Solar canopies over the distribution centres',
    'Large flat roofs and car parks produce nothing while we buy power at retail prices.',
    '8 MWp of solar covering a third of the centres’ consumption.',
    ['energy', 'revenue', 'NW-LOG-WH', 'INFRA', 'scored'],
  ),
  e(
    'DORA operational resilience programme',
    'The Digital Operational Resilience Act applies to our financial entities; gaps in ICT risk and third-party registers.',
    'Compliance with DORA: registers, incident reporting and resilience testing in place.',
    ['compliance', 'mandatory', 'NW-FIN', 'REG', 'shortlisted'],
  ),
  e(
    'Sustainability reporting under the CSRD',
    'From next year the Group must report on sustainability to the European standards, with assurance.',
    'An auditable ESG data trail and the first compliant report.',
    ['compliance', 'mandatory', 'NW-GFIN', 'REG', 'screening'],
  ),
  e(
    'Upgrade anti-money-laundering transaction monitoring',
    'The monitoring rules produce 95% false positives and the regulator asked for a remediation plan.',
    'Risk-based monitoring with half the alerts and better detection.',
    ['compliance', 'mandatory', 'NW-FIN-RETAIL', 'REG', 'submitted'],
  ),
  e(
    'IFRS 17 reporting for the insurance book',
    'Insurance contract reporting relies on spreadsheets that auditors flagged.',
    'Automated IFRS 17 measurement and disclosures.',
    ['compliance', 'mandatory', 'NW-FIN-INS', 'REG', 'scored'],
  ),
  e(
    'Records retention and e-discovery',
    'Nobody knows which documents may be deleted; legal holds are handled by e-mail.',
    'Retention rules applied automatically; legal holds in one place.',
    ['compliance', 'weak', 'NW-GFIN', 'REG', 'rejected:submitted'],
    'Covered by the Group document management contract renewed last year.',
  ),
  e(
    'Automate business continuity tests',
    'Failover tests are run by hand once a year and rarely complete.',
    'Quarterly automated failover tests with evidence.',
    ['compliance', 'weak', 'NW-GIT', 'REG', 'rejected:screening'],
    'Duplicates the resilience testing workstream of the DORA programme.',
  ),
  e(
    'Real-time sanctions screening',
    'Payments are screened in nightly batches; the regulator expects screening before execution.',
    'Every payment screened before it leaves, within 200 ms.',
    ['compliance', 'mandatory', 'NW-FIN-RETAIL', 'REG', 'approved'],
  ),
  e(
    'Privacy consent management',
    'Consent is recorded differently in each channel and cannot be proven on request.',
    'One consent record per customer, provable and honoured by every system.',
    ['compliance', 'weak', 'NW-FIN', 'REG', 'deferred:shortlisted'],
    'Wait for the customer data platform decision: both need the same consent store.',
  ),
  e(
    'Replace the warehouse management system',
    'The warehouse system is out of support and cannot handle e-commerce order volumes.',
    'A supported system handling three times today’s order lines.',
    ['digital', 'saving', 'NW-LOG-WH', 'IT', 'rejected:shortlisted'],
    'The vendor offers an upgrade path at a third of the cost; take that instead.',
  ),
  e(
    'Route optimisation for the truck fleet',
    'Routes are planned by dispatchers from experience; trucks run 18% empty kilometres.',
    'Optimised routes daily; empty kilometres below 10%.',
    ['customer', 'saving', 'NW-LOG-FREIGHT', 'IT', 'draft'],
  ),
];

export const risksByTheme: Record<Theme, string[]> = {
  digital: [
    'Key vendor resources not available when needed',
    'Data migration quality worse than expected',
    'Business users cannot be released for testing',
    'Integration with legacy systems harder than estimated',
  ],
  customer: [
    'Customer adoption slower than planned',
    'Competitor launches first',
    'Regulatory approval of the new product delayed',
    'Marketing budget cut mid-year',
  ],
  energy: [
    'Grid connection permit delayed',
    'Equipment prices rise with commodity markets',
    'Planning objections from local residents',
    'Weather limits the construction window',
  ],
  compliance: [
    'Regulator changes the technical standards late',
    'Scarce specialists needed by several programmes at once',
    'Source data incomplete for the required reports',
    'Deadline leaves no room for a second test cycle',
  ],
};

export const mandatoryReasons: Record<string, string> = {
  energy: 'Required by the national smart metering regulation (deadline 2029).',
  compliance: 'A legal obligation with a fixed deadline; non-compliance risks fines and licence conditions.',
};
