// 身份卡与交换对象 (runs in the DOM): this installation's identity card, downloaded as a file and
// shown as a fingerprint to read aloud; the partners enrolled so far; and, for administrators,
// enrolling the other side's card, with the fingerprint stated in the file shown before and the
// one the core computed shown after, both to compare with the other side.
import { useState } from 'react';
import { Alert, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { useAction } from '../../app/useAction';
import { choiceToSend, RegistryChoice } from './RegistryChoice';
import { downloadFile } from '../../components/files';
import { formatDateTime } from '../../i18n';
import { FileDrop } from '../../components/FileDrop';
import { Fingerprint } from './syncText';
import type { Partner, SyncState } from './types';

function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function IdentityPanel({ state, admin, onChanged }: { state: SyncState; admin: boolean; onChanged(): void }): React.JSX.Element {
  return (
    <Stack gap="lg">
      <OwnCard state={state} admin={admin} onChanged={onChanged} />
      <Partners partners={state.partners} />
      {admin && <Enrol onChanged={onChanged} />}
    </Stack>
  );
}

function OwnCard({ state, admin, onChanged }: { state: SyncState; admin: boolean; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const card = useAction('sync.card');
  const download = async (): Promise<void> => {
    const r = await card.run({});
    if (!r) return;
    downloadFile({ fileName: r.fileName, mime: 'application/json', dataBase64: textToBase64(r.card) });
    notifications.show({ color: 'green', message: t('sync.own.downloaded', { fileName: r.fileName }) });
    // The first download makes the keys: the fingerprint shown comes from the state.
    if (!state.own.fingerprint) onChanged();
  };
  return (
    <Paper withBorder p="md" data-testid="sync-own">
      <Stack gap="sm">
        <Title order={4}>{t('sync.own.title')}</Title>
        <Text size="sm" fw={500}>
          {state.own.name} · {state.own.uscc}
        </Text>
        <Text size="sm" c="dimmed">
          {t('sync.own.intro')}
        </Text>
        {state.own.fingerprint ? (
          <Stack gap={4}>
            <Text size="sm">{t('sync.own.fingerprint')}</Text>
            <Fingerprint value={state.own.fingerprint} testId="sync-own-fingerprint" />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" data-testid="sync-no-keys">
            {t('sync.own.noKeys')}
          </Text>
        )}
        {admin && (
          <Group>
            <Button onClick={() => void download()} loading={card.busy} data-testid="sync-card-download">
              {t('sync.own.download')}
            </Button>
          </Group>
        )}
        {card.error && <Alert color="red">{card.error}</Alert>}
      </Stack>
    </Paper>
  );
}

function Partners({ partners }: { partners: Partner[] }): React.JSX.Element {
  const { t } = useTranslation();
  const upTo = (n: number): string => (n > 0 ? t('sync.partners.upTo', { n }) : t('sync.partners.nothing'));
  return (
    <Stack gap="xs">
      <Title order={4}>{t('sync.partners.title')}</Title>
      {partners.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="sync-no-partners">
          {t('sync.partners.none')}
        </Text>
      ) : (
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={900} data-testid="sync-partners">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.partners.name')}</Table.Th>
                <Table.Th>{t('sync.partners.fingerprint')}</Table.Th>
                <Table.Th>{t('sync.partners.enrolledAt')}</Table.Th>
                <Table.Th>{t('sync.partners.lastApplied')}</Table.Th>
                <Table.Th>{t('sync.partners.peerAcked')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.map((p) => (
                <Table.Tr key={p.uscc} data-testid="sync-partner" data-uscc={p.uscc} data-fingerprint={p.fingerprint} data-last-applied={p.lastApplied} data-peer-acked={p.peerAcked}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm">
                        {p.name} · {t(`sync.mode.${p.mode}`)}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {p.uscc}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Fingerprint value={p.fingerprint} size="md" />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.enrolledAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{upTo(p.lastApplied)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{upTo(p.peerAcked)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}

interface CardPreview {
  text: string;
  name: string;
  uscc: string;
  mode: 'school' | 'bureau';
  fingerprint: string;
}

/** What the card file says about itself; the core checks all of it again when it enrols. */
function previewCard(text: string): CardPreview | null {
  try {
    const c = JSON.parse(text) as Record<string, unknown>;
    if (c.format !== 'educredit-card/1' || typeof c.name !== 'string' || typeof c.uscc !== 'string' || typeof c.fingerprint !== 'string') return null;
    if (c.mode !== 'school' && c.mode !== 'bureau') return null;
    return { text, name: c.name, uscc: c.uscc, mode: c.mode, fingerprint: c.fingerprint };
  } catch {
    return null;
  }
}

function Enrol({ onChanged }: { onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const enrol = useAction('sync.enrol');
  const [preview, setPreview] = useState<CardPreview | null>(null);
  const [match, setMatch] = useState<RouteOutput<'sync.registryMatch'> | null>(null);
  const [pick, setPick] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const choice = choiceToSend(match, pick, reason);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<{ partner: Partner; added: boolean } | null>(null);

  const choose = async (file: File): Promise<void> => {
    setDone(null);
    enrol.clear();
    const p = file.size <= 20_000 ? previewCard(await file.text()) : null;
    setPreview(p);
    setMatch(null);
    setPick(null);
    setReason('');
    setFileError(p ? null : t('sync.enrol.notCard', { name: file.name }));
    // A school's card at a bureau: what the registry holds of it decides what enrolment does there.
    if (p?.mode === 'school') {
      const m = await call('sync.registryMatch', { card: p.text });
      if (m.ok) setMatch(m.value);
    }
  };
  const submit = async (): Promise<void> => {
    if (!preview || choice === null) return;
    const r = await enrol.run({ card: preview.text, ...(choice ? { registry: choice } : {}) });
    if (!r) return;
    setPreview(null);
    setDone(r);
    onChanged();
  };

  return (
    <Paper withBorder p="md" data-testid="sync-enrol">
      <Stack gap="sm">
        <Title order={4}>{t('sync.enrol.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('sync.enrol.intro')}
        </Text>
        <FileDrop
          accept=".json,application/json"
          prompt={t('sync.enrol.drop')}
          or={t('sync.enrol.or')}
          choose={t('sync.enrol.choose')}
          disabled={enrol.busy}
          onFiles={(f) => void choose(f[0]!)}
          testId="sync-card-drop"
        />
        {fileError && <Alert color="red">{fileError}</Alert>}
        {preview && (
          <Alert color="blue" data-testid="sync-enrol-preview">
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('sync.enrol.preview', { name: preview.name, uscc: preview.uscc, mode: t(`sync.mode.${preview.mode}`) })}
              </Text>
              <Text size="sm">{t('sync.enrol.previewFingerprint')}</Text>
              <Fingerprint value={preview.fingerprint} testId="sync-enrol-preview-fingerprint" />
              <Text size="sm">{t('sync.enrol.compare')}</Text>
              {match && <RegistryChoice match={match} pick={pick} reason={reason} onPick={setPick} onReason={setReason} />}
              <Group>
                <Button onClick={() => void submit()} loading={enrol.busy} disabled={choice === null} data-testid="sync-enrol-submit">
                  {t('sync.enrol.submit')}
                </Button>
                <Button variant="default" onClick={() => setPreview(null)} disabled={enrol.busy}>
                  {t('sync.enrol.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {enrol.error && (
          <Alert color="red" data-testid="sync-enrol-error">
            {enrol.error}
          </Alert>
        )}
        {done && (
          <Alert color="green" data-testid="sync-enrol-done">
            <Stack gap="xs">
              <Text size="sm">
                {t(done.added ? 'sync.enrol.added' : 'sync.enrol.updated', { name: done.partner.name, uscc: done.partner.uscc })}
              </Text>
              <Fingerprint value={done.partner.fingerprint} testId="sync-enrol-fingerprint" />
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
