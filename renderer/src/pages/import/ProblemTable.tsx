// Every bad cell of an import preview (DOM): row as the spreadsheet shows it, column, and the reason
// in the user's language (shared/api/importMessages.ts, the same words the CLI prints).
import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../../shared/api/routes/import';
import { describeImportProblem } from '../../../../shared/api/importMessages';
import { currentLang } from '../../i18n';

export function ProblemTable({ problems }: { problems: ImportProblem[] }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <ScrollArea.Autosize mah={420} type="auto">
      <Table striped withTableBorder stickyHeader fz="sm" layout="fixed" data-testid="import-problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('import.row')}</Table.Th>
            <Table.Th w={140}>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={`${p.row}-${p.column}-${i}`}>
              <Table.Td>{p.row}</Table.Td>
              <Table.Td>{p.column || '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" c="red.8">
                  {describeImportProblem(p, lang)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
