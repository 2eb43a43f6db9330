// A record's points (DOM): green for what adds, red for what takes away, grey for nothing.
import { Text } from '@mantine/core';
import { formatPoints } from './format';

export function Points({ value, strike = false }: { value: number; strike?: boolean }): React.JSX.Element {
  return (
    <Text span fw={600} c={value > 0 ? 'teal.7' : value < 0 ? 'red.7' : 'dimmed'} td={strike ? 'line-through' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {formatPoints(value)}
    </Text>
  );
}
