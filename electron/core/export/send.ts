// Handing a list out (core): the audit entry of the export and the file, for every list's export
// route. What was exported, how many rows and under which filter are in the log; a filter that may
// name a student goes in the entry's private part.
import type { Lang } from '../../../shared/api/messages';
import type { Installation } from '../app/installation';
import { getUser } from '../auth/service';
import type { Session } from '../auth/sessions';
import { today } from '../clock';
import { readOrg } from '../setup/org';
import { listFile, type ListDocument, type ListFormat } from './listDocument';

export interface ListExport<T> {
  route: string;
  subject: string;
  /** The file's name before the day and extension: 教师名册 … */
  baseName: string;
  format: ListFormat;
  lang: Lang;
  filter: Record<string, unknown>;
  /** The filter is about students: it stays out of the public audit entry. */
  filterIsPrivate?: boolean;
  document: ListDocument<T>;
}

export async function sendList<T>(inst: Installation, s: Session, e: ListExport<T>): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const meta = { orgName: readOrg(inst).name, printedAt: inst.clock.now().toISOString(), printedBy: getUser(inst, s.userId).displayName, lang: e.lang };
  // What was chosen, not how it was ordered: the sort says nothing about what left the office.
  const { sort: _sort, dir: _dir, ...filter } = e.filter;
  // Rendered first: a list too long to print is refused before anything is logged.
  const file = await listFile(e.document, meta, e.format, e.baseName, today(inst));
  inst.write(
    () => ({
      actor: s.username,
      route: e.route,
      subject: e.subject,
      diff: { format: e.format, rows: e.document.rows.length, ...(e.filterIsPrivate ? {} : { filter }) },
      ...(e.filterIsPrivate ? { private: { filter } } : {}),
    }),
    () => undefined,
  );
  return file;
}
