// The bureau's inspectors as the inspections feature sees them (core): the pool a draw picks from,
// and names for the ids an inspection stores.
import type { Raw } from '../db/open';

export interface Person {
  id: number;
  displayName: string;
  username: string;
}

/** Active accounts with the inspector role, in id order (the order a draw reads them in). */
export function inspectorPool(raw: Raw): Person[] {
  return raw
    .prepare("SELECT id, display_name AS displayName, username FROM users WHERE role = 'bureau_inspector' AND active = 1 ORDER BY id")
    .all() as Person[];
}

/** Every account named by `ids`, inactive ones too: an old inspection keeps its inspectors' names. */
export function peopleByIds(raw: Raw, ids: Iterable<number>): Map<number, Person> {
  const list = [...new Set(ids)].map(Number);
  if (list.length === 0) return new Map();
  const rows = raw.prepare(`SELECT id, display_name AS displayName, username FROM users WHERE id IN (${list.join(',')})`).all() as Person[];
  return new Map(rows.map((p) => [p.id, p]));
}
