// 行政许可 or 行政处罚 of one institution (DOM), in the 双公示 fields: the decisions with the ones a
// correction replaced still shown (struck through, marked), the form that enters one and the one
// that corrects it. A penalty's entry in the credit file is named on its card.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import type { LicenceView, PenaltyView } from '../../../../shared/api/routes/institutions';
import { LICENCE_CATEGORIES, PENALTY_CATEGORIES, licenceInput, penaltyInput, type LicenceCategory, type PenaltyCategory } from '../../../../shared/domain/doublePublicity';
import { call } from '../../api/client';
import type { ApiError } from '../../../../shared/api/errors';
import { useLoad } from '../../app/useLoad';
import { useSession } from '../../app/session';
import { DateField } from '../../components/DateField';
import { formatDate, todayIso } from '../../components/format';
import { checkFields, serverErrors, shown } from './formErrors';

type Kind = 'licence' | 'penalty';
type Decision = LicenceView | PenaltyView;

interface Fields {
  docNo: string;
  decidedOn: string;
  validFrom: string;
  validUntil: string;
  content: string;
  authority: string;
  authorityUscc: string;
  note: string;
  docName: string;
  category: LicenceCategory;
  certName: string;
  certNo: string;
  violationType: string;
  facts: string;
  basis: string;
  categories: PenaltyCategory[];
  fineWan: number | '';
  confiscatedWan: number | '';
  revokedLicence: string;
  publicUntil: string;
  reason: string;
}

function initial(d: Decision | null, org: { name: string; uscc: string }): Fields {
  const blank: Fields = {
    docNo: '', decidedOn: todayIso(), validFrom: todayIso(), validUntil: '', content: '', authority: org.name, authorityUscc: org.uscc, note: '',
    docName: '准予行政许可决定书', category: 'ordinary', certName: '民办学校办学许可证', certNo: '',
    violationType: '', facts: '', basis: '', categories: [], fineWan: '', confiscatedWan: '', revokedLicence: '', publicUntil: '', reason: '',
  };
  if (!d) return blank;
  const common = { ...blank, docNo: d.docNo, decidedOn: d.decidedOn, validUntil: d.validUntil, content: d.content, authority: d.authority, authorityUscc: d.authorityUscc, note: d.fields.note };
  if (d.kind === 'licence') return { ...common, validFrom: d.validFrom, docName: d.fields.docName, category: d.fields.category, certName: d.fields.certName, certNo: d.fields.certNo };
  const p = d.fields;
  return { ...common, violationType: p.violationType, facts: p.facts, basis: p.basis, categories: [...p.categories], fineWan: p.fineWan ?? '', confiscatedWan: p.confiscatedWan ?? '', revokedLicence: p.revokedLicence, publicUntil: p.publicUntil ?? '' };
}

function toInput(kind: Kind, f: Fields): Record<string, unknown> {
  const common = { docNo: f.docNo, decidedOn: f.decidedOn, validUntil: f.validUntil, content: f.content, authority: f.authority, authorityUscc: f.authorityUscc.trim().toUpperCase() };
  if (kind === 'licence') return { ...common, validFrom: f.validFrom, fields: { docName: f.docName, category: f.category, certName: f.certName, certNo: f.certNo, note: f.note } };
  return {
    ...common,
    fields: {
      violationType: f.violationType, facts: f.facts, basis: f.basis, categories: f.categories,
      fineWan: f.fineWan === '' ? null : f.fineWan, confiscatedWan: f.confiscatedWan === '' ? null : f.confiscatedWan,
      revokedLicence: f.revokedLicence, publicUntil: f.publicUntil || null, note: f.note,
    },
  };
}

function DecisionForm({ kind, institutionId, correcting, onDone, onCancel }: { kind: Kind; institutionId: number; correcting: Decision | null; onDone(): void; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const [f, setF] = useState<Fields>(() => initial(correcting, me.org));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const set = <K extends keyof Fields>(k: K, v: Fields[K]): void => {
    setF((x) => ({ ...x, [k]: v }));
    setError(null);
  };
  const input = toInput(kind, f);
  const local = checkFields(t, kind === 'licence' ? licenceInput : penaltyInput, input);
  const server = serverErrors(t, error, { uscc: 'authorityUscc' });
  const err = (path: string): string | undefined => server.fields[path] ?? shown(local, path, tried);
  const reasonOk = !correcting || f.reason.trim().length >= 2;
  const d = (k: string): string => t(`institutions.decision.${k}`);

  const save = async (): Promise<void> => {
    setTried(true);
    if (Object.keys(local).length > 0 || !reasonOk) return;
    setBusy(true);
    const r =
      kind === 'licence'
        ? correcting
          ? await call('licences.correct', { ...(input as ReturnType<typeof licenceInput.parse>), decisionId: correcting.id, reason: f.reason.trim() })
          : await call('licences.create', { ...(input as ReturnType<typeof licenceInput.parse>), institutionId })
        : correcting
          ? await call('penalties.correct', { ...(input as ReturnType<typeof penaltyInput.parse>), decisionId: correcting.id, reason: f.reason.trim() })
          : await call('penalties.create', { ...(input as ReturnType<typeof penaltyInput.parse>), institutionId });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    // A penalty on a private school moves its case or proposes key supervision: said at once.
    const followUp: RouteOutput<'penalties.create'>['followUp'] = 'followUp' in r.value ? (r.value as RouteOutput<'penalties.create'>).followUp : null;
    if (followUp) {
      notifications.show({
        color: 'orange',
        autoClose: 10_000,
        message: followUp.kind === 'caseMoved' ? t('institutions.decision.caseMoved', { number: followUp.caseNumber }) : t(`institutions.decision.${followUp.kind}`),
      });
    }
    onDone();
  };

  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput label={d('docNo')} value={f.docNo} onChange={(e) => set('docNo', e.currentTarget.value)} error={err('docNo')} required maxLength={128} data-testid="dec-docNo" data-autofocus />
        <Stack gap={2}>
          <DateField label={d('decidedOn')} value={f.decidedOn} onChange={(v) => set('decidedOn', v)} max={todayIso()} required w={200} />
          {err('decidedOn') && <Text c="red" fz="xs">{err('decidedOn')}</Text>}
        </Stack>
      </Group>
      {kind === 'licence' ? (
        <>
          <Group grow align="flex-start">
            <TextInput label={d('docName')} value={f.docName} onChange={(e) => set('docName', e.currentTarget.value)} error={err('fields.docName')} required />
            <Select label={d('category')} data={LICENCE_CATEGORIES.map((c) => ({ value: c, label: t(`institutions.decision.licenceCategory.${c}`) }))} value={f.category} onChange={(v) => v && set('category', v as LicenceCategory)} allowDeselect={false} />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={d('certName')} value={f.certName} onChange={(e) => set('certName', e.currentTarget.value)} error={err('fields.certName')} required />
            <TextInput label={d('certNo')} value={f.certNo} onChange={(e) => set('certNo', e.currentTarget.value)} error={err('fields.certNo')} required data-testid="dec-certNo" />
          </Group>
          <Group grow align="flex-start">
            <Stack gap={2}>
              <DateField label={d('validFrom')} value={f.validFrom} onChange={(v) => set('validFrom', v)} required w={200} />
              {err('validFrom') && <Text c="red" fz="xs">{err('validFrom')}</Text>}
            </Stack>
            <Stack gap={2}>
              <DateField label={d('validUntil')} value={f.validUntil} onChange={(v) => set('validUntil', v)} required w={200} testId="dec-validUntil" />
              {err('validUntil') && <Text c="red" fz="xs">{err('validUntil')}</Text>}
            </Stack>
          </Group>
        </>
      ) : (
        <>
          <MultiSelect
            label={d('categories')}
            data={PENALTY_CATEGORIES.map((c) => ({ value: c, label: t(`institutions.decision.penaltyCategory.${c}`) }))}
            value={f.categories}
            onChange={(v) => set('categories', v as PenaltyCategory[])}
            error={err('fields.categories')}
            required
            data-testid="dec-categories"
          />
          <TextInput label={d('violationType')} value={f.violationType} onChange={(e) => set('violationType', e.currentTarget.value)} error={err('fields.violationType')} required data-testid="dec-violationType" />
          <Textarea label={d('facts')} value={f.facts} onChange={(e) => set('facts', e.currentTarget.value)} error={err('fields.facts')} required autosize minRows={2} data-testid="dec-facts" />
          <TextInput label={d('basis')} value={f.basis} onChange={(e) => set('basis', e.currentTarget.value)} error={err('fields.basis')} required data-testid="dec-basis" />
          <SimpleGrid cols={3}>
            <NumberInput label={d('fineWan')} value={f.fineWan} onChange={(v) => set('fineWan', typeof v === 'number' ? v : '')} min={0} decimalScale={4} error={err('fields.fineWan')} data-testid="dec-fineWan" />
            <NumberInput label={d('confiscatedWan')} value={f.confiscatedWan} onChange={(v) => set('confiscatedWan', typeof v === 'number' ? v : '')} min={0} decimalScale={4} error={err('fields.confiscatedWan')} />
            <TextInput label={d('revokedLicence')} value={f.revokedLicence} onChange={(e) => set('revokedLicence', e.currentTarget.value)} error={err('fields.revokedLicence')} />
          </SimpleGrid>
          <Group grow align="flex-start">
            <Stack gap={2}>
              <DateField label={d('penaltyValidUntil')} value={f.validUntil} onChange={(v) => set('validUntil', v)} required w={200} testId="dec-validUntil" />
              {err('validUntil') && <Text c="red" fz="xs">{err('validUntil')}</Text>}
            </Stack>
            <DateField label={d('publicUntil')} value={f.publicUntil} onChange={(v) => set('publicUntil', v)} w={200} />
          </Group>
        </>
      )}
      <Textarea label={d('content')} value={f.content} onChange={(e) => set('content', e.currentTarget.value)} error={err('content')} required autosize minRows={2} data-testid="dec-content" />
      <Group grow align="flex-start">
        <TextInput label={d('authority')} value={f.authority} onChange={(e) => set('authority', e.currentTarget.value)} error={err('authority')} required />
        <TextInput label={d('authorityUscc')} value={f.authorityUscc} onChange={(e) => set('authorityUscc', e.currentTarget.value.toUpperCase())} error={err('authorityUscc')} required maxLength={18} ff="monospace" />
      </Group>
      <TextInput label={d('note')} value={f.note} onChange={(e) => set('note', e.currentTarget.value)} maxLength={500} />
      {correcting && <Textarea label={d('reason')} value={f.reason} onChange={(e) => set('reason', e.currentTarget.value)} error={tried && !reasonOk ? t('institutions.reasonNeeded') : undefined} required autosize minRows={2} data-testid="dec-reason" />}
      {server.general && (
        <Alert color="red" data-testid="dec-error">
          {server.general}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button loading={busy} onClick={() => void save()} data-testid="dec-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function DecisionCard({ d, canCorrect, onCorrect }: { d: Decision; canCorrect: boolean; onCorrect(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const superseded = d.supersededById !== null;
  const valid = d.kind === 'licence' && !superseded && d.validUntil >= todayIso();
  return (
    <Card withBorder padding="sm" {...(superseded ? { bg: 'gray.0' } : {})} data-testid={`decision-${d.kind}`} data-superseded={superseded}>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Group gap="xs">
          <Text fw={700} td={superseded ? 'line-through' : undefined}>
            {d.docNo}
          </Text>
          {superseded ? (
            <Badge color="gray" variant="outline">
              {t('institutions.decision.supersededBy', { id: d.supersededById })}
            </Badge>
          ) : d.kind === 'licence' ? (
            <Badge color={valid ? 'teal' : 'red'}>{valid ? t('institutions.decision.valid') : t('institutions.decision.invalid')}</Badge>
          ) : (
            d.fields.categories.map((c) => (
              <Badge key={c} color="red" variant="light">
                {t(`institutions.decision.penaltyCategory.${c}`)}
              </Badge>
            ))
          )}
        </Group>
        {canCorrect && !superseded && (
          <Button size="compact-xs" variant="light" onClick={onCorrect} data-testid="dec-correct">
            {t('institutions.decision.correct')}
          </Button>
        )}
      </Group>
      <Text fz="sm">{d.content}</Text>
      {d.kind === 'licence' ? (
        <Text fz="xs" c="dimmed">
          {d.fields.certName} {d.fields.certNo} · {t('institutions.decision.validFrom')} {formatDate(d.validFrom)} · {t('institutions.decision.validUntil')} {formatDate(d.validUntil)}
        </Text>
      ) : (
        <Text fz="xs" c="dimmed">
          {t('common.labelValue', { label: d.fields.violationType, value: d.fields.facts })} · {t('common.labelValue', { label: t('institutions.decision.basis'), value: d.fields.basis })}
        </Text>
      )}
      <Text fz="xs" c="dimmed">
        {t('institutions.decision.decidedOn')} {formatDate(d.decidedOn)} · {d.authority} · #{d.id}
        {d.recordId !== null ? ` · ${t('institutions.decision.record', { id: d.recordId })}` : ''}
      </Text>
      {d.supersedesId !== null && (
        <Text fz="xs" c="orange.8">
          {t('institutions.decision.corrects', { id: d.supersedesId, reason: d.correctionReason ?? '' })}
        </Text>
      )}
    </Card>
  );
}

export function DecisionsTab({ kind, institutionId, isPublic, canCreate, onChanged }: { kind: Kind; institutionId: number; isPublic: boolean; canCreate: boolean; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const licences = useLoad('licences.list', { institutionId });
  const penalties = useLoad('penalties.list', { institutionId });
  const list = kind === 'licence' ? licences : penalties;
  const [form, setForm] = useState<'new' | Decision | null>(null);
  const rows: Decision[] = (kind === 'licence' ? licences.data : penalties.data) ?? [];
  const mayCreate = canCreate && !(kind === 'licence' && isPublic);
  return (
    <Stack>
      {kind === 'licence' && isPublic && <Text c="dimmed">{t('institutions.decision.publicSchoolNoLicence')}</Text>}
      {mayCreate && (
        <Group justify="flex-end">
          <Button size="xs" onClick={() => setForm('new')} data-testid={`add-${kind}`}>
            {kind === 'licence' ? t('institutions.decision.addLicence') : t('institutions.decision.addPenalty')}
          </Button>
        </Group>
      )}
      {list.error && <Alert color="red">{list.error}</Alert>}
      {rows.length === 0 && !(kind === 'licence' && isPublic) && <Text c="dimmed">{t('institutions.decision.none')}</Text>}
      {rows.map((d) => (
        <DecisionCard key={d.id} d={d} canCorrect={mayCreate} onCorrect={() => setForm(d)} />
      ))}
      <Modal
        opened={form !== null}
        onClose={() => setForm(null)}
        title={form === 'new' ? (kind === 'licence' ? t('institutions.decision.addLicence') : t('institutions.decision.addPenalty')) : t('institutions.decision.correctTitle')}
        size="xl"
      >
        {form !== null && (
          <DecisionForm
            kind={kind}
            institutionId={institutionId}
            correcting={form === 'new' ? null : form}
            onCancel={() => setForm(null)}
            onDone={() => {
              notifications.show({ color: 'teal', message: t('institutions.decision.saved') });
              setForm(null);
              list.reload();
              onChanged();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
