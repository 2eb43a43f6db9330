// Adds an applicant to a round (DOM): pick an institution (each shown with its grade and verdict),
// see its credit review before adding, and say what it asks for — an amount, an honour or a level.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { EVALUATION_LEVELS, MAX_AMOUNT_YUAN, type DecisionRequest, type ReviewView, type RoundView } from '../../../../shared/api/routes/decisions';
import { INSTITUTION_KINDS } from '../../../../shared/domain/supervision';
import { call } from '../../api/client';
import { useAction } from '../../app/useAction';
import { useLoad } from '../../app/useLoad';
import { errorText } from '../../i18n';
import { ReviewSummary } from './reviewText';

interface Props {
  round: RoundView;
  onClose(): void;
  onAdded(): void;
}

type Level = (typeof EVALUATION_LEVELS)[number];

export function AddApplicantModal({ round, onClose, onAdded }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const candidates = useLoad('decisions.candidates', { roundId: round.id });
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [honour, setHonour] = useState('');
  const [level, setLevel] = useState<Level>('good');
  const review = useReview(institutionId === null ? null : Number(institutionId), round.kind);
  const add = useAction('decisions.addApplicant');

  const request: DecisionRequest | null =
    round.kind === 'funding'
      ? typeof amount === 'number' && Number.isInteger(amount) && amount >= 1
        ? { kind: 'funding', amountYuan: amount }
        : null
      : round.kind === 'honour'
        ? honour.trim().length >= 2
          ? { kind: 'honour', title: honour.trim() }
          : null
        : { kind: 'evaluation', level };

  const data = INSTITUTION_KINDS.map((kind) => ({
    group: t(`decisions.institutionKind.${kind}`),
    items: (candidates.data ?? [])
      .filter((c) => c.kind === kind)
      .map((c) => ({ value: String(c.institutionId), label: `${c.name} · ${c.grade} · ${t(`decisions.verdict.${c.verdict}`)}` })),
  })).filter((g) => g.items.length > 0);

  const submit = async (): Promise<void> => {
    if (institutionId === null || !request) return;
    const r = await add.run({ roundId: round.id, institutionId: Number(institutionId), request });
    if (!r) return;
    notifications.show({ color: 'teal', message: t('decisions.add.done', { name: r.review.name }) });
    onAdded();
    setInstitutionId(null);
    setAmount('');
    candidates.reload();
  };

  return (
    <Modal opened onClose={onClose} title={t('decisions.add.title', { round: round.title })} centered size="lg">
      <Stack>
        {candidates.error && <Alert color="red">{candidates.error}</Alert>}
        {candidates.data && candidates.data.length === 0 && <Text c="dimmed">{t('decisions.add.noCandidates')}</Text>}
        <Select
          label={t('decisions.add.institution')}
          placeholder={t('decisions.add.institutionPlaceholder')}
          data={data}
          value={institutionId}
          onChange={setInstitutionId}
          searchable
          nothingFoundMessage={t('common.noMatches')}
          maxDropdownHeight={320}
          comboboxProps={{ withinPortal: true }}
          data-testid="applicant-institution"
          data-autofocus
        />
        {institutionId !== null && (
          <Card withBorder padding="sm" data-testid="applicant-review">
            <Text size="sm" fw={500} mb={6}>
              {t('decisions.add.review')}
            </Text>
            {review.error && <Alert color="red">{review.error}</Alert>}
            {review.data ? <ReviewSummary review={review.data} /> : !review.error && <Loader size="xs" />}
          </Card>
        )}
        {round.kind === 'funding' && (
          <NumberInput
            label={t('decisions.add.amount')}
            value={amount}
            onChange={setAmount}
            min={1}
            max={MAX_AMOUNT_YUAN}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            required
            data-testid="applicant-amount"
          />
        )}
        {round.kind === 'honour' && (
          <TextInput
            label={t('decisions.add.honourTitle')}
            placeholder={t('decisions.add.honourPlaceholder')}
            value={honour}
            onChange={(e) => setHonour(e.currentTarget.value)}
            maxLength={100}
            required
            data-testid="applicant-honour"
          />
        )}
        {round.kind === 'evaluation' && (
          <Select
            label={t('decisions.add.level')}
            data={EVALUATION_LEVELS.map((l) => ({ value: l, label: t(`decisions.level.${l}`) }))}
            value={level}
            onChange={(v) => v && setLevel(v as Level)}
            allowDeselect={false}
            data-testid="applicant-level"
          />
        )}
        {add.error && <Alert color="red">{add.error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button loading={add.busy} disabled={institutionId === null || !request} onClick={() => void submit()} data-testid="applicant-add-submit">
            {t('decisions.add.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The live credit review of the picked institution, fetched again whenever the pick changes. */
function useReview(institutionId: number | null, action: RoundView['kind']): { data: ReviewView | null; error: string | null } {
  const [state, setState] = useState<{ id: number | null; data: ReviewView | null; error: string | null }>({ id: null, data: null, error: null });
  useEffect(() => {
    if (institutionId === null) return;
    let live = true;
    void call('decisions.review', { institutionId, action }).then((r) => {
      if (live) setState(r.ok ? { id: institutionId, data: r.value, error: null } : { id: institutionId, data: null, error: errorText(r.error) });
    });
    return () => {
      live = false;
    };
  }, [institutionId, action]);
  // A review of the previous pick is never shown under the new one.
  return state.id === institutionId ? state : { data: null, error: null };
}
