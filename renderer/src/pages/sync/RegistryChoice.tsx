// At a bureau, before a school's card is enrolled (DOM): what the registry holds of the school. Its
// USCC's entry is simply used; an entry of the same name under another USCC makes the
// administrator say whether it is this school (linked, its USCC corrected, with a reason) or
// another body (a new entry), so the registry never holds one school twice without anyone knowing.
import { Alert, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteInput, RouteOutput } from '../../../../shared/api/contract';
import { LongText } from '../../components/LongText';

export type Choice = NonNullable<RouteInput<'sync.enrol'>['registry']>;
type Match = RouteOutput<'sync.registryMatch'>;

/** The choice to send, or null while the administrator has not made a complete one. */
export function choiceToSend(match: Match | null, pick: string | null, reason: string): Choice | undefined | null {
  if (!match || match.exact || match.sameName.length === 0) return undefined;
  if (pick === 'create') return { action: 'create' };
  if (pick === null || reason.trim().length < 2 || [...reason.trim()].length > 500) return null;
  return { action: 'link', institutionId: Number(pick), reason: reason.trim() };
}

export function RegistryChoice({ match, pick, reason, onPick, onReason }: { match: Match; pick: string | null; reason: string; onPick(v: string): void; onReason(v: string): void }): React.JSX.Element {
  const { t } = useTranslation();
  if (match.exact) {
    return (
      <Text size="sm" data-testid="sync-registry-exact">
        {t('sync.registry.exact', { name: match.exact.name })}
      </Text>
    );
  }
  if (match.sameName.length === 0) return <Text size="sm">{t('sync.registry.new')}</Text>;
  return (
    <Alert color="yellow" data-testid="sync-registry-choice">
      <Stack gap="xs">
        <Text size="sm">{t('sync.registry.sameName', { name: match.sameName[0]!.name })}</Text>
        <Radio.Group value={pick} onChange={onPick}>
          <Stack gap={6}>
            {match.sameName.map((i) => (
              <Radio key={i.id} value={String(i.id)} label={t('sync.registry.link', { name: i.name, uscc: i.uscc })} data-testid="sync-registry-link" />
            ))}
            <Radio value="create" label={t('sync.registry.create')} data-testid="sync-registry-create" />
          </Stack>
        </Radio.Group>
        {pick !== null && pick !== 'create' && (
          <LongText label={t('sync.registry.reason')} value={reason} onChange={onReason} max={500} required data-testid="sync-registry-reason" />
        )}
      </Stack>
    </Alert>
  );
}
