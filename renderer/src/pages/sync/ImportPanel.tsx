// 导入数据包 (runs in the DOM): choose or drop several bundles; they are put in the order of the
// sequence number in their names (<USCC>-<seq>.ecb) and imported one after another with a progress
// bar, each listed with its verdict, sender, number and what it changed, or the reason it was
// refused. "Inspect only" asks the core what importing would do and applies nothing; an auditor has
// only that.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BundleManifest } from '../../../../shared/api/routes/sync';
import type { ApiError } from '../../../../shared/api/errors';
import { call } from '../../api/client';
import { MAX_FILE_BYTES, readBase64 } from '../../components/files';
import { formatCount } from '../../components/format';
import { errorText } from '../../i18n';
import { FileDrop } from '../../components/FileDrop';
import { countsText, partnerName, sequenceOf } from './syncText';
import type { Partner } from './types';

type Verdict = 'applied' | 'duplicate' | 'refused' | 'apply' | 'replay' | 'gap' | 'rejected';

interface Outcome {
  fileName: string;
  verdict: Verdict;
  manifest: BundleManifest | null;
  changed: Record<string, number> | null;
  error: string | null;
}

const COLOR: Record<Verdict, string> = {
  applied: 'green',
  duplicate: 'gray',
  refused: 'red',
  apply: 'teal',
  replay: 'red',
  gap: 'orange',
  rejected: 'red',
};

/** By the number in the name, then the name; files not named like a bundle go last. */
function inOrder(files: File[]): File[] {
  const key = (f: File): number => sequenceOf(f.name) ?? Number.MAX_SAFE_INTEGER;
  return [...files].sort((a, b) => key(a) - key(b) || a.name.localeCompare(b.name));
}

export function ImportPanel({ partners, admin, onChanged }: { partners: Partner[]; admin: boolean; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [running, setRunning] = useState<{ done: number; name: string; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [finished, setFinished] = useState<'import' | 'inspect' | null>(null);

  /** The words for what the inspection found: the core's values first, then what the manifest tells. */
  const codeText = (code: string, m: BundleManifest | null, given: Record<string, string | number> | null): string => {
    const p = m ? partners.find((x) => x.uscc === m.sender.uscc) : undefined;
    const derived = m ? { sender: m.sender.uscc, sequence: m.sequence, recipient: m.recipient.uscc, expected: (p?.lastApplied ?? 0) + 1 } : {};
    return errorText({ code, params: { ...derived, ...(given ?? {}) } } as ApiError);
  };

  const run = async (mode: 'import' | 'inspect'): Promise<void> => {
    const list = files;
    setOutcomes([]);
    setFinished(null);
    const out: Outcome[] = [];
    for (const [i, file] of list.entries()) {
      setRunning({ done: i + 1, total: list.length, name: file.name });
      let o: Outcome;
      if (file.size > MAX_FILE_BYTES) {
        o = { fileName: file.name, verdict: mode === 'import' ? 'refused' : 'rejected', manifest: null, changed: null, error: t('sync.import.tooBig') };
      } else {
        const input = { fileName: file.name, dataBase64: await readBase64(file) };
        if (mode === 'import') {
          const r = await call('sync.import', input);
          o = r.ok
            ? { fileName: file.name, verdict: r.value.verdict, manifest: r.value.manifest, changed: r.value.changed, error: null }
            : { fileName: file.name, verdict: 'refused', manifest: null, changed: null, error: errorText(r.error) };
        } else {
          const r = await call('sync.inspect', input);
          if (!r.ok) o = { fileName: file.name, verdict: 'rejected', manifest: null, changed: null, error: errorText(r.error) };
          else {
            const v = r.value;
            const why = v.code
              ? codeText(v.code, v.manifest, v.params)
              : v.verdict === 'gap' || v.verdict === 'replay'
                ? codeText(v.verdict === 'gap' ? 'BUNDLE_GAP' : 'BUNDLE_REPLAY', v.manifest, null)
                : null;
            o = { fileName: file.name, verdict: v.verdict, manifest: v.manifest, changed: null, error: why };
          }
        }
      }
      out.push(o);
      setOutcomes([...out]);
    }
    setRunning(null);
    setFinished(mode);
    setFiles([]);
    if (mode === 'import') onChanged();
  };

  const tally = (v: Verdict): string => formatCount(outcomes.filter((o) => o.verdict === v).length);
  const contents = (o: Outcome): string => {
    if (!o.manifest) return '';
    // A duplicate changed nothing; an imported bundle tells what it changed; an inspected one what it holds.
    if (o.verdict === 'duplicate') return t('sync.noChange');
    const counts = o.verdict === 'applied' && o.changed ? o.changed : o.manifest.counts;
    if (o.manifest.kind === 'bureau-ack') {
      const ack = t('sync.import.ack', { n: o.manifest.ackSequence });
      const more = countsText(t, counts, '');
      return more ? `${ack}; ${more}` : ack;
    }
    return countsText(t, counts, t('sync.noChange'));
  };

  return (
    <Stack>
      <Text size="sm">{admin ? t('sync.import.intro') : t('sync.import.introReader')}</Text>
      <FileDrop
        accept=".ecb"
        multiple
        prompt={t('sync.import.drop')}
        or={t('sync.import.or')}
        choose={t('sync.import.choose')}
        disabled={running !== null}
        onFiles={(f) => {
          setFiles(inOrder(f));
          setFinished(null);
          setOutcomes([]);
        }}
        testId="sync-import-drop"
      />
      {files.length > 0 && running === null && (
        <Stack gap="xs" data-testid="sync-import-chosen">
          <Text size="sm">{t('sync.import.chosen', { count: files.length, n: files.length })}</Text>
          <Group gap="xs">
            {files.map((f, i) => (
              <Badge key={`${f.name}-${i}`} variant="outline" tt="none" ff="monospace" size="lg">
                {i + 1}. {f.name}
              </Badge>
            ))}
          </Group>
          <Group>
            {admin && (
              <Button onClick={() => void run('import')} data-testid="sync-import-start">
                {t('sync.import.start')}
              </Button>
            )}
            <Button variant={admin ? 'default' : 'filled'} onClick={() => void run('inspect')} data-testid="sync-inspect-start">
              {t('sync.import.inspect')}
            </Button>
            <Button variant="subtle" onClick={() => setFiles([])}>
              {t('sync.import.clear')}
            </Button>
          </Group>
        </Stack>
      )}
      {running && (
        <Stack gap={4} data-testid="sync-import-progress">
          <Progress value={(running.done / running.total) * 100} size="lg" striped animated />
          <Text size="sm">{t('sync.import.progress', { done: running.done, total: running.total, name: running.name })}</Text>
        </Stack>
      )}
      {finished && (
        <Alert color={finished === 'inspect' ? 'blue' : outcomes.some((o) => o.verdict === 'refused') ? 'orange' : 'green'} data-testid="sync-import-finished">
          {finished === 'import' ? t('sync.import.finished', { applied: tally('applied'), duplicate: tally('duplicate'), refused: tally('refused') }) : t('sync.import.inspected')}
        </Alert>
      )}
      {outcomes.length > 0 && (
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={860} data-testid="sync-import-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.import.col.file')}</Table.Th>
                <Table.Th>{t('sync.import.col.result')}</Table.Th>
                <Table.Th>{t('sync.import.col.sender')}</Table.Th>
                <Table.Th>{t('sync.import.col.sequence')}</Table.Th>
                <Table.Th>{t('sync.import.col.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcomes.map((o, i) => (
                <Table.Tr key={`${o.fileName}-${i}`} data-testid="sync-import-row" data-verdict={o.verdict} data-file={o.fileName}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {o.fileName}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={COLOR[o.verdict]} variant="light" tt="none" style={{ whiteSpace: 'nowrap' }} data-testid="sync-import-verdict">
                      {t(`sync.import.verdict.${o.verdict}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{o.manifest ? partnerName(partners, o.manifest.sender.uscc) : '—'}</Table.Td>
                  <Table.Td>{o.manifest ? o.manifest.sequence : '—'}</Table.Td>
                  <Table.Td maw={420}>
                    {o.error ? (
                      <Text size="sm" c="red.8" data-testid="sync-import-error">
                        {o.error}
                      </Text>
                    ) : (
                      <Text size="sm" data-testid="sync-import-changes">
                        {contents(o)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}
