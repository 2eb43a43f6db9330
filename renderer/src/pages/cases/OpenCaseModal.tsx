// 立案 (DOM): a private school, the matter, the facts found and the day; the core refuses any
// other kind of institution, so only private schools are offered.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../app/useAction';
import { useLoad } from '../../app/useLoad';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../components/format';

interface Props {
  opened: boolean;
  onClose(): void;
  onOpened(id: number): void;
}

export function OpenCaseModal({ opened, onClose, onOpened }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const schools = useLoad('cases.schools', {});
  const open = useAction('cases.open');
  const [school, setSchool] = useState<string | null>(null);
  const [matter, setMatter] = useState('');
  const [facts, setFacts] = useState('');
  const [openedOn, setOpenedOn] = useState(todayIso());
  const ready = school !== null && matter.trim().length >= 2 && facts.trim().length >= 2 && openedOn !== '';

  // A refusal is about what was entered then; reopening the dialog starts without it.
  const close = (): void => {
    open.clear();
    onClose();
  };

  const submit = async (): Promise<void> => {
    if (!school) return;
    const c = await open.run({ institutionId: Number(school), matter: matter.trim(), facts: facts.trim(), openedOn });
    if (!c) return;
    notifications.show({ color: 'teal', message: t('cases.form.done', { number: c.number }) });
    setSchool(null);
    setMatter('');
    setFacts('');
    onOpened(c.id);
  };

  return (
    <Modal opened={opened} onClose={close} title={t('cases.form.title')} size="lg">
      <Stack>
        <Select
          label={t('cases.form.school')}
          placeholder={t('cases.form.schoolPlaceholder')}
          searchable
          required
          value={school}
          onChange={setSchool}
          data={(schools.data ?? []).map((s) => ({ value: String(s.id), label: `${t('common.withNote', { text: s.name, note: s.uscc })}${s.activeCases > 0 ? t('cases.form.activeCases', { count: s.activeCases }) : ''}` }))}
          data-testid="case-form-school"
        />
        <TextInput label={t('cases.form.matter')} required maxLength={200} value={matter} onChange={(e) => setMatter(e.currentTarget.value)} data-testid="case-form-matter" />
        <Textarea label={t('cases.form.facts')} required autosize minRows={3} maxLength={2000} value={facts} onChange={(e) => setFacts(e.currentTarget.value)} data-testid="case-form-facts" />
        <DateField label={t('cases.form.openedOn')} value={openedOn} onChange={setOpenedOn} max={todayIso()} required testId="case-form-date" />
        {open.error && <Alert color="red">{open.error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!ready} loading={open.busy} onClick={() => void submit()} data-testid="case-form-submit">
            {t('cases.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
