// Status badges (DOM): one colour per record status, used by lists, files and the timeline, so a
// status looks the same everywhere.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordStatus } from '../../../shared/domain/creditRules';

export const STATUS_COLOR: Record<RecordStatus, string> = {
  active: 'teal',
  disputed: 'orange',
  amended: 'gray',
  revoked: 'red',
  repaired: 'blue',
  released: 'indigo',
  expired: 'dark',
  revocation: 'grape',
};

export function StatusBadge({ status }: { status: RecordStatus }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" style={{ flexShrink: 0 }} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function PersonStatusBadge({ active, kind }: { active: boolean; kind: 'teacher' | 'student' }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light">
      {active ? t(`person.active.${kind}`) : t('person.inactive')}
    </Badge>
  );
}
