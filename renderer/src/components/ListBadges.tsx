// The lists a subject is on, as badges (DOM): one colour per list everywhere in the app, and each
// badge keeps its whole name — a table column widens for it rather than cutting it short.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIST_NAMES } from '../../../shared/api/gradingMessages';
import type { ListKind } from '../../../shared/domain/supervision';

export const LIST_COLOR: Record<ListKind, string> = { red: 'red', black: 'dark', white: 'gray', key_supervision: 'orange', key_monitoring: 'grape' };

export function ListBadges({ lists, empty = '—' }: { lists: readonly ListKind[]; empty?: string }): React.JSX.Element {
  const { i18n } = useTranslation();
  const names = LIST_NAMES[i18n.language === 'en' ? 'en' : 'zh-CN'];
  if (lists.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      {lists.map((l) => (
        <Badge key={l} color={LIST_COLOR[l]} variant="light" size="sm" tt="none" data-list={l} style={{ flexShrink: 0, minWidth: 'max-content' }}>
          {names[l]}
        </Badge>
      ))}
    </Group>
  );
}
