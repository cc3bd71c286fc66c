import { ActionIcon, Alert, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import type { DemandSettings } from '@pharos/api';
import { useMemo } from 'react';
import type { FormApi } from '../../ui/use-zod-form';
import { browserMeasures, MeasuresCard } from './business-case-view';
import css from './demand.module.css';
import { currencyDigits, currencySymbol, formatMajor } from './money';
import { blankYear, type MoneyYear, type ProposalValues, parseBusinessCase } from './proposal-values';

const cols = [
  { key: 'capex', label: 'Capex' },
  { key: 'opex', label: 'Opex' },
  { key: 'benefits', label: 'Benefits' },
] as const;

/**
 * Costs and benefits per year, typed in major units of the organization's currency; the net and
 * cumulative flow and the measures (NPV, IRR, payback, ROI) follow every keystroke, computed in the
 * browser by the engine the server uses.
 */
export function BusinessCaseEditor({
  form,
  settings,
}: {
  form: FormApi<ProposalValues>;
  settings: DemandSettings;
}) {
  const bc = form.values.businessCase;
  const digits = currencyDigits(settings.currency);
  const sym = currencySymbol(settings.currency);
  const parsed = useMemo(() => parseBusinessCase(bc, digits), [bc, digits]);
  const valid = Object.keys(parsed.errors).length === 0;
  const measures = useMemo(
    () =>
      valid
        ? browserMeasures(parsed.businessCase.years, settings.discountRate, settings.cashFlowTiming)
        : null,
    [valid, parsed, settings.discountRate, settings.cashFlowTiming],
  );
  const ro = form.readOnly;
  const setYears = (years: MoneyYear[]) => form.set('businessCase', { ...bc, years });
  const setCell = (i: number, key: keyof MoneyYear, text: string) =>
    setYears(bc.years.map((y, j) => (j === i ? { ...y, [key]: text } : y)));

  let cumulative = 0;
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md">
        <NumberInput
          label="First year"
          value={bc.firstYear}
          min={2000}
          max={2100}
          w={160}
          readOnly={ro}
          error={form.error('businessCase.firstYear')}
          onChange={(v) => form.set('businessCase', { ...bc, firstYear: Number(v) || bc.firstYear })}
        />
        <Text size="sm" c="dimmed" pb={6}>
          The calendar year of the first row. Amounts in {settings.currency} ({sym}); the first year is not
          discounted.
        </Text>
      </Group>
      {form.error('businessCase.years') && (
        <Alert color="red" py={6}>
          {form.error('businessCase.years')}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} aria-label="Business case editor">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Year</Table.Th>
              {cols.map((c) => (
                <Table.Th key={c.key} className={css.num}>
                  {c.label} ({sym})
                </Table.Th>
              ))}
              <Table.Th className={css.num}>Net flow</Table.Th>
              <Table.Th className={css.num}>Cumulative</Table.Th>
              {!ro && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bc.years.map((y, i) => {
              const year = bc.firstYear + i;
              const m = parsed.businessCase.years[i] ?? { capex: 0, opex: 0, benefits: 0 };
              const net = m.benefits - m.capex - m.opex;
              cumulative += net;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: years are positional
                <Table.Tr key={i}>
                  <Table.Td fw={500}>{year}</Table.Td>
                  {cols.map((c) => (
                    <Table.Td key={c.key}>
                      <TextInput
                        aria-label={`${c.label} ${year}`}
                        value={y[c.key]}
                        placeholder="0"
                        inputMode="decimal"
                        readOnly={ro}
                        variant={ro ? 'filled' : undefined}
                        styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                        error={form.error(`businessCase.years.${i}.${c.key}`)}
                        onChange={(e) => setCell(i, c.key, e.currentTarget.value)}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td className={css.num} c={net < 0 ? 'red.7' : undefined}>
                    {formatMajor(net, settings.currency)}
                  </Table.Td>
                  <Table.Td className={css.num} fw={600} c={cumulative < 0 ? 'red.7' : 'green.8'}>
                    {formatMajor(cumulative, settings.currency)}
                  </Table.Td>
                  {!ro && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove year ${year}`}
                        disabled={bc.years.length <= 1}
                        onClick={() => setYears(bc.years.filter((_, j) => j !== i))}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!ro && (
        <Group>
          <Button
            variant="default"
            size="xs"
            disabled={bc.years.length >= 30}
            onClick={() => setYears([...bc.years, blankYear()])}
          >
            Add a year
          </Button>
        </Group>
      )}
      {measures ? (
        <MeasuresCard m={measures} currency={settings.currency} title="Measures (computed as you type)" />
      ) : (
        <Text size="sm" c="dimmed">
          Correct the amounts marked in red to see NPV, IRR and payback.
        </Text>
      )}
    </Stack>
  );
}
