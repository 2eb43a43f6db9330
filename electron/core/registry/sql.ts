// Small helpers for the list queries of the core: LIKE escaping and whitelisted ORDER BY.

/** A LIKE pattern that matches `text` literally anywhere; use with ESCAPE '\'. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** ORDER BY from a whitelist: the sort key picks a known SQL expression, never user text. */
export function orderBy<K extends string>(columns: Record<K, string>, sort: K, dir: 'asc' | 'desc', tieBreak: string): string {
  return `ORDER BY ${columns[sort]} ${dir === 'desc' ? 'DESC' : 'ASC'}, ${tieBreak}`;
}
