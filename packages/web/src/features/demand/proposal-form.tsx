import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type DemandSettings, ProposalCreate, type ProposalDetail, ProposalUpdate } from '@pharos/api';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { isApiError } from '../../api/client';
import { useMe } from '../../api/me';
import { FormEntityMultiSelect, FormEntitySelect, FormText, FormTextarea } from '../../ui/form-fields';
import { type FormApi, useZodForm } from '../../ui/use-zod-form';
import { BusinessCaseEditor } from './business-case-editor';
import { demandCalls, useDemandMutation } from './demand-api';
import { currencyDigits } from './money';
import { DemandEditor, RisksEditor } from './proposal-rows-editor';
import { newProposalValues, type ProposalValues, proposalBody, proposalValues } from './proposal-values';

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Text fw={600} mb={hint ? 2 : 'sm'}>
        {title}
      </Text>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Card>
  );
}

function MonthField({
  form,
  name,
  label,
}: {
  form: FormApi<ProposalValues>;
  name: 'earliestStart' | 'latestStart';
  label: string;
}) {
  return (
    <TextInput
      type="month"
      label={label}
      required
      value={form.values[name]}
      readOnly={form.readOnly}
      error={form.error(name)}
      onChange={(e) => form.set(name, e.currentTarget.value)}
    />
  );
}

/** Every field of a proposal, in sections. */
export function ProposalFields({
  form,
  settings,
}: {
  form: FormApi<ProposalValues>;
  settings: DemandSettings;
}) {
  const me = useMe();
  const seesPortfolios = me?.abilities['portfolio.read'] !== false;
  return (
    <Stack gap="md">
      <Section title="The need">
        <Stack gap="sm">
          <FormText form={form} name="title" label="Title" required />
          <FormTextarea
            form={form}
            name="problem"
            label="Problem"
            description="What is wrong today, and for whom"
          />
          <FormTextarea
            form={form}
            name="outcome"
            label="Outcome"
            description="What will be different when it is done"
          />
        </Stack>
      </Section>
      <Section title="Ownership and alignment">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormEntitySelect form={form} name="orgUnitId" entity="orgUnits" label="Business unit" required />
          <FormEntitySelect form={form} name="officeId" entity="offices" label="Office" required />
          {seesPortfolios && (
            <FormEntitySelect form={form} name="portfolioId" entity="portfolios" label="Portfolio" />
          )}
          <FormEntitySelect form={form} name="sponsorId" entity="users" label="Sponsor" />
          <FormEntitySelect form={form} name="typeId" entity="projectTypes" label="Project type" />
          <FormEntityMultiSelect
            form={form}
            name="objectiveIds"
            entity="objectives"
            label="Strategic objectives"
          />
        </SimpleGrid>
        <Group mt="md" align="flex-start" gap="lg">
          <Switch
            label="Mandatory or regulatory"
            checked={form.values.mandatory}
            disabled={form.readOnly}
            onChange={(e) => form.set('mandatory', e.currentTarget.checked)}
            mt={6}
          />
          {form.values.mandatory && (
            <div style={{ flex: 1, minWidth: 260 }}>
              <FormText form={form} name="mandatoryReason" label="Why it is mandatory" />
            </div>
          )}
        </Group>
      </Section>
      <Section title="Timing" hint="The window in which the work may start, and how long it runs.">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MonthField form={form} name="earliestStart" label="Earliest start" />
          <MonthField form={form} name="latestStart" label="Latest start" />
          <NumberInput
            label="Duration (months)"
            required
            min={1}
            max={120}
            value={form.values.durationMonths}
            readOnly={form.readOnly}
            error={form.error('durationMonths')}
            onChange={(v) => form.set('durationMonths', typeof v === 'number' ? v : Number(v) || 0)}
          />
        </SimpleGrid>
      </Section>
      <Section title="Business case" hint="Costs and benefits per year.">
        <BusinessCaseEditor form={form} settings={settings} />
      </Section>
      <Section
        title="Demand by role"
        hint="The people it would need, by work role, counted from its first month."
      >
        <DemandEditor form={form} />
      </Section>
      <Section title="Risks" hint="Probability and impact on a scale of 1 (low) to 5 (high).">
        <RisksEditor form={form} />
      </Section>
    </Stack>
  );
}

/** The new-proposal form, or the edit form of an existing one (changed fields + version). */
export function ProposalForm({ settings, item }: { settings: DemandSettings; item?: ProposalDetail }) {
  const digits = currencyDigits(settings.currency);
  const readOnly = item ? !item.abilities.update || item.archivedAt !== null : false;
  const form = useZodForm<ProposalValues>(item ? proposalValues(item, digits) : newProposalValues(), {
    readOnly,
  });
  const create = useDemandMutation(demandCalls.createProposal);
  const update = useDemandMutation(demandCalls.updateProposal);
  const navigate = useNavigate();
  const [conflict, setConflict] = useState(false);
  // The version the form was loaded from; a newer one (a pipeline move) is followed while the form is clean.
  const [version, setVersion] = useState(item?.version ?? 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow a new version only
  useEffect(() => {
    if (!item || item.version === version || form.dirty) return;
    setVersion(item.version);
    form.reset(proposalValues(item, digits));
  }, [item?.version]);

  const check = (
    schema: typeof ProposalCreate | typeof ProposalUpdate,
    values: Partial<ProposalValues>,
    extra = {},
  ) => {
    const { body, errors } = proposalBody(values, digits);
    const ok = form.validate(schema, { ...body, ...extra });
    for (const [f, m] of Object.entries(errors)) form.setFieldError(f, m);
    return ok && Object.keys(errors).length === 0 ? body : null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (!item) {
        const body = check(ProposalCreate, form.values);
        if (!body) return;
        const saved = await create.mutateAsync(body as never);
        notifications.show({ color: 'green', message: `Created ${saved.code} · ${saved.title}.` });
        void navigate({ to: '/proposals/$id', params: { id: saved.id } });
        return;
      }
      const changed = form.changed();
      if (Object.keys(changed).length === 0) {
        notifications.show({ message: 'There are no changes to save.' });
        return;
      }
      if (!check(ProposalUpdate, form.values, { version })) return;
      const { body } = proposalBody(changed, digits);
      const saved = await update.mutateAsync({
        id: item.id,
        body: { ...body, version } as never,
      });
      setVersion(saved.version);
      form.reset(proposalValues(saved, digits));
      notifications.show({ color: 'green', message: `Saved ${saved.code} · ${saved.title}.` });
    } catch (err) {
      if (isApiError(err) && err.code === 'version_conflict') setConflict(true);
      else form.applyServerError(err);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={item ? 'Edit proposal' : 'New proposal'}>
      <Stack gap="md" maw={980}>
        {conflict && item && (
          <Alert color="yellow" title="Someone else changed this proposal" role="alert">
            Your changes were not saved; they are still in the form. Copy what you need, then reload the page
            to see the latest version.
          </Alert>
        )}
        {form.formError && (
          <Alert color="red" role="alert">
            {form.formError}
          </Alert>
        )}
        {item && readOnly && (
          <Text size="sm" c="dimmed">
            You may not change this proposal at its current step.
          </Text>
        )}
        <ProposalFields form={form} settings={settings} />
        {!readOnly && (
          <Group>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {item ? 'Save' : 'Save draft'}
            </Button>
            {item ? (
              <Button variant="default" disabled={!form.dirty} onClick={() => form.reset(form.baseline)}>
                Discard changes
              </Button>
            ) : (
              <Button variant="default" onClick={() => void navigate({ to: '/proposals' })}>
                Cancel
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}
