// 双随机抽取 (DOM): the draw's choices, a trial draw (anyone may try, with any seed, so anyone may re-run
// a recorded seed; nothing is recorded), and — for the administrator, under an open spot-check plan —
// the real draw, which the core makes with a fresh seed of its own and records before anyone sees
// it: trying seeds until a draw suits cannot decide what is recorded.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RouteInput, RouteOutput } from '../../../../shared/api/contract';
import { INSTITUTION_KINDS, type InstitutionKind } from '../../../../shared/domain/supervision';
import { useAction } from '../../app/useAction';
import { todayIso } from '../../components/format';
import { DrawSummary, DrawTable } from './DrawTable';
import type { Draw, Plans } from './inspectionText';

type Params = RouteInput<'inspections.previewDraw'>;
type Recorded = RouteOutput<'inspections.draw'>;

export function DrawPanel({ data, admin, onChanged }: { data: Plans; admin: boolean; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const open = data.plans.filter((p) => p.kind !== 'routine' && p.periodTo >= todayIso());
  const [planId, setPlanId] = useState<string | null>(open[0] ? String(open[0].id) : null);
  const [count, setCount] = useState<number>(10);
  const [per, setPer] = useState<number>(2);
  const [kinds, setKinds] = useState<InstitutionKind[]>([]);
  const [grids, setGrids] = useState<string[]>([]);
  const [seedText, setSeedText] = useState('');
  const [preview, setPreview] = useState<{ key: string; draw: Draw; picked: boolean } | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const previewer = useAction('inspections.previewDraw');
  const drawer = useAction('inspections.draw');

  const seedOk = seedText.trim() === '' || /^\d{1,15}$/.test(seedText.trim());
  const params: Params = { count, inspectorsPerTarget: per, filter: { kinds, grids }, ...(seedText.trim() ? { seed: Number(seedText.trim()) } : {}) };
  const key = JSON.stringify({ count, per, kinds, grids, seed: seedText.trim() });
  // A preview stands only for the choices it was made with.
  const shown = preview && preview.key === key ? preview : null;

  return (
    <Stack>
      <Text size="sm" maw={900}>
        {t('inspections.draw.intro')}
      </Text>
      <Card withBorder maw={1000}>
        <Stack gap="sm">
          {admin && (
            <Select
              label={t('inspections.draw.plan')}
              placeholder={t('inspections.draw.planPlaceholder')}
              data={open.map((p) => ({ value: String(p.id), label: p.title }))}
              value={planId}
              onChange={setPlanId}
              allowDeselect={false}
              maw={480}
              data-testid="draw-plan"
            />
          )}
          {admin && open.length === 0 && <Alert color="yellow">{t('inspections.draw.noPlan')}</Alert>}
          <Group align="flex-start" wrap="wrap">
            <NumberInput label={t('inspections.draw.count')} w={150} min={1} max={1000} allowDecimal={false} value={count} onChange={(v) => setCount(Number(v) || 1)} data-testid="draw-count" />
            <NumberInput label={t('inspections.draw.per')} w={190} min={1} max={10} allowDecimal={false} value={per} onChange={(v) => setPer(Number(v) || 1)} data-testid="draw-per" />
            <TextInput
              label={t('inspections.draw.seed')}
              description={t('inspections.draw.seedHint')}
              w={260}
              value={seedText}
              onChange={(e) => setSeedText(e.currentTarget.value)}
              error={seedOk ? null : t('inspections.draw.seedHint')}
              data-testid="draw-seed"
            />
          </Group>
          <Checkbox.Group label={t('inspections.draw.kinds')} description={t('inspections.draw.kindsHint')} value={kinds} onChange={(v) => setKinds(v as InstitutionKind[])}>
            <Group mt={6}>
              {INSTITUTION_KINDS.map((k) => (
                <Checkbox key={k} value={k} label={t(`inspections.kinds.${k}`)} data-testid={`draw-kind-${k}`} />
              ))}
            </Group>
          </Checkbox.Group>
          {data.grids.length > 0 && (
            <MultiSelect label={t('inspections.draw.grids')} description={t('inspections.draw.gridsHint')} data={data.grids} value={grids} onChange={setGrids} maw={600} searchable clearable />
          )}
          {(previewer.error || drawer.error) && <Alert color="red">{previewer.error ?? drawer.error}</Alert>}
          <Group>
            <Button
              variant={shown ? 'default' : 'filled'}
              disabled={!seedOk}
              loading={previewer.busy}
              data-testid="draw-preview"
              onClick={() => {
                setRecorded(null);
                drawer.clear();
                void previewer.run(params).then((d) => d && setPreview({ key, draw: d, picked: params.seed === undefined }));
              }}
            >
              {t('inspections.draw.preview')}
            </Button>
            {admin && (
              <Button
                color="teal"
                disabled={!planId}
                loading={drawer.busy}
                data-testid="draw-confirm"
                onClick={() => {
                  if (!planId) return;
                  previewer.clear();
                  void drawer.run({ planId: Number(planId), count, inspectorsPerTarget: per, filter: { kinds, grids } }).then((r) => {
                    if (!r) return;
                    setRecorded(r);
                    setPreview(null);
                    notifications.show({ color: 'teal', message: t('inspections.draw.confirmed', { id: r.drawId, seed: r.seed, n: r.inspectionIds.length }) });
                    onChanged();
                  });
                }}
              >
                {t('inspections.draw.confirm')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      {recorded && (
        <Stack gap="xs" data-testid="draw-recorded-result">
          <Alert color="teal" data-testid="draw-done" data-seed={recorded.seed}>
            {t('inspections.draw.confirmed', { id: recorded.drawId, seed: recorded.seed, n: recorded.inspectionIds.length })}
          </Alert>
          <DrawSummary draw={recorded} picked />
          <DrawTable draw={recorded} />
        </Stack>
      )}
      {shown && (
        <Stack gap="xs" data-testid="draw-preview-result">
          <Alert color="blue" variant="light">
            {t('inspections.draw.previewNote')}
          </Alert>
          <DrawSummary draw={shown.draw} picked={shown.picked} />
          <Text size="xs" c="dimmed">
            {t('inspections.draw.rerunHint')}
          </Text>
          {kinds.length === 0 && grids.length === 0 && (
            // The command line draws from every active institution: it can re-run only an unfiltered draw.
            <Text size="xs" c="dimmed" ff="monospace">
              {t('inspections.draw.rerunCli', { seed: shown.draw.seed, count: shown.draw.count, per: shown.draw.inspectorsPerTarget })}
            </Text>
          )}
          <DrawTable draw={shown.draw} />
        </Stack>
      )}
    </Stack>
  );
}
