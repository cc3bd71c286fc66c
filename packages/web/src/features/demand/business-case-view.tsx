import { Card, SimpleGrid, Table, Text } from '@mantine/core';
import type { Proposal } from '@pharos/api';
import { businessCaseMeasures } from '@pharos/engine';
import css from './demand.module.css';
import { currencySymbol, formatMajor, formatMoney } from './money';

/** The measures of a business case, as the server sends them (and as the browser computes them). */
export type Measures = Proposal['measures'];

const irrNotes: Record<string, string> = {
  'no-sign-change': 'The flows never change sign',
  'several-possible': 'Several rates are possible; compare by NPV',
  none: 'The NPV never crosses zero',
};

/** The engine's measures in the server's shape: the same numbers the server will store. */
export function browserMeasures(
  years: readonly { capex: number; opex: number; benefits: number }[],
  rate: number,
  timing: 'year-end' | 'mid-year',
): Measures {
  const m = businessCaseMeasures(
    {
      capex: years.map((y) => y.capex),
      opex: years.map((y) => y.opex),
      benefits: years.map((y) => y.benefits),
    },
    rate,
    timing,
  );
  return {
    totalCost: m.totalCost,
    totalBenefits: m.totalBenefit,
    npv: Math.round(m.npv),
    irr: m.irr.rate,
    irrNote: m.irr.rate === null ? (irrNotes[m.irr.reason] ?? null) : null,
    payback: m.payback,
    discountedPayback: m.discountedPayback,
    roi: m.roi,
    discountRate: rate,
  };
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const yrs = (v: number | null) => (v === null ? 'Never' : `${v.toFixed(1)} years`);

function Measure({
  label,
  value,
  hint,
  tone,
}: {
  label: string;
  value: string;
  hint?: string;
  tone?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} fz="lg" c={tone} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}

/** NPV, IRR, paybacks, ROI and totals in one card. */
export function MeasuresCard({ m, currency, title }: { m: Measures; currency: string; title: string }) {
  return (
    <Card withBorder padding="md" aria-label={title} component="section">
      <Text fw={600} size="sm" mb="sm">
        {title}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="sm">
        <Measure
          label="NPV"
          value={formatMoney(m.npv, currency)}
          hint={`at ${pct(m.discountRate)} a year`}
          tone={m.npv < 0 ? 'red.7' : undefined}
        />
        <Measure label="IRR" value={pct(m.irr)} hint={m.irrNote ?? undefined} />
        <Measure label="Payback" value={yrs(m.payback)} hint={`discounted: ${yrs(m.discountedPayback)}`} />
        <Measure label="ROI" value={pct(m.roi)} hint="undiscounted" />
        <Measure label="Total cost" value={formatMoney(m.totalCost, currency)} />
        <Measure label="Total benefits" value={formatMoney(m.totalBenefits, currency)} />
      </SimpleGrid>
    </Card>
  );
}

/** The business case year by year, with the net and cumulative flow (whole major units). */
export function BusinessCaseTable({ bc, currency }: { bc: Proposal['businessCase']; currency: string }) {
  let cumulative = 0;
  const sym = currencySymbol(currency);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder verticalSpacing={6} aria-label="Business case by year">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Year</Table.Th>
            <Table.Th className={css.num}>Capex ({sym})</Table.Th>
            <Table.Th className={css.num}>Opex ({sym})</Table.Th>
            <Table.Th className={css.num}>Benefits ({sym})</Table.Th>
            <Table.Th className={css.num}>Net flow</Table.Th>
            <Table.Th className={css.num}>Cumulative</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bc.years.map((y, i) => {
            const net = y.benefits - y.capex - y.opex;
            cumulative += net;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: years are positional
              <Table.Tr key={i}>
                <Table.Td>{bc.firstYear + i}</Table.Td>
                <Table.Td className={css.num}>{formatMajor(y.capex, currency)}</Table.Td>
                <Table.Td className={css.num}>{formatMajor(y.opex, currency)}</Table.Td>
                <Table.Td className={css.num}>{formatMajor(y.benefits, currency)}</Table.Td>
                <Table.Td className={css.num} c={net < 0 ? 'red.7' : undefined}>
                  {formatMajor(net, currency)}
                </Table.Td>
                <Table.Td className={css.num} c={cumulative < 0 ? 'red.7' : 'green.8'} fw={600}>
                  {formatMajor(cumulative, currency)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
