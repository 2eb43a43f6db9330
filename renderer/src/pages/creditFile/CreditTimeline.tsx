// The timeline of a credit file (DOM): every record, newest first, with its status, what it adds to
// the score now and why (counts, or does not count because it expired, was revoked, …), evidence,
// the objection and the actions the user may take (amend/revoke/repair for staff, an objection for
// the teacher on their own active record).
import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../../../shared/api/routes/credit';
import { contribution } from '../../../../shared/domain/creditRules';
import { StatusBadge, STATUS_COLOR } from '../../components/StatusBadge';
import { Points } from '../../components/Points';
import { formatDate } from '../../components/format';
import { itemName } from '../../components/catalogue';
import { EvidenceLinks } from '../records/EvidenceLinks';
import { ObjectionNote } from '../records/RecordDetail';
import { RecordActions } from '../records/RecordActions';

function Why({ record }: { record: RecordView }): React.JSX.Element {
  const { t } = useTranslation();
  if (record.kind === 'revocation') return <Text size="xs" c="dimmed">{t('creditFile.revocationNote')}</Text>;
  const c = contribution(record.status, record.item.points, record.item.polarity);
  const status = t(`status.${record.status}`);
  return (
    <Text size="xs" c={c.reason.key === 'counts' ? 'dimmed' : 'orange.8'} data-testid="why">
      {c.reason.key === 'counts' ? t('creditFile.counts', { status }) : t('creditFile.notCounting', { status })}
    </Text>
  );
}

interface Props {
  records: RecordView[];
  onChanged(): void;
  /** Renders the objection button of a record, when the user may raise one. */
  objectionButton?: (r: RecordView) => React.ReactNode;
}

export function CreditTimeline({ records, onChanged, objectionButton }: Props): React.JSX.Element {
  const { t } = useTranslation();
  if (records.length === 0) return <Text c="dimmed">{t('creditFile.noRecords')}</Text>;
  return (
    <Timeline bulletSize={16} lineWidth={2} active={-1} data-testid="timeline">
      {records.map((r) => (
        <Timeline.Item
          key={r.id}
          bullet={<span style={{ display: 'block', width: 10, height: 10, borderRadius: 5, background: `var(--mantine-color-${STATUS_COLOR[r.status]}-6)` }} />}
          data-testid={`timeline-record-${r.id}`}
          title={
            <Group gap="xs" wrap="wrap">
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(r.occurredOn)}
              </Text>
              <Text size="sm" fw={600}>
                {r.item.code} {itemName(r.item)}
              </Text>
              <StatusBadge status={r.status} />
              {r.kind === 'amendment' && (
                <Badge size="sm" variant="outline" color="gray">
                  {t(`records.kind.${r.kind}`)}
                </Badge>
              )}
              <Points value={r.contribution} />
              <Text size="xs" c="dimmed">
                #{r.id}
              </Text>
            </Group>
          }
        >
          <Stack gap={4} mt={4} maw={760}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.description}
            </Text>
            <Group gap="md">
              <Why record={r} />
              <Text size="xs" c="dimmed">
                {t(`infoClass.${r.item.infoClass}`)}
                {r.kind !== 'revocation' && ` · ${t('records.expiresOn')} ${formatDate(r.expiresOn)}`} · {r.authorName}
              </Text>
              {r.supersedesId !== null && (
                <Text size="xs" c="dimmed">
                  {t('records.supersedes', { id: r.supersedesId })}
                </Text>
              )}
              {r.supersededById !== null && (
                <Text size="xs" c="dimmed">
                  {t('records.supersededBy', { id: r.supersededById })}
                </Text>
              )}
            </Group>
            {r.repair && (
              <Text size="xs" c="indigo.7">
                {t('records.repairInfo', { kind: r.repair.kind === 'release' ? t('records.release') : t('records.repair'), reason: r.repair.reason, date: formatDate(r.repair.effectiveOn) })}
              </Text>
            )}
            <EvidenceLinks record={r} />
            <ObjectionNote record={r} />
            <Group gap="xs">
              <RecordActions record={r} onChanged={onChanged} compact />
              {objectionButton?.(r)}
            </Group>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
