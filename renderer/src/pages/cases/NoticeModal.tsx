// 下达整改通知 (DOM): requirements, the day and the deadline; the core numbers the notice, makes its
// PDF and files it, and the PDF is downloaded at once to be printed and served.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/api/routes/cases';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { downloadFile } from '../../components/files';
import { todayIso } from '../../components/format';

interface Props {
  c: CaseView;
  opened: boolean;
  onClose(): void;
  onDone(): void;
}

export function NoticeModal({ c, opened, onClose, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const issue = useAction('cases.issueNotice');
  const [requirements, setRequirements] = useState('');
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const [deadline, setDeadline] = useState(dayjs().add(30, 'day').format('YYYY-MM-DD'));
  const early = issuedOn !== '' && deadline !== '' && deadline < issuedOn;

  const submit = async (): Promise<void> => {
    const out = await issue.run({ caseId: c.id, requirements: requirements.trim(), issuedOn, deadline });
    if (!out) return;
    downloadFile(out.pdf);
    notifications.show({ color: 'teal', message: t('cases.notice.done', { number: out.case.notice?.number ?? '' }) });
    onDone();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.notice.formTitle')} size="lg">
      <Stack>
        <Textarea
          label={t('cases.notice.requirements')}
          required
          autosize
          minRows={4}
          maxLength={2000}
          value={requirements}
          onChange={(e) => setRequirements(e.currentTarget.value)}
          data-autofocus
          data-testid="notice-requirements"
        />
        <Group align="flex-start">
          <DateField label={t('cases.notice.issuedOn')} value={issuedOn} onChange={setIssuedOn} max={todayIso()} required testId="notice-issued" />
          <DateField label={t('cases.notice.deadline')} value={deadline} onChange={setDeadline} required testId="notice-deadline" />
        </Group>
        {early && <Alert color="orange">{t('cases.notice.deadlineBefore')}</Alert>}
        {issue.error && <Alert color="red">{issue.error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={requirements.trim().length < 2 || !issuedOn || !deadline || early} loading={issue.busy} onClick={() => void submit()} data-testid="notice-submit">
            {t('cases.notice.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
