// Small shared pieces of the inspections screens (DOM): the route types, and the badge of an
// inspection's state with its overdue flag, so it looks the same in every table.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';

export type Plans = RouteOutput<'inspections.plans'>;
export type Plan = Plans['plans'][number];
export type Person = Plans['inspectors'][number];
export type Draw = RouteOutput<'inspections.previewDraw'>;
export type Inspection = RouteOutput<'inspections.list'>['rows'][number];
export type ScheduleRow = RouteOutput<'inspections.schedule'>['rows'][number];

export function InspectionStateBadge({ row }: { row: Pick<Inspection, 'state' | 'overdue'> }): React.JSX.Element {
  const { t } = useTranslation();
  const color = row.state === 'done' ? 'teal' : row.state === 'cancelled' ? 'gray' : 'blue';
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={color} variant="light" style={{ flexShrink: 0 }}>
        {t(`inspections.states.${row.state}`)}
      </Badge>
      {row.overdue && (
        <Badge color="red" variant="filled" style={{ flexShrink: 0 }} data-testid="inspection-overdue">
          {t('inspections.overdue')}
        </Badge>
      )}
    </Group>
  );
}

export function peopleText(people: readonly Person[], separator: string): string {
  return people.map((p) => p.displayName).join(separator);
}
