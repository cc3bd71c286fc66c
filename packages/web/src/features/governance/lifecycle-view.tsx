import { Badge, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { type Lifecycle, type Role, roleLabels } from '@pharos/api';
import { RefLink } from '../../ui/ref-link';

/** A lifecycle as read: its project types, then each phase with the gate to enter it. */
export function LifecycleView({ lc }: { lc: Lifecycle }) {
  return (
    <Stack gap="md" maw={1100}>
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          Governs:
        </Text>
        {lc.projectTypeIds.length === 0 && (
          <Text size="sm" c="dimmed">
            no project type yet
          </Text>
        )}
        {lc.projectTypeIds.map((id) => (
          <Badge key={id} variant="light" radius="sm" tt="none">
            <RefLink entity="projectTypes" id={id} plain />
          </Badge>
        ))}
      </Group>
      {lc.description && <Text size="sm">{lc.description}</Text>}
      {lc.phases.map((p, i) => (
        <Card key={p.key} withBorder padding="md" component="section" aria-label={`Phase ${p.name}`}>
          <Group gap="sm" mb={p.gate ? 'sm' : 0}>
            <Badge variant="filled" color="dark" radius="sm">
              {i + 1}
            </Badge>
            <Text fw={600}>{p.name}</Text>
            {i === 0 && (
              <Text size="sm" c="dimmed">
                Projects start here.
              </Text>
            )}
          </Group>
          {p.gate && (
            <Card withBorder bg="gray.0" padding="sm">
              <Text fw={600} size="sm" mb="xs">
                ◆ {p.gate.name}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
                <div>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                    Checklist
                  </Text>
                  {p.gate.checklist.length ? (
                    <List size="sm">
                      {p.gate.checklist.map((c) => (
                        <List.Item key={c.id}>
                          {c.text}
                          {!c.required && (
                            <Text span c="dimmed">
                              {' '}
                              (optional)
                            </Text>
                          )}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm" c="dimmed">
                      None
                    </Text>
                  )}
                </div>
                <div>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                    Deliverables
                  </Text>
                  {p.gate.deliverables.length ? (
                    <List size="sm">
                      {p.gate.deliverables.map((d) => (
                        <List.Item key={d.id}>
                          {d.name}
                          {!d.required && (
                            <Text span c="dimmed">
                              {' '}
                              (optional)
                            </Text>
                          )}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm" c="dimmed">
                      None
                    </Text>
                  )}
                </div>
                <div>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                    Approvers
                  </Text>
                  <List size="sm">
                    {p.gate.approverRoles.map((r) => (
                      <List.Item key={r}>{roleLabels[r as Role]}</List.Item>
                    ))}
                    {p.gate.approverIds.map((id) => (
                      <List.Item key={id}>
                        <RefLink entity="users" id={id} />
                      </List.Item>
                    ))}
                  </List>
                  {p.gate.approverRoles.length + p.gate.approverIds.length === 0 && (
                    <Text size="sm" c="red">
                      Nobody yet: it cannot be published so
                    </Text>
                  )}
                </div>
              </SimpleGrid>
            </Card>
          )}
        </Card>
      ))}
    </Stack>
  );
}
