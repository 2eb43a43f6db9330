// Create or edit a student (DOM): name, gender, student number, class and an optional guardian
// contact. A class is chosen from classes.list; a new class can be made from the list screen.
import { useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { StudentView } from '../../../../shared/api/routes/registry';
import type { Gender } from '../../../../shared/domain/idNumber';
import { useAction } from '../../app/useAction';
import { formErrors } from '../../components/fieldErrors';

export type ClassView = RouteOutput<'classes.list'>[number];

interface Fields {
  name: string;
  gender: Gender;
  studentNo: string;
  classId: number | null;
  guardianContact: string;
}

export function classLabel(c: { grade: string; name: string }): string {
  return `${c.grade} ${c.name}`;
}

/** onToggleStatus: deactivate or activate the student being edited (people are never deleted). */
export function StudentForm({
  student,
  classes,
  onDone,
  onCancel,
  onToggleStatus,
}: {
  student: StudentView | null;
  classes: ClassView[];
  onDone(): void;
  onCancel(): void;
  onToggleStatus?: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [f, setF] = useState<Fields>(
    student
      ? { name: student.name, gender: student.gender, studentNo: student.studentNo, classId: student.classId, guardianContact: student.guardianContact ?? '' }
      : { name: '', gender: 'male', studentNo: '', classId: null, guardianContact: '' },
  );
  const create = useAction('students.create');
  const update = useAction('students.update');
  const action = student ? update : create;
  const errors = formErrors(action.apiError, ['name', 'studentNo', 'classId', 'guardianContact']);
  const set = <K extends keyof Fields>(k: K, v: Fields[K]): void => setF((x) => ({ ...x, [k]: v }));

  const submit = async (): Promise<void> => {
    if (f.classId === null) return;
    const input = { name: f.name, gender: f.gender, studentNo: f.studentNo, classId: f.classId, guardianContact: f.guardianContact.trim() || null };
    const saved = student ? await update.run({ ...input, id: student.id }) : await create.run(input);
    if (saved) onDone();
  };

  return (
    <Stack>
      <Group grow align="flex-start">
        <TextInput label={t('students.name')} value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.fields.name} required maxLength={30} data-autofocus />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('person.gender')}
          </Text>
          <SegmentedControl
            value={f.gender}
            onChange={(v) => set('gender', v === 'female' ? 'female' : 'male')}
            data={[
              { value: 'male', label: t('person.male') },
              { value: 'female', label: t('person.female') },
            ]}
          />
        </Stack>
      </Group>
      <Group grow>
        <TextInput
          label={t('students.studentNo')}
          value={f.studentNo}
          onChange={(e) => set('studentNo', e.currentTarget.value)}
          error={errors.fields.studentNo}
          required
          maxLength={30}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Select
          label={t('students.class')}
          data={classes.map((c) => ({ value: String(c.id), label: classLabel(c) }))}
          value={f.classId === null ? null : String(f.classId)}
          onChange={(v) => set('classId', v === null ? null : Number(v))}
          searchable
          required
          nothingFoundMessage={t('students.noClasses')}
          error={errors.fields.classId}
        />
      </Group>
      <TextInput label={t('students.guardian')} value={f.guardianContact} onChange={(e) => set('guardianContact', e.currentTarget.value)} error={errors.fields.guardianContact} maxLength={50} />
      {errors.general && <Alert color="red">{errors.general}</Alert>}
      <Group justify="flex-end">
        {student && onToggleStatus && (
          <Button variant="subtle" color={student.status === 'active' ? 'red' : 'teal'} mr="auto" onClick={onToggleStatus} data-testid="toggle-status">
            {student.status === 'active' ? t('person.deactivate') : t('person.activate')}
          </Button>
        )}
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button loading={action.busy} disabled={!f.name.trim() || !f.studentNo.trim() || f.classId === null} onClick={() => void submit()}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ClassForm({ onDone, onCancel }: { onDone(): void; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [grade, setGrade] = useState('');
  const [name, setName] = useState('');
  const create = useAction('classes.create');
  const errors = formErrors(create.apiError, ['grade', 'name']);
  return (
    <Stack>
      <Group grow>
        <TextInput label={t('students.classGrade')} placeholder="七年级" value={grade} onChange={(e) => setGrade(e.currentTarget.value)} error={errors.fields.grade} required maxLength={20} data-autofocus />
        <TextInput label={t('students.className')} placeholder="1班" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} required maxLength={20} />
      </Group>
      {errors.general && <Alert color="red">{errors.general}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={create.busy}
          disabled={!grade.trim() || !name.trim()}
          onClick={async () => {
            if (await create.run({ grade, name })) onDone();
          }}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
