// Small pieces every report screen shows the same way (runs in the DOM): the status badge, the
// grade and score, and the one-line confirmation, so a report reads alike in the list, in the
// teacher's view and in the verification result.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ReportView } from '../../../../shared/api/routes/reports';
import { formatDateTime } from '../../i18n';

export const REPORT_STATUS_COLOR: Record<ReportView['status'], string> = { unconfirmed: 'orange', confirmed: 'green', superseded: 'gray' };

export function ReportStatusBadge({ status }: { status: ReportView['status'] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    // max-content: in a squeezed table cell Mantine would otherwise cut the word to "CONFIRM…".
    <Badge color={REPORT_STATUS_COLOR[status]} variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }} data-status={status}>
      {t(`reports.status.${status}`)}
    </Badge>
  );
}

export function gradeScore(t: TFunction, r: Pick<ReportView, 'grade' | 'score'>): string {
  return t('reports.gradeScore', { grade: r.grade, score: r.score });
}

/** How and by whom: 教师电子签名 · 张三, or 纸质签字 · 张三 (the signer is always the teacher). */
export function confirmationWho(t: TFunction, c: NonNullable<ReportView['confirmation']>): string {
  return `${t(`reports.kind.${c.kind}`)} · ${c.signer}`;
}

/** confirmationWho and the time, or null when nobody confirmed it yet. */
export function confirmationLine(t: TFunction, c: ReportView['confirmation']): string | null {
  if (!c) return null;
  return `${confirmationWho(t, c)} · ${formatDateTime(c.confirmedAt)}`;
}
