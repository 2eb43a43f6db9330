// Shows an ID number with the wrong characters marked (DOM), under the message that names them:
// position 18 for a wrong check character, 7–14 for an impossible birth date, 17 for a sequence
// digit that disagrees with the stated gender, or the one character that is not a digit.
import { Text } from '@mantine/core';
import type { IdNumberProblem } from '../../../../shared/domain/idNumber';

function wrongPositions(p: IdNumberProblem): number[] {
  switch (p.reason) {
    case 'char':
      return [p.position];
    case 'check':
      return [18];
    case 'date':
      return [7, 8, 9, 10, 11, 12, 13, 14];
    case 'gender':
      return [17];
    default:
      return [];
  }
}

export function IdNumberHint({ value, problem }: { value: string; problem: IdNumberProblem }): React.JSX.Element | null {
  const wrong = wrongPositions(problem);
  if (wrong.length === 0) return null;
  return (
    <Text span ff="monospace" fz="sm" data-testid="id-marked" style={{ letterSpacing: 1 }}>
      {[...value].map((ch, i) => {
        const bad = wrong.includes(i + 1);
        return (
          <span key={i} style={bad ? { color: 'var(--mantine-color-red-7)', fontWeight: 700, textDecoration: 'underline' } : undefined} {...(bad ? { 'data-wrong': i + 1 } : {})}>
            {ch}
            {/* Groups as printed on the card: region, birth date, sequence, check. */}
            {(i === 5 || i === 13 || i === 16) && ' '}
          </span>
        );
      })}
    </Text>
  );
}
