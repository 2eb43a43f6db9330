// The targets of a draw and their inspectors (DOM), for a preview, a confirmed draw or a verified one.
import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GradeBadge } from '../../components/GradeExplanation';
import { currentLang } from '../../i18n';
import { peopleText, type Draw } from './inspectionText';

export function DrawSummary({ draw, picked = false }: { draw: Draw; picked?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Text size="sm" data-testid="draw-summary">
      {t('inspections.draw.summary', { seed: draw.seed, rules: draw.rulesVersion, pool: draw.poolSize, inspectors: draw.inspectorPool, ...draw.poolByGrade })}
      {picked && ` ${t('inspections.draw.seedPicked')}`}
    </Text>
  );
}

export function DrawTable({ draw }: { draw: Draw }): React.JSX.Element {
  const { t } = useTranslation();
  const sep = currentLang() === 'en' ? ', ' : '、';
  return (
    <ScrollArea type="auto">
      <Table striped verticalSpacing="xs" miw={900} data-testid="draw-targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>{t('inspections.draw.institution')}</Table.Th>
            <Table.Th>{t('inspections.draw.kind')}</Table.Th>
            <Table.Th>{t('inspections.draw.uscc')}</Table.Th>
            <Table.Th>{t('inspections.draw.grade')}</Table.Th>
            <Table.Th>{t('inspections.draw.weight')}</Table.Th>
            <Table.Th>{t('inspections.draw.inspectors')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draw.targets.map((x, i) => (
            <Table.Tr key={x.institutionId} data-testid="draw-target" data-institution={x.institutionId}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{x.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`inspections.kinds.${x.kind}`)}</Table.Td>
              <Table.Td ff="monospace">{x.uscc}</Table.Td>
              <Table.Td>
                <GradeBadge grade={x.grade} size="sm" />
              </Table.Td>
              <Table.Td>{x.weight}</Table.Td>
              <Table.Td>{peopleText(x.inspectors, sep)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
