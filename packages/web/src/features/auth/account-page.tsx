import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PasswordChangeBody, routes } from '@pharos/api';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, isApiError } from '../../api/client';
import { useMe } from '../../api/me';
import { FormPassword } from '../../ui/form-fields';
import { AnchorLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { useZodForm } from '../../ui/use-zod-form';

export function AccountPage(): ReactNode {
  const me = useMe();
  const form = useZodForm({ currentPassword: '', newPassword: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const body = form.validate(PasswordChangeBody, form.values);
    if (!body) return;
    if (form.values.confirm !== form.values.newPassword) {
      form.setFieldError('confirm', 'The two new passwords differ');
      return;
    }
    setBusy(true);
    try {
      await api.call(routes.changePassword, { body });
      form.reset({ currentPassword: '', newPassword: '', confirm: '' });
      setDone(true);
      notifications.show({ color: 'green', message: 'Your password is changed.' });
    } catch (err) {
      if (isApiError(err) && err.code === 'invalid_credentials')
        form.setFieldError('currentPassword', 'This is not your current password');
      else form.applyServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Your account" subtitle={me ? `${me.user.name} · ${me.user.email}` : undefined} />
      <Paper withBorder p="lg" maw={520}>
        <form onSubmit={submit} noValidate aria-label="Change password">
          <Stack>
            <Title order={2} fz="h4">
              Change password
            </Title>
            <Text size="sm" c="dimmed">
              Changing it signs you out everywhere else.
            </Text>
            {done && (
              <Alert color="green" role="status">
                Your password is changed.
              </Alert>
            )}
            {form.formError && (
              <Alert color="red" role="alert">
                {form.formError}
              </Alert>
            )}
            <FormPassword
              form={form}
              name="currentPassword"
              label="Current password"
              autoComplete="current-password"
              required
            />
            <FormPassword
              form={form}
              name="newPassword"
              label="New password"
              description="At least 10 characters"
              autoComplete="new-password"
              required
            />
            <FormPassword
              form={form}
              name="confirm"
              label="Repeat new password"
              autoComplete="new-password"
              required
            />
            <Button type="submit" loading={busy} w="fit-content">
              Save
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" mt="lg">
        Scripts and the command line use <AnchorLink to="/account/tokens">API tokens</AnchorLink>.
      </Text>
    </>
  );
}
