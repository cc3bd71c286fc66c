import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ScoringFramework, ScoringFrameworkUpdate } from '@pharos/api';
import { type FormEvent, useMemo, useState } from 'react';
import { isApiError } from '../../api/client';
import { FormText, FormTextarea } from '../../ui/form-fields';
import { useZodForm } from '../../ui/use-zod-form';
import { AhpMatrix } from './ahp-matrix';
import { CriteriaEditor } from './criteria-editor';
import { demandCalls, useDemandMutation } from './demand-api';
import {
  completeComparisons,
  dropCriterion,
  evaluateWeights,
  type FrameworkValues,
  frameworkValues,
  newCriterion,
} from './framework-values';
import { WeightBars } from './framework-view';

/** The editor of a draft revision: settings, criteria, and weights set directly or by AHP. */
export function FrameworkEditor({ f }: { f: ScoringFramework }) {
  const form = useZodForm<FrameworkValues>(frameworkValues(f));
  const [version, setVersion] = useState(f.version);
  const [conflict, setConflict] = useState(false);
  const save = useDemandMutation(demandCalls.updateFramework);
  const v = form.values;
  const outcome = useMemo(() => evaluateWeights(v), [v]);
  const comparisons = v.ahp?.comparisons ?? [];

  const setWeighting = (w: 'direct' | 'ahp') =>
    form.setValues({
      weighting: w,
      ahp: w === 'ahp' ? { comparisons: completeComparisons(v.criteria.length, comparisons) } : v.ahp,
    });
  const addCriterion = () => {
    const criteria = [...v.criteria, newCriterion(v.criteria)];
    form.setValues({
      criteria,
      ahp: v.weighting === 'ahp' ? { comparisons: completeComparisons(criteria.length, comparisons) } : v.ahp,
    });
  };
  const removeCriterion = (i: number) =>
    form.setValues({
      criteria: v.criteria.filter((_, j) => j !== i),
      ahp: v.ahp ? { comparisons: dropCriterion(v.ahp.comparisons, i) } : null,
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changed = form.changed();
    if (Object.keys(changed).length === 0) {
      notifications.show({ message: 'There are no changes to save.' });
      return;
    }
    if (!form.validate(ScoringFrameworkUpdate, { ...v, version })) return;
    try {
      const saved = await save.mutateAsync({ id: f.id, body: { ...changed, version } });
      setVersion(saved.version);
      form.reset(frameworkValues(saved));
      notifications.show({ color: 'green', message: `Saved ${saved.code} revision ${saved.revision}.` });
    } catch (err) {
      if (isApiError(err) && err.code === 'version_conflict') setConflict(true);
      else form.applyServerError(err);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit scoring framework">
      <Stack gap="md" maw={1100}>
        {conflict && (
          <Alert color="yellow" title="Someone else changed this draft" role="alert">
            Your changes were not saved; reload the page to see the latest version.
          </Alert>
        )}
        {form.formError && (
          <Alert color="red" role="alert">
            {form.formError}
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-label="Settings">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FormText form={form} name="name" label="Name" required />
            <Group grow align="flex-start">
              <div>
                <Text size="sm" fw={500} mb={4}>
                  Combine scorers by
                </Text>
                <SegmentedControl
                  aria-label="Combine scorers by"
                  value={v.combine}
                  onChange={(c) => form.set('combine', c as FrameworkValues['combine'])}
                  data={[
                    { value: 'mean', label: 'Mean' },
                    { value: 'median', label: 'Median' },
                  ]}
                />
              </div>
              <NumberInput
                label="Disagreement at a spread of"
                description="Scale points between scorers"
                min={0}
                max={100}
                step={0.5}
                value={v.disagreementThreshold}
                error={form.error('disagreementThreshold')}
                onChange={(x) =>
                  form.set('disagreementThreshold', typeof x === 'number' ? x : Number(x) || 0)
                }
              />
            </Group>
          </SimpleGrid>
          <FormTextarea form={form} name="description" label="Description" minRows={2} />
        </Card>
        <Card withBorder padding="lg" component="section" aria-label="Weights">
          <Group justify="space-between" mb="sm">
            <Text fw={600}>Weights</Text>
            <SegmentedControl
              aria-label="Weighting"
              value={v.weighting}
              onChange={(w) => setWeighting(w as 'direct' | 'ahp')}
              data={[
                { value: 'direct', label: 'Direct weights' },
                { value: 'ahp', label: 'AHP pairwise comparison' },
              ]}
            />
          </Group>
          {v.weighting === 'ahp' ? (
            <AhpMatrix
              names={v.criteria.map((c) => c.name || c.id)}
              comparisons={comparisons}
              outcome={outcome}
              onChange={(c) => form.set('ahp', { comparisons: c })}
            />
          ) : (
            <Text size="sm" c="dimmed" mb="sm">
              Give each criterion a relative weight below; its share of the total is the weight divided by
              their sum.
            </Text>
          )}
          {form.error('ahp') && (
            <Alert color="red" mt="sm">
              {form.error('ahp')}
            </Alert>
          )}
          <WeightBars names={v.criteria.map((c) => c.name || c.id)} weights={outcome.weights} mt="md" />
        </Card>
        <Group justify="space-between">
          <Text fw={600}>Criteria ({v.criteria.length})</Text>
          <Button variant="default" size="xs" onClick={addCriterion} disabled={v.criteria.length >= 15}>
            Add a criterion
          </Button>
        </Group>
        <CriteriaEditor form={form} weights={outcome.weights} onRemove={removeCriterion} />
        <Group
          p="sm"
          style={{
            position: 'sticky',
            bottom: 0,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-gray-3)',
            zIndex: 2,
          }}
        >
          <Button type="submit" loading={save.isPending}>
            Save draft
          </Button>
          <Button variant="default" disabled={!form.dirty} onClick={() => form.reset(form.baseline)}>
            Discard changes
          </Button>
          {form.dirty && (
            <Text size="sm" c="dimmed">
              Unsaved changes: save them before publishing.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
