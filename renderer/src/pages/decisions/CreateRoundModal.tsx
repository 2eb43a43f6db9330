// A new decision round (DOM): its kind, title and the day it opens.
import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { DECISION_KINDS, type DecisionKind } from '../../../../shared/domain/restrictions';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../components/format';

interface Props {
  opened: boolean;
  onClose(): void;
  onCreated(id: number): void;
}

export function CreateRoundModal({ opened, onClose, onCreated }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DecisionKind>('funding');
  const [title, setTitle] = useState('');
  const [openedOn, setOpenedOn] = useState(todayIso());
  const create = useAction('decisions.createRound');

  const submit = async (): Promise<void> => {
    const r = await create.run({ kind, title: title.trim(), openedOn });
    if (!r) return;
    notifications.show({ color: 'teal', message: t('decisions.create.done', { title: r.title }) });
    setTitle('');
    onCreated(r.id);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('decisions.create.title')} centered size="lg">
      <Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('decisions.create.kind')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as DecisionKind)}
            data={DECISION_KINDS.map((k) => ({ value: k, label: t(`decisions.kind.${k}`) }))}
            data-testid="round-kind"
          />
        </Stack>
        <TextInput
          label={t('decisions.create.name')}
          placeholder={t('decisions.create.namePlaceholder')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={100}
          required
          data-autofocus
        />
        <DateField label={t('decisions.create.openedOn')} value={openedOn} onChange={setOpenedOn} required />
        {create.error && <Alert color="red">{create.error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.busy} disabled={title.trim().length < 2 || !openedOn} onClick={() => void submit()} data-testid="round-create-submit">
            {t('decisions.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
