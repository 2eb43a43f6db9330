// 年度报告 of one institution (DOM): each year's current report with the versions it corrected, the
// form that enters one, and the correction (a new version; the old one stays as history).
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { annualReportContent, CONCLUSIONS, type AnnualReportView } from '../../../../shared/api/routes/institutions';
import { useAction } from '../../app/useAction';
import { useLoad } from '../../app/useLoad';
import { DateField } from '../../components/DateField';
import { isTooLong, LongText } from '../../components/LongText';
import { formatCount, formatDate, todayIso } from '../../components/format';
import { checkFields, serverErrors, shown } from './formErrors';

type Conclusion = (typeof CONCLUSIONS)[number];
const CONCLUSION_COLOR: Record<Conclusion, string> = { qualified: 'teal', basically: 'yellow', unqualified: 'red' };
// The route's own limits, so the counter and the core agree.
const STATEMENT_MAX = annualReportContent.shape.statement.maxLength ?? 0;
const REASON_MAX = 1000;
const NUMBERS = ['learners', 'staff', 'qualifiedTeachers', 'incomeYuan', 'feesHeldYuan', 'complaints'] as const;

interface Fields {
  year: number;
  submittedOn: string;
  conclusion: Conclusion;
  numbers: Record<(typeof NUMBERS)[number], number | ''>;
  statement: string;
  reason: string;
}

function ReportForm({ institutionId, correcting, onDone, onCancel }: { institutionId: number; correcting: AnnualReportView | null; onDone(): void; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [f, setF] = useState<Fields>(() =>
    correcting
      ? { year: correcting.year, submittedOn: todayIso(), conclusion: correcting.conclusion, numbers: { ...correcting.content }, statement: correcting.content.statement, reason: '' }
      : { year: Number(todayIso().slice(0, 4)) - 1, submittedOn: todayIso(), conclusion: 'qualified', numbers: { learners: '', staff: '', qualifiedTeachers: '', incomeYuan: '', feesHeldYuan: '', complaints: 0 }, statement: '', reason: '' },
  );
  const [tried, setTried] = useState(false);
  const submit = useAction('annualReports.submit');
  const correct = useAction('annualReports.correct');
  const action = correcting ? correct : submit;
  const content = { ...f.numbers, statement: f.statement };
  const local = checkFields(t, annualReportContent, content);
  const server = serverErrors(t, action.apiError);
  const err = (path: string): string | undefined => server.fields[path] ?? server.fields[`content.${path}`] ?? shown(local, path, tried);
  const reasonOk = !correcting || f.reason.trim().length >= 2;
  const ready = Object.keys(local).length === 0 && reasonOk && !isTooLong(f.statement, STATEMENT_MAX) && !isTooLong(f.reason, REASON_MAX);

  const save = async (): Promise<void> => {
    setTried(true);
    if (!ready) return;
    const parsed = annualReportContent.parse(content);
    const ok = correcting
      ? await correct.run({ reportId: correcting.id, submittedOn: f.submittedOn, conclusion: f.conclusion, content: parsed, reason: f.reason.trim() })
      : await submit.run({ institutionId, year: f.year, submittedOn: f.submittedOn, conclusion: f.conclusion, content: parsed });
    if (ok) onDone();
  };

  return (
    <Stack>
      <Group grow align="flex-start">
        <NumberInput label={t('institutions.report.year')} value={f.year} onChange={(v) => setF((x) => ({ ...x, year: Number(v) }))} disabled={correcting !== null} min={2000} max={Number(todayIso().slice(0, 4))} error={server.fields.year} />
        <DateField label={t('institutions.report.submittedOn')} value={f.submittedOn} onChange={(v) => setF((x) => ({ ...x, submittedOn: v }))} max={todayIso()} required />
        <Select
          label={t('institutions.report.conclusion')}
          data={CONCLUSIONS.map((c) => ({ value: c, label: t(`institutions.report.${c}`) }))}
          value={f.conclusion}
          onChange={(v) => v && setF((x) => ({ ...x, conclusion: v as Conclusion }))}
          allowDeselect={false}
        />
      </Group>
      {server.fields.submittedOn && <Text c="red" fz="sm">{server.fields.submittedOn}</Text>}
      <SimpleGrid cols={3}>
        {NUMBERS.map((k) => (
          <NumberInput
            key={k}
            label={t(`institutions.report.${k}`)}
            value={f.numbers[k]}
            onChange={(v) => setF((x) => ({ ...x, numbers: { ...x.numbers, [k]: typeof v === 'number' ? v : '' } }))}
            min={0}
            allowDecimal={false}
            thousandSeparator=","
            error={err(k)}
            required
            data-testid={`report-${k}`}
          />
        ))}
      </SimpleGrid>
      <LongText label={t('institutions.report.statement')} value={f.statement} onChange={(statement) => setF((x) => ({ ...x, statement }))} max={STATEMENT_MAX} error={err('statement')} required data-testid="report-statement" />
      {correcting && (
        <LongText
          label={t('institutions.report.reason')}
          value={f.reason}
          onChange={(reason) => setF((x) => ({ ...x, reason }))}
          max={REASON_MAX}
          error={server.fields.reason ?? (tried && !reasonOk ? t('institutions.reasonNeeded') : undefined)}
          required
          data-testid="report-reason"
        />
      )}
      {server.general && <Alert color="red">{server.general}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button loading={action.busy} onClick={() => void save()} data-testid="report-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function ReportCard({ r, old }: { r: AnnualReportView; old?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const c = r.content;
  return (
    <Card withBorder padding="sm" {...(old ? { bg: 'gray.0' } : {})} data-testid={old ? 'report-old' : 'report-current'}>
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Badge color={CONCLUSION_COLOR[r.conclusion]}>{t(`institutions.report.${r.conclusion}`)}</Badge>
          {old && <Badge color="gray" variant="outline">{t('institutions.report.correctedBy')}</Badge>}
          <Text fz="sm">
            {t('common.labelValue', { label: t('institutions.report.submittedOn'), value: formatDate(r.submittedOn) })}
          </Text>
        </Group>
        <Text fz="xs" c="dimmed">
          #{r.id} · {t('institutions.report.by', { name: r.createdByName, date: formatDate(r.createdAt) })}
        </Text>
      </Group>
      <Text fz="sm" td={old ? 'line-through' : undefined}>
        {NUMBERS.map((k) => `${t(`institutions.report.${k}`)} ${formatCount(c[k])}`).join(' · ')}
      </Text>
      <Text fz="xs" c="dimmed">
        {c.statement}
      </Text>
      {r.correctionReason && (
        <Text fz="xs" c="orange.8">
          {t('institutions.report.correction', { reason: r.correctionReason })}
        </Text>
      )}
    </Card>
  );
}

export function AnnualReportsTab({ institutionId, isPublic, canAdmin }: { institutionId: number; isPublic: boolean; canAdmin: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const list = useLoad('annualReports.list', { institutionId });
  const [form, setForm] = useState<'new' | AnnualReportView | null>(null);
  if (isPublic) return <Text c="dimmed">{t('institutions.report.publicSchool')}</Text>;
  return (
    <Stack>
      {canAdmin && (
        <Group justify="flex-end">
          <Button size="xs" onClick={() => setForm('new')} data-testid="report-add">
            {t('institutions.report.submit')}
          </Button>
        </Group>
      )}
      {list.error && <Alert color="red">{list.error}</Alert>}
      {list.data?.length === 0 && <Text c="dimmed">{t('institutions.report.none')}</Text>}
      {list.data?.map((y) => (
        <Stack key={y.year} gap={6}>
          <Group justify="space-between">
            <Text fw={700}>
              {y.year} {t('institutions.report.title')}
            </Text>
            {canAdmin && (
              <Button size="compact-xs" variant="light" onClick={() => setForm(y.current)} data-testid={`report-correct-${y.year}`}>
                {t('institutions.report.correct')}
              </Button>
            )}
          </Group>
          <ReportCard r={y.current} />
          {y.history.length > 0 && (
            <>
              <Text fz="xs" c="dimmed">
                {t('institutions.report.history')}
              </Text>
              {y.history.map((h) => (
                <ReportCard key={h.id} r={h} old />
              ))}
            </>
          )}
        </Stack>
      ))}
      <Modal opened={form !== null} onClose={() => setForm(null)} title={form === 'new' ? t('institutions.report.submit') : t('institutions.report.correct')} size="lg">
        {form !== null && (
          <ReportForm
            institutionId={institutionId}
            correcting={form === 'new' ? null : form}
            onCancel={() => setForm(null)}
            onDone={() => {
              notifications.show({ color: 'teal', message: form === 'new' ? t('institutions.report.submitted') : t('institutions.report.corrected') });
              setForm(null);
              list.reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
