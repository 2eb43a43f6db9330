// How a credit review reads on screen (DOM): grade, verdict and list badges, the reasons in words,
// and what an applicant asks for. Shared by the applicants table and the add and decide dialogs.
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DecisionRequest, ReviewView } from '../../../../shared/api/routes/decisions';
import type { Grade } from '../../../../shared/domain/creditRules';
import type { DecisionKind, RestrictionReason, Verdict } from '../../../../shared/domain/restrictions';
import { formatDate, formatList } from '../../components/format';
import { GRADE_COLOR } from '../../components/GradeExplanation';
import { ListBadges } from '../../components/ListBadges';
import { currentLang } from '../../i18n';

const VERDICT_COLOR: Record<Verdict, string> = { allowed: 'teal', flagged: 'orange', refused: 'red' };

/** A badge keeps its whole label: a table column widens for it rather than cutting it short. */
const UNCUT = { flexShrink: 0, minWidth: 'max-content' } as const;

export function GradeBadge({ grade }: { grade: Grade }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={GRADE_COLOR[grade]} variant="light" tt="none" data-grade={grade} style={UNCUT}>
      {t(`decisions.grade.${grade}`)}
    </Badge>
  );
}

export function VerdictBadge({ verdict }: { verdict: Verdict }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={VERDICT_COLOR[verdict]} variant={verdict === 'allowed' ? 'light' : 'filled'} tt="none" data-verdict={verdict} style={UNCUT}>
      {t(`decisions.verdict.${verdict}`)}
    </Badge>
  );
}

export function reasonText(t: TFunction, r: RestrictionReason, action: DecisionKind): string {
  const values = { action: t(`decisions.action.${action}`) };
  return r.source === 'list'
    ? t(`decisions.reason.list.${r.effect}`, { ...values, list: t(`decisions.list.${r.list}`) })
    : t(`decisions.reason.grade.${r.effect}`, { ...values, grade: r.grade });
}

/** The reasons in words, one a line; a preferred subject says why it comes first. */
export function reasonLines(t: TFunction, review: ReviewView): string[] {
  const lines = review.reasons.map((r) => reasonText(t, r, review.action));
  if (review.preferred) {
    const preferred = review.lists.filter((l) => l === 'red' || l === 'white').map((l) => t(`decisions.list.${l}`));
    lines.push(t('decisions.reason.preferred', { lists: formatList(preferred) }));
  }
  return lines;
}

export function formatYuan(yuan: number): string {
  return new Intl.NumberFormat(currentLang(), { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(yuan);
}

export function requestText(t: TFunction, request: DecisionRequest): string {
  switch (request.kind) {
    case 'funding':
      return formatYuan(request.amountYuan);
    case 'honour':
      return request.title;
    case 'evaluation':
      return t(`decisions.level.${request.level}`);
  }
}

/** A review as a block: grade, score, lists, verdict and every reason, and the rules it was made under. */
export function ReviewSummary({ review }: { review: ReviewView }): React.JSX.Element {
  const { t } = useTranslation();
  const lines = reasonLines(t, review);
  return (
    <Stack gap={6} data-testid="review-summary" data-verdict={review.verdict}>
      <Group gap="xs">
        <GradeBadge grade={review.grade} />
        <Text size="sm">{t('decisions.review.score', { score: review.score })}</Text>
        {review.lists.length > 0 && <ListBadges lists={review.lists} />}
        <VerdictBadge verdict={review.verdict} />
      </Group>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('decisions.reason.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {lines.map((l) => (
            <List.Item key={l}>{l}</List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {t('decisions.review.rules', { version: review.rulesVersion, grading: review.gradingRulesVersion, date: formatDate(review.on) })}
      </Text>
    </Stack>
  );
}
