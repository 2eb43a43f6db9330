// One subject's grade explained (DOM): who it is, the lists it is on, and every step of its grade
// (GradeExplanation), worked out afresh by the core when the drawer opens.
import { useState } from 'react';
import { Alert, Button, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUBJECT_KIND_NAMES } from '../../../../shared/api/gradingMessages';
import type { SupervisedKind } from '../../../../shared/domain/supervision';
import { useLoad } from '../../app/useLoad';
import { GradeBadge, GradeExplanation } from '../../components/GradeExplanation';
import { ListBadges } from '../../components/ListBadges';
import { formatDate } from '../../components/format';
import { currentLang } from '../../i18n';
import { TeacherFileDrawer } from '../schoolTeachers/TeacherFileDrawer';

function Explained({ kind, subjectKey }: { kind: SupervisedKind; subjectKey: string }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const { data, error } = useLoad('grading.subject', { kind, key: subjectKey });
  const [fileOpen, setFileOpen] = useState(false);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return <Loader />;
  const s = data.subject;
  const names = new Map(data.items.map((i) => [i.code, lang === 'en' ? i.nameEn : i.nameZh]));
  return (
    <Stack data-testid="grading-subject">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={700} size="lg">
            {s.name}
          </Text>
          <Text size="sm" c="dimmed">
            {s.institutionKind ? t(`grading.institutionKinds.${s.institutionKind}`) : SUBJECT_KIND_NAMES[lang][s.kind]}
          </Text>
        </div>
        <GradeBadge grade={s.grade} size="lg" />
      </Group>
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          {s.org && (
            <Table.Tr>
              <Table.Th w={120}>{t('grading.detail.org')}</Table.Th>
              <Table.Td>{s.org}</Table.Td>
            </Table.Tr>
          )}
          <Table.Tr>
            <Table.Th w={120}>{t('grading.detail.key')}</Table.Th>
            <Table.Td ff="monospace">{s.key}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th w={120}>{t('grading.detail.onLists')}</Table.Th>
            <Table.Td>
              <ListBadges lists={s.lists} empty={t('grading.detail.noLists')} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('grading.detail.asOf', { asOf: formatDate(data.asOf), version: data.rulesVersion })}
      </Text>
      <GradeExplanation grade={{ rulesVersion: data.rulesVersion, score: s.score, grade: s.grade, steps: data.steps }} itemNames={names} />
      {kind === 'teacher' && (
        <Group>
          <Button variant="light" onClick={() => setFileOpen(true)} data-testid="grading-open-file">
            {t('schoolTeachers.file.open')}
          </Button>
        </Group>
      )}
      <TeacherFileDrawer teacherKey={fileOpen ? subjectKey : null} onClose={() => setFileOpen(false)} />
    </Stack>
  );
}

export function SubjectDrawer({ subject, onClose }: { subject: { kind: SupervisedKind; key: string } | null; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Drawer opened={subject !== null} onClose={onClose} position="right" size={640} title={t('grading.detail.title')}>
      {subject && <Explained key={`${subject.kind}:${subject.key}`} kind={subject.kind} subjectKey={subject.key} />}
    </Drawer>
  );
}
