// One teacher's credit file at the bureau (DOM): who and where, the lists, every record with its
// state, objections and repair, the grade with its steps, and the reports with their confirmation.
// schoolTeachers.file is a mutation (each opening is audited), so it is called once per opening.
import { useEffect, useState } from 'react';
import { Alert, Badge, Card, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SchoolTeacherFile, ReceivedRecordView } from '../../../../shared/api/routes/schoolTeachers';
import { gradeLabel } from '../../../../shared/api/gradingMessages';
import { call } from '../../api/client';
import { GradeBadge, GradeExplanation } from '../../components/GradeExplanation';
import { ListBadges } from '../../components/ListBadges';
import { Points } from '../../components/Points';
import { PersonStatusBadge, StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../components/format';
import { currentLang, errorText, formatDateTime } from '../../i18n';

function RecordCard({ r }: { r: ReceivedRecordView }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const name = r.itemName ? (lang === 'en' ? r.itemName.en : r.itemName.zh) : t('schoolTeachers.file.unknownItem');
  const counted = r.status === 'active' || r.status === 'disputed';
  return (
    <Card withBorder padding="sm" data-testid="st-record" data-status={r.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600} size="sm">
            {r.itemCode} {name}
          </Text>
          <Text size="xs" c="dimmed">
            {t('schoolTeachers.file.occurredOn')} {formatDate(r.occurredOn)} · {t('schoolTeachers.file.expiresOn')} {formatDate(r.expiresOn)}
            {r.supersedesId && ` · ${t('schoolTeachers.file.amends', { id: r.supersedesId })}`}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap">
          {r.points !== null && <Points value={r.points} strike={!counted} />}
          <StatusBadge status={r.status} />
        </Group>
      </Group>
      <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} {...(r.description === null ? { c: 'dimmed' } : {})}>
        {r.description ?? t('schoolTeachers.file.revoked')}
      </Text>
      {r.objections.map((o, i) => (
        <Text key={i} size="xs" mt={4} c="orange.8" data-testid="st-objection">
          {t('schoolTeachers.file.objection', { reason: o.reason, at: formatDate(o.raisedAt) })} ·{' '}
          {o.decision === null
            ? t('schoolTeachers.file.objectionOpen')
            : t(o.decision === 'upheld' ? 'schoolTeachers.file.objectionUpheld' : 'schoolTeachers.file.objectionRejected', { reason: o.decisionReason ?? '' })}
        </Text>
      ))}
      {r.repair && (
        <Text size="xs" mt={4} c="blue.8">
          {t(r.repair.kind === 'release' ? 'schoolTeachers.file.release' : 'schoolTeachers.file.repair', { reason: r.repair.reason, on: formatDate(r.repair.effectiveOn) })}
        </Text>
      )}
    </Card>
  );
}

function FileView({ file }: { file: SchoolTeacherFile }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const p = file.teacher;
  const names = new Map(file.records.flatMap((r) => (r.itemName ? [[r.itemCode, lang === 'en' ? r.itemName.en : r.itemName.zh] as const] : [])));
  const row = (label: string, value: React.ReactNode): React.JSX.Element => (
    <Table.Tr>
      <Table.Th w={110}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack data-testid="st-file">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={3} data-testid="st-file-name">
            {p.name}
          </Title>
          <Text size="sm" c="dimmed">
            {p.schoolName}
          </Text>
        </div>
        <GradeBadge grade={p.grade} size="lg" />
      </Group>
      <Alert color="gray" py={6}>
        <Text size="xs">{t('schoolTeachers.file.readOnly')}</Text>
      </Alert>
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          {row(t('schoolTeachers.file.staffNo'), p.staffNo || '—')}
          {row(t('schoolTeachers.file.subject'), p.subject || '—')}
          {row(t('schoolTeachers.file.jobTitle'), p.title || '—')}
          {row(t('schoolTeachers.file.hireDate'), p.hireDate ? formatDate(p.hireDate) : '—')}
          {row(t('schoolTeachers.file.status'), <PersonStatusBadge active={p.status === 'active'} kind="teacher" />)}
          {row(t('schoolTeachers.file.lists'), <ListBadges lists={p.lists} empty={t('schoolTeachers.file.noLists')} />)}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {file.receivedAt ? t('schoolTeachers.file.received', { at: formatDateTime(file.receivedAt) }) : t('schoolTeachers.file.neverReceived')}
      </Text>

      <Title order={4}>{t('schoolTeachers.file.grade')}</Title>
      <GradeExplanation grade={{ rulesVersion: file.rulesVersion, score: p.score, grade: p.grade, steps: file.steps }} itemNames={names} />

      <Title order={4}>{t('schoolTeachers.file.records', { n: file.records.length })}</Title>
      {file.records.length === 0 && <Text c="dimmed">{t('schoolTeachers.file.noRecords')}</Text>}
      {file.records.map((r) => (
        <RecordCard key={r.id} r={r} />
      ))}

      <Title order={4}>{t('schoolTeachers.file.reports', { n: file.reports.length })}</Title>
      {file.reports.length === 0 && <Text c="dimmed">{t('schoolTeachers.file.noReports')}</Text>}
      {file.reports.map((r) => (
        <Card key={r.number} withBorder padding="sm" data-testid="st-report">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('schoolTeachers.file.reportLine', { year: r.year, number: r.number, grade: gradeLabel(r.grade, lang), score: r.score })}</Text>
            <Badge variant="light" color={r.status === 'confirmed' ? 'teal' : r.status === 'superseded' ? 'gray' : 'orange'}>
              {t(`reports.status.${r.status}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {r.confirmation
              ? t(r.confirmation.kind === 'paper' ? 'schoolTeachers.file.confirmedPaper' : 'schoolTeachers.file.confirmedSignature', { at: formatDateTime(r.confirmation.confirmedAt) })
              : t('schoolTeachers.file.unconfirmed')}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function Loaded({ teacherKey }: { teacherKey: string }): React.JSX.Element {
  const [file, setFile] = useState<SchoolTeacherFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void call('schoolTeachers.file', { key: teacherKey }).then((r) => {
      if (!live) return;
      if (r.ok) setFile(r.value);
      else setError(errorText(r.error));
    });
    return () => {
      live = false;
    };
  }, [teacherKey]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!file) return <Loader />;
  return <FileView file={file} />;
}

export function TeacherFileDrawer({ teacherKey, onClose }: { teacherKey: string | null; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Drawer opened={teacherKey !== null} onClose={onClose} position="right" size={680} title={t('schoolTeachers.file.title')}>
      {teacherKey && <Loaded key={teacherKey} teacherKey={teacherKey} />}
    </Drawer>
  );
}
