// Create or edit an institution (DOM). The USCC is checked as it is typed with the same GB 32100
// rule the core uses, naming the wrong character; every other field is checked against the
// contract's schema; what the core still refuses (a duplicate code) is shown in words.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeUsccProblem } from '../../../../shared/api/messages';
import { institutionFields, type InstitutionDetail } from '../../../../shared/api/routes/institutions';
import { INSTITUTION_KINDS, type InstitutionKind } from '../../../../shared/domain/supervision';
import { checkUscc } from '../../../../shared/domain/uscc';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { currentLang, errorText } from '../../i18n';
import { checkFields, serverErrors, shown } from './formErrors';

interface Fields {
  name: string;
  uscc: string;
  kind: InstitutionKind;
  township: string;
  grid: string;
  address: string;
  legalRep: string;
  licenceNo: string;
  licenceValidUntil: string;
}

function initial(i: InstitutionDetail | null): Fields {
  return i
    ? { name: i.name, uscc: i.uscc, kind: i.kind, township: i.township, grid: i.grid, address: i.address, legalRep: i.legalRep, licenceNo: i.licenceNo ?? '', licenceValidUntil: i.licenceValidUntil ?? '' }
    : { name: '', uscc: '', kind: 'training', township: '', grid: '', address: '', legalRep: '', licenceNo: '', licenceValidUntil: '' };
}

export function InstitutionForm({ institution, grids, onDone, onCancel }: { institution: InstitutionDetail | null; grids: string[]; onDone(i: InstitutionDetail): void; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [f, setF] = useState<Fields>(initial(institution));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const create = useAction('institutions.create');
  const update = useAction('institutions.update');
  const action = institution ? update : create;
  // Told that the registry has this name already: the message stays at the name until it changes,
  // and saving again needs the box that says this is another body.
  const [sameName, setSameName] = useState<{ message: string; confirmed: boolean } | null>(null);
  const set = <K extends keyof Fields>(k: K, v: Fields[K]): void => {
    setF((x) => ({ ...x, [k]: v }));
    if (k === 'name') setSameName(null);
    action.clear();
  };
  const touch = (k: keyof Fields) => () => setTouched((x) => ({ ...x, [k]: true }));
  // A grid lies in a township (院岭街道第一网格): the choice follows the township typed.
  const gridsOf = (township: string): string[] => {
    const own = grids.filter((g) => township.trim() !== '' && g.startsWith(township.trim()));
    return own.length > 0 ? own : grids;
  };
  const input = { ...f, licenceNo: f.licenceNo.trim() || null, licenceValidUntil: f.licenceValidUntil || null };
  const local = checkFields(t, institutionFields, input);
  const server = serverErrors(t, action.apiError, { uscc: 'uscc' });
  const usccCheck = checkUscc(f.uscc);
  const usccStillTyping = !touched.uscc && !tried && !usccCheck.ok && (usccCheck.problem.reason === 'empty' || (usccCheck.problem.reason === 'length' && usccCheck.problem.length < 18));
  const usccError = server.fields.uscc ?? (usccCheck.ok || usccStillTyping ? undefined : describeUsccProblem(usccCheck.problem, currentLang()));
  const err = (k: keyof Fields): string | undefined => server.fields[k] ?? shown(local, k, Boolean(touched[k]) || tried);

  const submit = async (): Promise<void> => {
    setTried(true);
    if (Object.keys(local).length > 0 || !usccCheck.ok) return;
    const confirmed = sameName?.confirmed ?? false;
    const saved = institution ? await update.run({ ...input, id: institution.id, sameName: confirmed }) : await create.run({ ...input, sameName: confirmed });
    if (saved) onDone(saved);
  };
  const refusedSameName = action.apiError?.code === 'SAME_NAME_IN_REGISTRY' ? action.apiError : null;
  if (refusedSameName && sameName === null) setSameName({ message: errorText(refusedSameName), confirmed: false });

  return (
    <Stack>
      <TextInput label={t('institutions.field.name')} value={f.name} onChange={(e) => set('name', e.currentTarget.value)} onBlur={touch('name')} error={err('name') ?? sameName?.message} required maxLength={100} data-autofocus data-testid="inst-name" />
      {sameName && (
        <Checkbox
          label={t('institutions.sameNameConfirm')}
          checked={sameName.confirmed}
          onChange={(e) => {
            const confirmed = e.currentTarget.checked;
            setSameName((x) => x && { ...x, confirmed });
          }}
          data-testid="inst-same-name"
        />
      )}
      <TextInput
        label={t('institutions.field.uscc')}
        value={f.uscc}
        onChange={(e) => set('uscc', e.currentTarget.value.toUpperCase())}
        onBlur={touch('uscc')}
        error={usccError}
        description={usccCheck.ok ? t('institutions.usccOk') : undefined}
        required
        maxLength={18}
        data-testid="inst-uscc"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 }, description: { color: 'var(--mantine-color-teal-7)' } }}
      />
      <Group grow align="flex-start">
        <Select
          label={t('institutions.field.kind')}
          data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`institutions.kind.${k}`) }))}
          value={f.kind}
          onChange={(v) => v && set('kind', v as InstitutionKind)}
          allowDeselect={false}
          required
          data-testid="inst-kind"
        />
        <TextInput label={t('institutions.field.township')} value={f.township} onChange={(e) => set('township', e.currentTarget.value)} onBlur={touch('township')} error={err('township')} required maxLength={30} data-testid="inst-township" />
      </Group>
      <Group grow align="flex-start">
        <Select label={t('institutions.field.grid')} data={gridsOf(f.township)} value={f.grid || null} onChange={(v) => set('grid', v ?? '')} searchable clearable error={err('grid')} data-testid="inst-grid" />
        <TextInput label={t('institutions.field.legalRep')} value={f.legalRep} onChange={(e) => set('legalRep', e.currentTarget.value)} error={err('legalRep')} maxLength={30} data-testid="inst-legal-rep" />
      </Group>
      <TextInput label={t('institutions.field.address')} value={f.address} onChange={(e) => set('address', e.currentTarget.value)} error={err('address')} maxLength={200} />
      <Group grow align="flex-start">
        <TextInput label={t('institutions.field.licenceNo')} value={f.licenceNo} onChange={(e) => set('licenceNo', e.currentTarget.value)} error={err('licenceNo')} maxLength={64} description={t('institutions.licenceFromDecision')} />
        <Stack gap={2}>
          <DateField label={t('institutions.field.licenceValidUntil')} value={f.licenceValidUntil} onChange={(v) => set('licenceValidUntil', v)} w={220} />
          {err('licenceValidUntil') && (
            <Alert color="red" p={4} fz="xs">
              {err('licenceValidUntil')}
            </Alert>
          )}
        </Stack>
      </Group>
      {server.general && !refusedSameName && (
        <Alert color="red" data-testid="inst-form-error">
          {server.general}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button loading={action.busy} onClick={() => void submit()} data-testid="inst-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
