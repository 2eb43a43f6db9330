// Create or edit a teacher (DOM). The ID number is checked while it is typed with the same
// GB 11643-1999 rule the core uses, naming the wrong character and a gender that disagrees.
import { useState } from 'react';
import { Alert, Autocomplete, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkIdNumber, type Gender } from '../../../../shared/domain/idNumber';
import { describeIdProblem } from '../../../../shared/api/messages';
import type { TeacherView } from '../../../../shared/api/routes/registry';
import { useAction } from '../../app/useAction';
import { formErrors } from '../../components/fieldErrors';
import { currentLang } from '../../i18n';
import { formatDate, todayIso } from '../../components/format';
import { DateField } from '../../components/DateField';
import { IdNumberHint } from './IdNumberHint';

/** Subjects a Chinese school teaches: suggestions only, any subject may be typed. */
export const COMMON_SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '道德与法治', '音乐', '体育', '美术', '信息技术', '科学', '心理健康'];

interface Fields {
  name: string;
  gender: Gender;
  idNumber: string;
  staffNo: string;
  subject: string;
  title: string;
  hireDate: string;
}

function initial(t: TeacherView | null): Fields {
  return t
    ? { name: t.name, gender: t.gender, idNumber: t.idNumber, staffNo: t.staffNo, subject: t.subject, title: t.title, hireDate: t.hireDate }
    : { name: '', gender: 'male', idNumber: '', staffNo: '', subject: '', title: '', hireDate: '' };
}

/** The live verdict on the ID number: null while it is still being typed and nothing is wrong yet. */
function useIdVerdict(idNumber: string, gender: Gender, touched: boolean): { error: React.ReactNode; ok: string | null; valid: boolean } {
  const { t } = useTranslation();
  const r = checkIdNumber(idNumber, gender);
  if (r.ok) return { error: null, ok: t('teachers.idOk', { birth: formatDate(r.birthDate), gender: t(`person.${r.gender}`) }), valid: true };
  const stillTyping = !touched && ((r.problem.reason === 'length' && r.problem.length < 18) || r.problem.reason === 'empty');
  if (stillTyping) return { error: null, ok: null, valid: false };
  return {
    error: (
      <>
        <span data-testid="id-error">{describeIdProblem(r.problem, currentLang())}</span>{' '}
        <IdNumberHint value={idNumber.trim().toUpperCase()} problem={r.problem} />
      </>
    ),
    ok: null,
    valid: false,
  };
}

/** onToggleStatus: deactivate or activate the teacher being edited (people are never deleted). */
export function TeacherForm({ teacher, onDone, onCancel, onToggleStatus }: { teacher: TeacherView | null; onDone(t: TeacherView): void; onCancel(): void; onToggleStatus?: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [f, setF] = useState<Fields>(initial(teacher));
  const [idTouched, setIdTouched] = useState(teacher !== null);
  const create = useAction('teachers.create');
  const update = useAction('teachers.update');
  const action = teacher ? update : create;
  const errors = formErrors(action.apiError, ['name', 'idNumber', 'staffNo', 'subject', 'title', 'hireDate']);
  const id = useIdVerdict(f.idNumber, f.gender, idTouched);
  const set = <K extends keyof Fields>(k: K, v: Fields[K]): void => setF((x) => ({ ...x, [k]: v }));
  const complete = f.name.trim() && f.staffNo.trim() && f.subject.trim() && f.hireDate && id.valid;

  const submit = async (): Promise<void> => {
    const input = { ...f, idNumber: f.idNumber.trim().toUpperCase() };
    const saved = teacher ? await update.run({ ...input, id: teacher.id }) : await create.run(input);
    if (saved) onDone(saved);
  };

  return (
    <Stack>
      <Group grow align="flex-start">
        <TextInput label={t('teachers.name')} value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.fields.name} required maxLength={30} data-autofocus />
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
      <TextInput
        label={t('teachers.idNumber')}
        value={f.idNumber}
        onChange={(e) => set('idNumber', e.currentTarget.value.toUpperCase())}
        onBlur={() => setIdTouched(true)}
        error={id.error ?? errors.fields.idNumber}
        // A well-formed number another teacher has is not "passed": only the refusal shows.
        description={errors.fields.idNumber ? undefined : id.ok}
        required
        maxLength={18}
        data-testid="id-number"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 }, description: { color: 'var(--mantine-color-teal-7)' } }}
      />
      <Group grow>
        <TextInput label={t('teachers.staffNo')} value={f.staffNo} onChange={(e) => set('staffNo', e.currentTarget.value)} error={errors.fields.staffNo} required maxLength={30} />
        <Autocomplete label={t('teachers.subject')} value={f.subject} onChange={(v) => set('subject', v)} data={COMMON_SUBJECTS} error={errors.fields.subject} required maxLength={30} />
      </Group>
      <Group grow>
        <TextInput label={t('teachers.jobTitle')} value={f.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.fields.title} maxLength={30} />
        <DateField label={t('teachers.hireDate')} value={f.hireDate} onChange={(v) => set('hireDate', v)} max={todayIso()} required testId="hire-date" error={errors.fields.hireDate} />
      </Group>
      {errors.general && <Alert color="red">{errors.general}</Alert>}
      <Group justify="flex-end">
        {teacher && onToggleStatus && (
          <Button variant="subtle" color={teacher.status === 'active' ? 'red' : 'teal'} mr="auto" onClick={onToggleStatus} data-testid="toggle-status">
            {teacher.status === 'active' ? t('person.deactivate') : t('person.activate')}
          </Button>
        )}
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button loading={action.busy} disabled={!complete} onClick={() => void submit()}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
