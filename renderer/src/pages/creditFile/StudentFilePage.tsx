// A student's file (DOM, school administrator and records clerk only): creditFile.student is a
// mutation because the core writes every reading of a minor's file to the audit log, so it is
// called once when the screen opens and again only after a change.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../i18n';
import { useNav } from '../../components/navigation';
import { PersonStatusBadge } from '../../components/StatusBadge';
import { RecordForm } from '../records/RecordForm';
import { GradeCard } from './GradeCard';
import { CreditTimeline } from './CreditTimeline';

type StudentFile = RouteOutput<'creditFile.student'>;

export function StudentFilePage({ studentId }: { studentId: number }): React.JSX.Element {
  const { t } = useTranslation();
  const { go } = useNav();
  const [file, setFile] = useState<StudentFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const asked = useRef<number | null>(null);

  const load = useCallback(() => {
    void call('creditFile.student', { studentId }).then((r) => {
      if (r.ok) setFile(r.value);
      else setError(errorText(r.error));
    });
  }, [studentId]);
  useEffect(() => {
    // One audited read per opening, even if React runs the effect twice.
    if (asked.current === studentId) return;
    asked.current = studentId;
    load();
  }, [studentId, load]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!file) return <Loader />;
  const s = file.student;

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Button variant="subtle" size="xs" onClick={() => go({ page: 'students' })}>
            ← {t('creditFile.back')}
          </Button>
          <Title order={2}>{`${s.name} · ${t('nav.studentFile')}`}</Title>
        </Group>
        <Button onClick={() => setAdding(true)}>{t('creditFile.addRecord')}</Button>
      </Group>
      <Card withBorder padding="md">
        <Group gap="lg" wrap="wrap">
          <Text fw={700} size="lg">
            {s.name}
          </Text>
          <Text size="sm">{t(`person.${s.gender}`)}</Text>
          <Text size="sm">{t('creditFile.studentInfo', { studentNo: s.studentNo, grade: s.grade, className: s.className })}</Text>
          {s.guardianContact && (
            <Text size="sm" c="dimmed">
              {t('common.labelValue', { label: t('students.guardian'), value: s.guardianContact })}
            </Text>
          )}
          <PersonStatusBadge active={s.status === 'active'} kind="student" />
        </Group>
      </Card>
      <Text size="xs" c="dimmed">
        {t('creditFile.readLogged')}
      </Text>
      <GradeCard grade={file.grade} />
      <Title order={4}>{t('creditFile.timeline')}</Title>
      <CreditTimeline records={file.records} onChanged={load} />
      <Modal opened={adding} onClose={() => setAdding(false)} title={`${t('creditFile.addRecord')} · ${s.name}`} size="lg">
        {adding && (
          <RecordForm
            kinds={['student']}
            fixed={{ kind: 'student', subject: { id: s.id, label: `${s.name} · ${s.studentNo}` } }}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              notifications.show({ color: 'teal', message: t('records.created') });
              load();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
