// Enter a credit record, or amend one (DOM). Amending prefills the form from the record and asks
// why; the core keeps the original and links the new record to it (records.amend).
import { useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueItemView, RecordView } from '../../../../shared/api/routes/credit';
import { useAction } from '../../app/useAction';
import { useCatalogue } from '../../components/catalogue';
import { SubjectPicker, type PickedSubject, type SubjectKind } from '../../components/SubjectPicker';
import { todayIso } from '../../components/format';
import { DateField } from '../../components/DateField';
import { CatalogueSelect } from './CatalogueSelect';
import { EvidenceInput, type EvidenceFile } from './EvidenceInput';
import { formErrors } from '../../components/fieldErrors';
import { isTooLong, LongText } from '../../components/LongText';

/** The core's limit for a description and a reason (shared/api/routes/credit.ts). */
const TEXT_MAX = 1000;

interface Props {
  /** Amend this record; without it, a new record. */
  amending?: RecordView;
  /** A new record for this person (opened from a credit file). */
  fixed?: { kind: SubjectKind; subject: PickedSubject };
  /** Which kinds of person the user may choose between. */
  kinds: readonly SubjectKind[];
  onDone(r: RecordView): void;
  onCancel(): void;
}

export function RecordForm({ amending, fixed, kinds, onDone, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [kind, setKind] = useState<SubjectKind>(amending?.subjectKind ?? fixed?.kind ?? kinds[0] ?? 'teacher');
  const [subject, setSubject] = useState<PickedSubject | null>(
    amending ? { id: amending.subjectId, label: amending.subjectName } : (fixed?.subject ?? null),
  );
  const [item, setItem] = useState<CatalogueItemView | null>(amending?.item ?? null);
  const [occurredOn, setOccurredOn] = useState(amending?.occurredOn ?? todayIso());
  const [description, setDescription] = useState(amending?.description ?? '');
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const create = useAction('records.create');
  const amend = useAction('records.amend');
  const action = amending ? amend : create;

  const hasEvidence = files.length > 0 || (amending?.evidence.length ?? 0) > 0;
  const evidenceMissing = !!item?.evidenceRequired && !hasEvidence;
  const errors = formErrors(action.apiError, ['description', 'reason', 'occurredOn', 'itemId', 'evidence']);
  const tooLong = isTooLong(description, TEXT_MAX) || isTooLong(reason, TEXT_MAX);
  const ready = subject && item && occurredOn && description.trim().length >= 2 && !tooLong && !evidenceMissing && (!amending || reason.trim().length >= 2);

  const submit = async (): Promise<void> => {
    if (!subject || !item) return;
    const evidence = files.map((f) => ({ fileName: f.fileName, dataBase64: f.dataBase64 }));
    const saved = amending
      ? await amend.run({ recordId: amending.id, itemId: item.id, occurredOn, description: description.trim(), reason: reason.trim(), evidence })
      : await create.run({ subjectKind: kind, subjectId: subject.id, itemId: item.id, occurredOn, description: description.trim(), evidence });
    if (saved) onDone(saved);
  };

  return (
    <Stack>
      {!amending && !fixed && kinds.length > 1 && (
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            setKind(v === 'student' ? 'student' : 'teacher');
            setSubject(null);
            setItem(null);
          }}
          data={kinds.map((k) => ({ value: k, label: t(`records.${k}`) }))}
        />
      )}
      <SubjectPicker kind={kind} value={subject} onChange={setSubject} label={t('records.subject')} required disabled={!!amending || !!fixed} />
      <CatalogueSelect items={catalogue?.items ?? []} subjectKind={kind} value={item?.id ?? null} onChange={setItem} label={t('records.item')} extra={amending?.item ?? null} />
      <DateField label={t('records.occurredOn')} value={occurredOn} max={todayIso()} onChange={setOccurredOn} required w={200} testId="occurred-on" error={errors.fields.occurredOn} />
      <LongText label={t('records.description')} value={description} onChange={setDescription} max={TEXT_MAX} required error={errors.fields.description} data-testid="record-description" />
      <EvidenceInput onChange={setFiles} {...(amending && amending.evidence.length > 0 ? { description: t('records.evidenceKept') } : {})} />
      {evidenceMissing && (
        <Alert color="orange" variant="light" py="xs">
          {t('records.evidenceNeeded')}
        </Alert>
      )}
      {amending && <LongText label={t('records.amendReason')} value={reason} onChange={setReason} max={TEXT_MAX} required error={errors.fields.reason} />}
      {errors.fields.itemId && <Alert color="red">{errors.fields.itemId}</Alert>}
      {errors.general && <Alert color="red">{errors.general}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button loading={action.busy} disabled={!ready} onClick={() => void submit()}>
          {amending ? t('records.amend') : t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
