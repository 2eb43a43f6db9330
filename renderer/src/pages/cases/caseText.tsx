// Badges of the negative-list screens (DOM): one colour per case state, so a state looks the same
// in the list, the detail and the lists page.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../../shared/domain/negativeList';

export const CASE_STATE_COLOR: Record<CaseState, string> = {
  open: 'blue',
  notice_issued: 'yellow',
  closed: 'teal',
  key_supervision: 'orange',
  key_monitoring: 'red',
  lifted: 'gray',
  withdrawn: 'dark',
};

export function CaseStateBadge({ state }: { state: CaseState }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={CASE_STATE_COLOR[state]} variant="light" data-state={state} style={{ flexShrink: 0 }}>
      {t(`cases.state.${state}`)}
    </Badge>
  );
}

export function OverdueBadge(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" data-testid="case-overdue" style={{ flexShrink: 0 }}>
      {t('cases.overdue')}
    </Badge>
  );
}
