// Every bad cell of an import preview (DOM): row as the spreadsheet shows it, column, and the reason
// in the user's language (shared/api/importMessages.ts, the same words the CLI prints).
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../../shared/api/routes/import';
import { describeImportProblem } from '../../../../shared/api/importMessages';
import { currentLang } from '../../i18n';

export function ProblemTable({ problems }: { problems: ImportProblem[] }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    // A plain scrolling box: Mantine's ScrollArea wraps the table in display:table, which undoes the fixed column widths.
    <div style={{ maxHeight: 420, overflow: 'auto' }}>
      <Table striped withTableBorder stickyHeader fz="sm" layout="fixed" data-testid="import-problems">
        <colgroup>
          <col style={{ width: 70 }} />
          <col style={{ width: 160 }} />
          <col />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.row')}</Table.Th>
            <Table.Th>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={`${p.row}-${p.column}-${i}`}>
              <Table.Td>{p.row}</Table.Td>
              <Table.Td>{p.column || '—'}</Table.Td>
              <Table.Td>
                {/* A duplicate can list hundreds of rows: three lines here, the whole text on hover. */}
                <Text size="sm" c="red.8" lineClamp={3} title={describeImportProblem(p, lang)}>
                  {describeImportProblem(p, lang)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
