// A teacher's credit file (DOM): who the teacher is, the score and grade with the reason, and the
// timeline of records. Staff open it from the teacher list and may add, amend, revoke or repair; a
// teacher sees only their own (creditFile.teacher without teacherId) and may object to an active
// record, which the school administrator then decides.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { RecordView } from '../../../../shared/api/routes/credit';
import type { ApiError } from '../../../../shared/api/errors';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { errorText } from '../../i18n';
import { useNav } from '../../components/navigation';
import { PersonStatusBadge } from '../../components/StatusBadge';
import { ReasonForm } from '../../components/ReasonForm';
import { formatDate } from '../../components/format';
import { itemName } from '../../components/catalogue';
import { maskIdNumber } from '../../../../shared/domain/idNumber';
import { RecordForm } from '../records/RecordForm';
import { EvidenceInput, type EvidenceFile } from '../records/EvidenceInput';
import { GradeCard } from './GradeCard';
import { CreditTimeline } from './CreditTimeline';

type TeacherFile = RouteOutput<'creditFile.teacher'>;
const STAFF = ['school_admin', 'records_clerk'];

function RaiseObjection({ record, onDone, onCancel }: { record: RecordView; onDone(): void; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const raise = useAction('objections.raise');
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  return (
    <ReasonForm
      label={t('creditFile.objectionReason')}
      submitLabel={t('creditFile.raiseObjection')}
      busy={raise.busy}
      error={raise.apiError}
      onCancel={onCancel}
      after={<EvidenceInput onChange={setFiles} description={t('creditFile.objectionEvidenceHint')} />}
      onSubmit={async (reason) => {
        if (await raise.run({ recordId: record.id, reason, evidence: files.map((f) => ({ fileName: f.fileName, dataBase64: f.dataBase64 })) })) onDone();
      }}
    >
      <Text size="sm" fw={500}>
        {formatDate(record.occurredOn)} · {record.item.code} {itemName(record.item)}
      </Text>
      <Text size="sm">{record.description}</Text>
      <Text size="xs" c="dimmed">
        {t('creditFile.objectionHint')}
      </Text>
    </ReasonForm>
  );
}

export function TeacherFilePage({ teacherId }: { teacherId: number | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const { go } = useNav();
  const [file, setFile] = useState<TeacherFile | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState(false);
  const [objecting, setObjecting] = useState<RecordView | null>(null);
  const isTeacher = me.user.role === 'teacher';
  const staff = STAFF.includes(me.user.role);

  const load = useCallback(() => {
    void call('creditFile.teacher', teacherId !== undefined ? { teacherId } : {}).then((r) => {
      if (r.ok) {
        setFile(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, [teacherId]);
  useEffect(load, [load]);

  if (error) {
    const unlinked = isTeacher && error.code === 'FORBIDDEN';
    return <Alert color={unlinked ? 'orange' : 'red'}>{unlinked ? t('creditFile.notLinked') : errorText(error)}</Alert>;
  }
  if (!file) return <Loader />;
  const tch = file.teacher;

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          {teacherId !== undefined && (
            <Button variant="subtle" size="xs" onClick={() => go({ page: 'teachers' })}>
              ← {t('creditFile.back')}
            </Button>
          )}
          <Title order={2}>{isTeacher ? t('creditFile.myTitle') : `${tch.name} · ${t('creditFile.title')}`}</Title>
        </Group>
        {staff && (
          <Button onClick={() => setAdding(true)} data-testid="file-add-record">
            {t('creditFile.addRecord')}
          </Button>
        )}
      </Group>
      <Card withBorder padding="md">
        <Group gap="lg" wrap="wrap">
          <Text fw={700} size="lg" data-testid="file-name">
            {tch.name}
          </Text>
          <Text size="sm">{t(`person.${tch.gender}`)}</Text>
          <Text size="sm" ff="monospace">
            {maskIdNumber(tch.idNumber)}
          </Text>
          <Text size="sm">{t('creditFile.staffInfo', { staffNo: tch.staffNo, subject: tch.subject, title: tch.title || '—' })}</Text>
          <Text size="sm" c="dimmed">
            {t('creditFile.hired', { date: formatDate(tch.hireDate) })}
          </Text>
          <PersonStatusBadge active={tch.status === 'active'} kind="teacher" />
        </Group>
      </Card>
      {file.lists.length > 0 && (
        <Alert color={file.lists.some((l) => l.list === 'red' || l.list === 'white') ? 'teal' : 'orange'} title={t('creditFile.bureauLists')} data-testid="file-lists">
          <Stack gap={6}>
            {file.lists.map((l, i) => (
              <Text key={i} size="sm" data-testid="file-list-entry" data-list={l.list}>
                {t('creditFile.bureauListEntry', { list: t(`lists.kind.${l.list}`), from: formatDate(l.startOn), to: formatDate(l.endOn), reason: l.reason })}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              {t('creditFile.bureauListAsOf', { date: formatDate(file.lists[0]!.asOf) })} {isTeacher ? t('creditFile.bureauListObjection') : ''}
            </Text>
          </Stack>
        </Alert>
      )}
      <GradeCard grade={file.grade} />
      <Title order={4}>{t('creditFile.timeline')}</Title>
      <CreditTimeline
        records={file.records}
        onChanged={load}
        {...(isTeacher
          ? {
              objectionButton: (r: RecordView) =>
                // Only a record against the teacher is something to object to.
                r.status === 'active' && r.kind !== 'revocation' && r.item.polarity === 'negative' ? (
                  <Button size="compact-xs" variant="light" color="orange" onClick={() => setObjecting(r)} data-testid="raise-objection">
                    {t('creditFile.raiseObjection')}
                  </Button>
                ) : null,
            }
          : {})}
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title={`${t('creditFile.addRecord')} · ${tch.name}`} size="lg">
        {adding && (
          <RecordForm
            kinds={['teacher']}
            fixed={{ kind: 'teacher', subject: { id: tch.id, label: `${tch.name} · ${tch.staffNo} · ${tch.subject}` } }}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              notifications.show({ color: 'teal', message: t('records.created') });
              load();
            }}
          />
        )}
      </Modal>
      <Modal opened={objecting !== null} onClose={() => setObjecting(null)} title={t('creditFile.raiseObjection')} size="lg">
        {objecting && (
          <RaiseObjection
            record={objecting}
            onCancel={() => setObjecting(null)}
            onDone={() => {
              setObjecting(null);
              notifications.show({ color: 'teal', message: t('creditFile.objectionRaised') });
              load();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
