// A round's applicants in credit order (DOM): rank, institution, grade and score, lists, the verdict
// with its reasons in words, the request, and the decision — or, while pending and for the
// administrator, the grant and decline buttons. A refused applicant's grant button is off, with the
// reason beside it. Sized to fit the 1,280-pixel window without a horizontal scroll.
import { Badge, Button, Group, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../shared/api/routes/decisions';
import { formatDate, formatList } from '../../components/format';
import { formatDateTime } from '../../i18n';
import { ListBadges } from '../../components/ListBadges';
import { GradeBadge, reasonLines, reasonText, requestText, VerdictBadge } from './reviewText';

interface Props {
  applicants: ApplicantView[];
  /** Decisions can be made (the administrator, an open round). */
  acting: boolean;
  onDecide(applicant: ApplicantView, outcome: 'granted' | 'declined'): void;
}

export function ApplicantsTable({ applicants, acting, onDecide }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ScrollArea type="auto">
      <Table striped verticalSpacing="xs" miw={900} data-testid="applicants-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>{t('decisions.col.rank')}</Table.Th>
            <Table.Th>{t('decisions.col.institution')}</Table.Th>
            <Table.Th>{t('decisions.col.gradeScore')}</Table.Th>
            <Table.Th>{t('decisions.col.lists')}</Table.Th>
            <Table.Th>{t('decisions.col.verdict')}</Table.Th>
            <Table.Th>{t('decisions.col.request')}</Table.Th>
            <Table.Th>{t('decisions.col.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applicants.map((a) => {
            const lines = reasonLines(t, a.review);
            const refusedWhy = formatList(a.review.reasons.filter((r) => r.effect === 'refuse').map((r) => reasonText(t, r, a.review.action)));
            return (
              <Table.Tr
                key={a.id}
                data-testid="applicant-row"
                data-name={a.review.name}
                data-rank={a.rank}
                data-grade={a.review.grade}
                data-score={a.review.score}
                data-lists={a.review.lists.join(' ')}
                data-verdict={a.review.verdict}
                data-outcome={a.outcome ?? 'pending'}
              >
                <Table.Td fw={600}>{a.rank}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {a.review.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`decisions.institutionKind.${a.review.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <GradeBadge grade={a.review.grade} />
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('decisions.scoreOf', { score: a.review.score })}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <ListBadges lists={a.review.lists} empty={t('decisions.noLists')} />
                </Table.Td>
                <Table.Td maw={220}>
                  <Stack gap={2} align="flex-start">
                    <VerdictBadge verdict={a.review.verdict} />
                    {lines.map((l) => (
                      <Text key={l} size="xs" c={a.review.verdict === 'refused' ? 'red.8' : a.review.verdict === 'flagged' ? 'orange.9' : 'teal.8'}>
                        {l}
                      </Text>
                    ))}
                    {a.frozen && (
                      <Text size="xs" c="dimmed" data-testid="frozen-note">
                        {t('decisions.frozen', { date: formatDate(a.review.on) })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{requestText(t, a.request)}</Table.Td>
                <Table.Td maw={220}>
                  {acting && a.outcome === null ? (
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('decisions.grantRefused', { reasons: refusedWhy })} disabled={a.review.verdict !== 'refused'} multiline w={260}>
                        <span>
                          <Button
                            size="compact-sm"
                            color="teal"
                            disabled={a.review.verdict === 'refused'}
                            onClick={() => onDecide(a, 'granted')}
                            data-testid="applicant-grant"
                            aria-description={a.review.verdict === 'refused' ? t('decisions.grantRefused', { reasons: refusedWhy }) : undefined}
                          >
                            {t('decisions.grant')}
                          </Button>
                        </span>
                      </Tooltip>
                      <Button size="compact-sm" variant="default" onClick={() => onDecide(a, 'declined')} data-testid="applicant-decline">
                        {t('decisions.decline')}
                      </Button>
                    </Group>
                  ) : (
                    <OutcomeCell applicant={a} />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function OutcomeCell({ applicant: a }: { applicant: ApplicantView }): React.JSX.Element {
  const { t } = useTranslation();
  if (a.outcome === null) {
    return (
      <Badge color="gray" variant="outline">
        {t('decisions.outcome.pending')}
      </Badge>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={a.outcome === 'granted' ? 'teal' : 'gray'} variant="filled">
        {t(`decisions.outcome.${a.outcome}`)}
      </Badge>
      {a.grantedLevel && (
        <Text size="xs" fw={600} data-testid="applicant-granted-level">
          {t('decisions.grantedLevel', { level: t(`decisions.level.${a.grantedLevel}`) })}
        </Text>
      )}
      {a.outcomeReason && <Text size="xs">{a.outcomeReason}</Text>}
      {a.acknowledgedFlags && (
        <Text size="xs" c="orange.9">
          {t('decisions.acknowledged')}
        </Text>
      )}
      {a.decidedBy && a.decidedAt && (
        <Text size="xs" c="dimmed">
          {t('decisions.decidedBy', { by: a.decidedBy, at: formatDateTime(a.decidedAt) })}
        </Text>
      )}
    </Stack>
  );
}
