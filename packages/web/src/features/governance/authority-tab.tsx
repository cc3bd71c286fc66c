import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type AuthorityRule,
  type Office,
  type OfficeAuthority,
  type Role,
  roleLabels,
  roles,
} from '@pharos/api';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { QueryState } from '../../ui/query-state';
import { RefLink } from '../../ui/ref-link';
import { governanceCalls, useAuthority, useGovernanceMutation } from './governance-api';

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));
const kindOptions = [
  { value: 'budget', label: 'Budget change' },
  { value: 'schedule', label: 'Finish date moved' },
  { value: 'scope', label: 'Scope change' },
];

function limitText(r: AuthorityRule) {
  if (r.kind === 'budget')
    return r.upToPercent === null ? 'any size' : `up to ${r.upToPercent} % of the approved budget`;
  if (r.kind === 'schedule') return r.upToDays === null ? 'any number of days' : `up to ${r.upToDays} days`;
  return 'any scope change';
}

function RuleEditor({
  rule,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  error,
}: {
  rule: AuthorityRule;
  index: number;
  count: number;
  onChange: (r: AuthorityRule) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  error: (path: string) => string | undefined;
}) {
  const setStep = (j: number, patch: Partial<AuthorityRule['steps'][number]>) =>
    onChange({ ...rule, steps: rule.steps.map((s, k) => (k === j ? { ...s, ...patch } : s)) });
  const limitLabel = rule.kind === 'budget' ? 'Up to (% of budget)' : 'Up to (days)';
  const limit = rule.kind === 'budget' ? rule.upToPercent : rule.upToDays;
  return (
    <Card withBorder padding="sm" component="section" aria-label={`Rule ${index + 1}`}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Text fw={600} size="sm" w={56}>
          Rule {index + 1}
        </Text>
        <Select
          size="xs"
          label="Kind"
          data={kindOptions}
          value={rule.kind}
          allowDeselect={false}
          onChange={(k) =>
            k && onChange({ ...rule, kind: k as AuthorityRule['kind'], upToPercent: null, upToDays: null })
          }
        />
        {rule.kind !== 'scope' && (
          <NumberInput
            size="xs"
            w={150}
            label={limitLabel}
            placeholder="No limit"
            min={0}
            value={limit ?? ''}
            error={error(rule.kind === 'budget' ? 'upToPercent' : 'upToDays') ?? error('')}
            onChange={(v) => {
              const n = v === '' ? null : Number(v);
              onChange(rule.kind === 'budget' ? { ...rule, upToPercent: n } : { ...rule, upToDays: n });
            }}
          />
        )}
        <Group gap={4} ml="auto">
          <ActionIcon variant="subtle" aria-label="Move up" disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label="Move down"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove rule ${index + 1}`} onClick={onRemove}>
            ×
          </ActionIcon>
        </Group>
      </Group>
      <Stack gap={6} mt="sm">
        {rule.steps.map((s, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a rule's steps are positional
          <Group key={j} gap="xs" align="flex-end" wrap="nowrap">
            <Text size="xs" c="dimmed" w={48}>
              Step {j + 1}
            </Text>
            <TextInput
              size="xs"
              label="Who"
              value={s.label}
              onChange={(e) => setStep(j, { label: e.currentTarget.value })}
            />
            <MultiSelect
              size="xs"
              style={{ flex: 1 }}
              label="Any holder of"
              data={roleOptions}
              value={s.roles}
              error={error(`steps.${j}.roles`)}
              onChange={(v) => setStep(j, { roles: v as Role[] })}
              comboboxProps={{ withinPortal: true }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove step ${j + 1}`}
              disabled={rule.steps.length === 1}
              onClick={() => onChange({ ...rule, steps: rule.steps.filter((_, k) => k !== j) })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          size="compact-xs"
          variant="subtle"
          w="fit-content"
          disabled={rule.steps.length >= 5}
          onClick={() =>
            onChange({ ...rule, steps: [...rule.steps, { label: 'PMO director', roles: ['pmo_director'] }] })
          }
        >
          Add a step
        </Button>
      </Stack>
    </Card>
  );
}

function Editor({ office, a }: { office: Office; a: OfficeAuthority }) {
  const [rules, setRules] = useState<AuthorityRule[]>(a.rules);
  // Stable keys for rules that move up and down.
  const [keys, setKeys] = useState(() => a.rules.map((_, i) => i));
  const [nextKey, setNextKey] = useState(a.rules.length);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useGovernanceMutation(governanceCalls.setAuthority);
  const dirty = JSON.stringify(rules) !== JSON.stringify(a.rules);
  const move = (i: number, by: -1 | 1) => {
    const swap = <T,>(list: T[]) => {
      const next = [...list];
      const [x] = next.splice(i, 1);
      next.splice(i + by, 0, x!);
      return next;
    };
    setRules(swap(rules));
    setKeys(swap(keys));
  };
  const remove = (i: number) => {
    setRules(rules.filter((_, j) => j !== i));
    setKeys(keys.filter((_, j) => j !== i));
  };
  const add = () => {
    setRules([
      ...rules,
      {
        kind: 'budget',
        upToPercent: null,
        upToDays: null,
        steps: [{ label: 'PMO director', roles: ['pmo_director'] }],
      },
    ]);
    setKeys([...keys, nextKey]);
    setNextKey(nextKey + 1);
  };
  const submit = async () => {
    setErrors({});
    setFormError(null);
    try {
      await save.mutateAsync({
        officeId: office.id,
        body: { rules, version: a.source === 'own' ? a.version : null },
      });
      notifications.show({ color: 'green', message: `${office.name} has its own authority thresholds.` });
    } catch (e) {
      if (isApiError(e) && e.field) setErrors({ [e.field]: e.message });
      setFormError(errorMessage(e));
    }
  };
  return (
    <Stack gap="sm" maw={1000}>
      {rules.map((r, i) => (
        <RuleEditor
          key={keys[i]}
          rule={r}
          index={i}
          count={rules.length}
          onChange={(x) => setRules(rules.map((y, j) => (j === i ? x : y)))}
          onMove={(by) => move(i, by)}
          onRemove={() => remove(i)}
          error={(path) => errors[path ? `rules.${i}.${path}` : `rules.${i}`]}
        />
      ))}
      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      <Group>
        <Button size="xs" variant="default" onClick={add}>
          Add a rule
        </Button>
        <Button size="xs" disabled={!dirty} loading={save.isPending} onClick={submit}>
          {a.source === 'own' ? 'Save thresholds' : 'Save as this office’s own thresholds'}
        </Button>
      </Group>
    </Stack>
  );
}

/** The office's authority thresholds: who approves which change requests to its projects. */
export function AuthorityTab({ office }: { office: Office }) {
  const q = useAuthority(office.id);
  return (
    <QueryState query={q} label="Loading authority thresholds">
      {() => {
        const a = q.data!;
        return (
          <Stack gap="md">
            <Text size="sm" c="dimmed" maw={900}>
              A change request to a project of this office (or of an office below it) is approved by the steps
              of the first rule of each kind it touches whose limit covers it, in order; a rejection at any
              step ends it.
            </Text>
            <Alert color={a.source === 'own' ? 'blue' : 'gray'} py="xs">
              {a.source === 'own' ? (
                'This office sets its own thresholds; the offices below it inherit them unless they set theirs.'
              ) : a.source === 'inherited' ? (
                <>
                  Inherited from{' '}
                  <RefLink
                    entity="offices"
                    id={a.sourceOfficeId}
                    fallback={a.sourceOfficeName ?? undefined}
                  />
                  .
                </>
              ) : (
                'The organization’s default: no office above sets its own.'
              )}
            </Alert>
            {a.mayEdit ? (
              <Editor key={`${a.source}:${a.version}`} office={office} a={a} />
            ) : (
              <Stack gap={4}>
                {a.rules.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: read-only, in order
                  <Text key={i} size="sm">
                    <b>Rule {i + 1}.</b> {kindOptions.find((k) => k.value === r.kind)?.label}, {limitText(r)}:{' '}
                    {r.steps.map((s) => s.label).join(', then ')}
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
