// Audit log (DOM), read by people: who did what to whom and when, in words — the operator by name,
// the action as a sentence, the person or body by name, what changed as before → after. Filters
// by operator, person, action and local days with the app's own date fields; print and export of
// what is shown; the chain's verification. The entry's technical part (sequence, route, hash) is
// one click away for whoever checks it.
import { useState } from 'react';
import { Alert, Anchor, Button, Code, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { AuditEntryView } from '../../../../shared/api/routes/audit';
import { actionRoutes, actionText, changeLines, subjectText } from '../../../../shared/api/auditWords';
import { useLoad } from '../../app/useLoad';
import { useAction } from '../../app/useAction';
import { useSession } from '../../app/session';
import { DateField } from '../../components/DateField';
import { ListExport } from '../../components/ListExport';
import { formatCount } from '../../components/format';
import { currentLang, formatDateTime } from '../../i18n';

const PAGE_SIZE = 50;

interface Filter {
  operator: string;
  person: string;
  route: string | null;
  from: string;
  to: string;
}

const EMPTY: Filter = { operator: '', person: '', route: null, from: '', to: '' };

function EntryRow({ e }: { e: AuditEntryView }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const [technical, setTechnical] = useState(false);
  const lines = changeLines(e.diff, lang, e.route);
  const privateLines = changeLines(e.detail, lang, e.route);
  return (
    <Table.Tr data-testid="audit-row" data-seq={e.seq}>
      <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{formatDateTime(e.at)}</Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text size="sm">{e.actorName ?? e.actor}</Text>
        {e.actorName && (
          <Text size="xs" c="dimmed" ff="monospace">
            {e.actor}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }} data-testid="audit-action">
        {actionText(e.route, lang)}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }} data-testid="audit-subject">
        {subjectText(e, lang)}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }} maw={420}>
        <Stack gap={2} data-testid="audit-changes">
          {lines.map((l, i) => (
            <Text key={i} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {l}
            </Text>
          ))}
        </Stack>
        {privateLines.length > 0 && (
          <Stack gap={2} mt={4} data-testid="audit-detail">
            <Text size="xs" c="dimmed">
              {t('audit.detail')}
            </Text>
            {privateLines.map((l, i) => (
              <Text key={i} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {l}
              </Text>
            ))}
          </Stack>
        )}
        <Anchor component="button" size="xs" c="dimmed" onClick={() => setTechnical((v) => !v)} data-testid="audit-technical-toggle">
          {technical ? t('audit.hideTechnical') : t('audit.showTechnical')}
        </Anchor>
        {technical && (
          <Code block mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="audit-technical">
            {t('audit.technical', { seq: e.seq, route: e.route, subject: e.subject, hash: e.hash })}
            {'\n'}
            {e.diff}
          </Code>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function AuditPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const lang = currentLang();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [page, setPage] = useState(1);
  const query = {
    ...(filter.operator.trim() ? { operator: filter.operator.trim() } : {}),
    ...(filter.person.trim() ? { person: filter.person.trim() } : {}),
    ...(filter.route ? { route: filter.route } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
  const { data, error } = useLoad('audit.list', { ...query, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const verify = useAction('audit.verify');
  const [verified, setVerified] = useState<RouteOutput<'audit.verify'> | null>(null);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const actions = actionRoutes()
    .map((r) => ({ value: r, label: actionText(r, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));

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
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('audit.operator')} placeholder={t('audit.operatorHint')} value={draft.operator} onChange={(e) => setDraft({ ...draft, operator: e.currentTarget.value })} w={150} maxLength={50} data-testid="audit-operator" />
          <TextInput label={t('audit.person')} placeholder={t('audit.personHint')} value={draft.person} onChange={(e) => setDraft({ ...draft, person: e.currentTarget.value })} w={150} maxLength={50} data-testid="audit-person" />
          <Select label={t('audit.action')} data={actions} value={draft.route} onChange={(v) => setDraft({ ...draft, route: v })} placeholder={t('common.all')} searchable clearable w={170} data-testid="audit-action-filter" />
          <DateField label={t('audit.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} w={145} testId="audit-from" placeholder={t('common.anyDate')} />
          <DateField label={t('audit.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} w={145} testId="audit-to" placeholder={t('common.anyDate')} />
          <Button type="submit" data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY);
              setFilter(EMPTY);
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
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="audit-total">
              {t('audit.pagePosition', { n: formatCount(data.total), page, pages })}
            </Text>
            <ListExport route="audit.export" filter={query} testId="audit-export" />
          </Group>
          <Table striped withTableBorder fz="sm" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('audit.at')}</Table.Th>
                <Table.Th w={130}>{t('audit.operator')}</Table.Th>
                <Table.Th w={160}>{t('audit.action')}</Table.Th>
                <Table.Th w={180}>{t('audit.person')}</Table.Th>
                <Table.Th>{t('audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.entries.map((e) => (
                <EntryRow key={e.seq} e={e} />
              ))}
            </Table.Tbody>
          </Table>
          {data.total === 0 && <Text c="dimmed">{t('common.noMatches')}</Text>}
          <Pagination total={pages} value={page} onChange={setPage} />
          {me.user.role === 'auditor' && (
            <Text size="xs" c="dimmed">
              {t('audit.auditorNote')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
