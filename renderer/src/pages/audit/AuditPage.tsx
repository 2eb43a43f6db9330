// Audit log (DOM): filter by actor, subject and dates, page through, and verify the chain.
import { useState } from 'react';
import { Alert, Button, Code, Group, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import { useLoad } from '../../app/useLoad';
import { useAction } from '../../app/useAction';
import { formatDateTime } from '../../i18n';

const PAGE_SIZE = 50;

interface Filter {
  actor: string;
  subject: string;
  from: string;
  to: string;
}

export function AuditPage(): React.JSX.Element {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filter>({ actor: '', subject: '', from: '', to: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const [page, setPage] = useState(1);
  const input = {
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.subject ? { subject: filter.subject } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const { data, error } = useLoad('audit.list', input);
  const verify = useAction('audit.verify');
  const [verified, setVerified] = useState<RouteOutput<'audit.verify'> | null>(null);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button
          loading={verify.busy}
          onClick={async () => {
            setVerified(await verify.run({}));
          }}
        >
          {t('audit.verify')}
        </Button>
      </Group>
      {verified && (
        <Alert color={verified.ok ? 'teal' : 'red'} data-testid="verify-result">
          {verified.ok ? t('audit.verifyOk', { count: verified.checked }) : t('audit.verifyBroken', { seq: verified.firstBrokenSeq, reason: verified.reason })}
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setFilter(draft);
        }}
      >
        <Group align="flex-end">
          <TextInput label={t('audit.actor')} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })} w={160} />
          <TextInput label={t('audit.subject')} value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.currentTarget.value })} w={160} />
          <TextInput type="date" label={t('audit.from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} w={170} />
          <TextInput type="date" label={t('audit.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} w={170} />
          <Button type="submit">{t('common.search')}</Button>
          <Button
            variant="default"
            onClick={() => {
              const empty = { actor: '', subject: '', from: '', to: '' };
              setDraft(empty);
              setFilter(empty);
              setPage(1);
            }}
          >
            {t('common.reset')}
          </Button>
        </Group>
      </form>
      {error && <Alert color="red">{error}</Alert>}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {t('common.total', { count: data.total })}
          </Text>
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.seq')}</Table.Th>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.route')}</Table.Th>
                <Table.Th>{t('audit.subject')}</Table.Th>
                <Table.Th>{t('audit.diff')}</Table.Th>
                <Table.Th>{t('audit.hash')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.entries.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                  <Table.Td title={e.route}>{t(`routes.${e.route}`, { defaultValue: e.route })}</Table.Td>
                  <Table.Td ff="monospace">{e.subject}</Table.Td>
                  <Table.Td maw={320}>
                    <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{e.diff}</Code>
                    {e.detail !== null && (
                      <Text size="xs" mt={4} c="dimmed" data-testid="audit-detail">
                        {t('audit.detail')}
                        <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} display="block">
                          {e.detail}
                        </Code>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace" title={e.hash}>
                    {e.hash.slice(0, 10)}…
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pagination total={pages} value={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
