// 公示视图 (DOM): what the bureau website's integrity column shows — published entries in force,
// with only a name, a USCC and the reason — and the rules that propose entries, with their version.
import { Alert, Badge, Card, List, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad';
import { formatDate, formatList } from '../../components/format';
import { currentLang } from '../../i18n';
import { LIST_COLOR } from '../../components/ListBadges';

export function PublishedView(): React.JSX.Element {
  const { t } = useTranslation();
  const view = useLoad('lists.published', {});
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('lists.publicView.intro')}
      </Text>
      {view.error && <Alert color="red">{view.error}</Alert>}
      {view.data && view.data.length === 0 && <Text c="dimmed">{t('lists.publicView.none')}</Text>}
      {view.data && view.data.length > 0 && (
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={900} data-testid="lists-published">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('lists.publicView.name')}</Table.Th>
                <Table.Th>{t('lists.publicView.uscc')}</Table.Th>
                <Table.Th>{t('lists.publicView.reason')}</Table.Th>
                <Table.Th>{t('lists.publicView.period')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.data.map((p, i) => (
                <Table.Tr key={i} data-testid="published-row">
                  <Table.Td>
                    <Badge color={LIST_COLOR[p.list]} variant="light">
                      {t(`lists.kind.${p.list}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.name}</Text>
                    {p.organisation && (
                      <Text size="xs" c="dimmed">
                        {t('common.labelValue', { label: t('lists.publicView.organisation'), value: p.organisation })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace">{p.uscc ?? '—'}</Table.Td>
                  <Table.Td>{p.reason}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(p.startOn)} – {formatDate(p.endOn)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}

export function RulesView(): React.JSX.Element {
  const { t } = useTranslation();
  const rules = useLoad('lists.rules', {});
  if (!rules.data) return rules.error ? <Alert color="red">{rules.error}</Alert> : <></>;
  const r = rules.data;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('lists.rules.intro')}
      </Text>
      <Card withBorder>
        <Title order={5}>{t('lists.rules.version', { version: r.version, from: formatDate(r.effectiveFrom) })}</Title>
        <List spacing="sm" mt="sm" data-testid="lists-rules">
          {r.rules.map((rule) => (
            <List.Item key={rule.id}>
              <Badge color={LIST_COLOR[rule.list]} variant="light" mr={8}>
                {t(`lists.kind.${rule.list}`)}
              </Badge>
              <Text span size="sm">
                {currentLang() === 'en' ? rule.reasonEn : rule.reasonZh}
              </Text>
              <Text size="xs" c="dimmed">
                {rule.id} · {t('lists.rules.kinds', { kinds: formatList(rule.kinds.map((k) => t(`lists.institutionKind.${k}`))) })}
              </Text>
            </List.Item>
          ))}
        </List>
        <Text size="sm" mt="md">
          {t('lists.rules.blackWins')}
        </Text>
      </Card>
    </Stack>
  );
}
