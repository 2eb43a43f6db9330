// 人工提名 (DOM): a list, a subject found by name or code (institutions, practitioners, or teachers
// whose files their schools sent), a reason and the period; an administrator then decides.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ListSubject } from '../../../../shared/api/routes/lists';
import { LIST_MONTHS } from '../../../../shared/domain/listRules';
import { LIST_KINDS, SUPERVISED_KINDS, type ListKind, type SupervisedKind } from '../../../../shared/domain/supervision';
import { useAction } from '../../app/useAction';
import { useLoad } from '../../app/useLoad';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../components/format';

interface Props {
  opened: boolean;
  initialList: ListKind;
  onClose(): void;
  onDone(): void;
}

export function ProposeModal({ opened, initialList, onClose, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('lists.propose.title')} size="lg">
      {opened && <ProposeForm initialList={initialList} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function ProposeForm({ initialList, onClose, onDone }: Omit<Props, 'opened'>): React.JSX.Element {
  const { t } = useTranslation();
  const [list, setList] = useState<ListKind>(initialList);
  const [kind, setKind] = useState<SupervisedKind>('institution');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<ListSubject | null>(null);
  const [reason, setReason] = useState('');
  const [startOn, setStartOn] = useState(todayIso());
  const [endOn, setEndOn] = useState('');
  const labelOf = (s: ListSubject): string => t('common.withNote', { text: s.name, note: s.detail });
  // Picking an option writes its label into the search box: that is not a new search.
  const search = picked && q === labelOf(picked) ? picked.name : q;
  const subjects = useLoad('lists.subjects', { kind, q: search.slice(0, 50) });
  const options = [...(subjects.data ?? []), ...(picked && !(subjects.data ?? []).some((s) => s.key === picked.key) ? [picked] : [])];
  const subject = picked?.key ?? null;
  const propose = useAction('lists.propose');

  const submit = async (): Promise<void> => {
    if (!subject) return;
    const out = await propose.run({ subjectKind: kind, subjectKey: subject, list, reason: reason.trim(), startOn, ...(endOn ? { endOn } : {}) });
    if (!out) return;
    notifications.show({ color: 'teal', message: t('lists.propose.done') });
    onDone();
  };

  return (
    <Stack>
      <Group grow>
        <Select
          label={t('lists.propose.list')}
          value={list}
          allowDeselect={false}
          onChange={(v) => v && setList(v as ListKind)}
          data={LIST_KINDS.map((k) => ({ value: k, label: t(`lists.kind.${k}`) }))}
          data-testid="propose-list"
        />
        <Select
          label={t('lists.propose.subjectKind')}
          value={kind}
          allowDeselect={false}
          onChange={(v) => {
            if (!v) return;
            setKind(v as SupervisedKind);
            setPicked(null);
            setQ('');
          }}
          data={SUPERVISED_KINDS.map((k) => ({ value: k, label: t(`lists.subjectKind.${k}`) }))}
        />
      </Group>
      <Select
        label={t('lists.propose.subject')}
        placeholder={t('lists.propose.subjectPlaceholder')}
        searchable
        required
        searchValue={q}
        onSearchChange={setQ}
        value={subject}
        onChange={(key) => setPicked(options.find((s) => s.key === key) ?? null)}
        filter={({ options: shown }) => shown}
        data={options.map((s) => ({ value: s.key, label: labelOf(s) }))}
        data-testid="propose-subject"
      />
      <Textarea label={t('lists.propose.reason')} required autosize minRows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="propose-reason" />
      <Group align="flex-start">
        <DateField label={t('lists.propose.startOn')} value={startOn} onChange={setStartOn} required />
        <DateField label={t('lists.propose.endOn', { months: LIST_MONTHS[list] })} value={endOn} onChange={setEndOn} w={280} placeholder=" " />
      </Group>
      {propose.error && <Alert color="red">{propose.error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button disabled={!subject || reason.trim().length < 2 || !startOn} loading={propose.busy} onClick={() => void submit()} data-testid="propose-submit">
          {t('lists.propose.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
