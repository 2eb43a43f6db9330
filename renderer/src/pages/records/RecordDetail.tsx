// One record in full (DOM): the facts, the catalogue item and what it means, the links to the
// records it replaced or that replaced it, the objection and the repair, evidence, and actions.
import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../../../shared/api/routes/credit';
import { StatusBadge } from '../../components/StatusBadge';
import { Points } from '../../components/Points';
import { formatDate } from '../../components/format';
import { itemName } from '../../components/catalogue';
import { formatDateTime } from '../../i18n';
import { ItemFacts } from './CatalogueSelect';
import { EvidenceLinks } from './EvidenceLinks';
import { RecordActions } from './RecordActions';

export function ObjectionNote({ record }: { record: RecordView }): React.JSX.Element | null {
  const { t } = useTranslation();
  const o = record.objection;
  if (!o) return null;
  const attached = o.evidence.length > 0 && <EvidenceLinks record={record} files={o.evidence} />;
  if (o.decision === null) {
    return (
      <Alert color="orange" variant="light" py={6} data-testid="objection-note">
        <Text size="sm">{t('creditFile.objectionPending', { reason: o.reason, date: formatDate(o.raisedAt) })}</Text>
        {attached}
      </Alert>
    );
  }
  return (
    <Alert color={o.decision === 'upheld' ? 'teal' : 'gray'} variant="light" py={6} data-testid="objection-note">
      <Text size="sm">{t('creditFile.objectionWas', { reason: o.reason, date: formatDate(o.raisedAt) })}</Text>
      {attached}
      <Text size="sm">{o.decision === 'upheld' ? t('creditFile.objectionUpheld', { reason: o.decisionReason ?? '' }) : t('creditFile.objectionRejected', { reason: o.decisionReason ?? '' })}</Text>
    </Alert>
  );
}

export function RecordDetail({ record, onChanged }: { record: RecordView; onChanged(r: RecordView): void }): React.JSX.Element {
  const { t } = useTranslation();
  const row = (label: string, value: React.ReactNode): React.JSX.Element => (
    <Table.Tr>
      <Table.Th w={130} style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack>
      <Group gap="xs">
        <StatusBadge status={record.status} />
        <Badge variant="outline" color="gray">
          {t(`records.kind.${record.kind}`)}
        </Badge>
        <Points value={record.contribution} />
      </Group>
      <Table withRowBorders={false} verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {row(t('records.subject'), `${record.subjectName} · ${t(`records.${record.subjectKind}`)}`)}
          {row(
            t('records.item'),
            <Stack gap={2}>
              <Text size="sm">
                {record.item.code} {itemName(record.item)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`infoClass.${record.item.infoClass}`)} · {t('catalogue.version', { version: record.item.version })}
              </Text>
              <ItemFacts item={record.item} />
            </Stack>,
          )}
          {row(t('records.occurredOn'), formatDate(record.occurredOn))}
          {row(t('records.expiresOn'), formatDate(record.expiresOn))}
          {row(t('records.description'), <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{record.description}</Text>)}
          {row(t('records.evidence'), record.evidence.length > 0 ? <EvidenceLinks record={record} /> : t('records.noEvidence'))}
          {row(t('records.author'), `${record.authorName} · ${formatDateTime(record.createdAt)}`)}
          {record.supersedesId !== null && row(t('records.linked'), t('records.supersedes', { id: record.supersedesId }))}
          {record.supersededById !== null && row(t('records.linked'), t('records.supersededBy', { id: record.supersededById }))}
          {record.repair &&
            row(
              record.repair.kind === 'release' ? t('records.release') : t('records.repair'),
              t('records.repairInfo', { kind: record.repair.kind === 'release' ? t('records.release') : t('records.repair'), reason: record.repair.reason, date: formatDate(record.repair.effectiveOn) }),
            )}
        </Table.Tbody>
      </Table>
      <ObjectionNote record={record} />
      <RecordActions record={record} onChanged={onChanged} />
    </Stack>
  );
}
