// 公共信用信息目录 (core): versions are kept forever; a record points at the item of the version it
// was made under, so publishing a new version never changes an old record's meaning.
import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import { catalogueDocument, type CatalogueDocument, type CatalogueItemInput } from '../../../shared/domain/catalogue';
import type { CatalogueItemView } from '../../../shared/api/routes/credit';
import type { Raw } from '../db/open';
import { resourcePath } from '../paths';

const ITEM_COLUMNS = `i.id, i.version, i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.info_class AS infoClass,
  i.subject_kinds AS subjectKinds, i.polarity, i.points, i.disclosure_months AS disclosureMonths,
  i.evidence_required AS evidenceRequired, i.releasable`;

interface ItemRow extends Omit<CatalogueItemView, 'subjectKinds' | 'evidenceRequired' | 'releasable'> {
  subjectKinds: string;
  evidenceRequired: number;
  releasable: number;
}

export function toItemView(r: ItemRow): CatalogueItemView {
  return { ...r, subjectKinds: JSON.parse(r.subjectKinds) as CatalogueItemView['subjectKinds'], evidenceRequired: r.evidenceRequired === 1, releasable: r.releasable === 1 };
}

export function bundledCatalogue(): ReturnType<typeof catalogueDocument.parse> {
  return catalogueDocument.parse(JSON.parse(readFileSync(resourcePath('catalogue', 'catalogue-v1.json'), 'utf8')));
}

function insertVersion(raw: Raw, version: number, meta: { publishedAt: string; publisher: string; note: string }, items: CatalogueItemInput[]): void {
  const codes = new Set<string>();
  for (const it of items) {
    if (codes.has(it.code)) throw new AppError('CONFLICT', { what: it.code });
    codes.add(it.code);
  }
  raw.prepare('INSERT INTO catalogue_versions (version, published_at, publisher, note) VALUES (?, ?, ?, ?)').run(version, meta.publishedAt, meta.publisher, meta.note);
  const ins = raw.prepare(
    `INSERT INTO catalogue_items (version, code, name_zh, name_en, info_class, subject_kinds, polarity, points, disclosure_months, evidence_required, releasable)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const it of items) {
    ins.run(version, it.code, it.nameZh, it.nameEn, it.infoClass, JSON.stringify(it.subjectKinds), it.polarity, it.points, it.disclosureMonths, it.evidenceRequired ? 1 : 0, it.releasable ? 1 : 0);
  }
}

/** Installs the catalogue shipped with the app as version 1 (setup, inside its transaction). */
export function installBundledCatalogue(raw: Raw): void {
  const doc = bundledCatalogue();
  insertVersion(raw, doc.version, doc, doc.items);
}

export function currentVersion(raw: Raw): number {
  const row = raw.prepare('SELECT max(version) AS v FROM catalogue_versions').get() as { v: number | null };
  if (row.v === null) throw new AppError('NOT_FOUND', undefined, 'no catalogue');
  return row.v;
}

export function listItems(raw: Raw, version: number): CatalogueItemView[] {
  return (raw.prepare(`SELECT ${ITEM_COLUMNS} FROM catalogue_items i WHERE i.version = ? ORDER BY i.code`).all(version) as ItemRow[]).map(toItemView);
}

export function getItem(raw: Raw, id: number): CatalogueItemView {
  const row = raw.prepare(`SELECT ${ITEM_COLUMNS} FROM catalogue_items i WHERE i.id = ?`).get(id) as ItemRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', undefined, `catalogue item ${id}`);
  return toItemView(row);
}

export function itemByCode(raw: Raw, version: number, code: string): CatalogueItemView | null {
  const row = raw.prepare(`SELECT ${ITEM_COLUMNS} FROM catalogue_items i WHERE i.version = ? AND i.code = ?`).get(version, code) as ItemRow | undefined;
  return row ? toItemView(row) : null;
}

export interface VersionRow {
  version: number;
  publishedAt: string;
  publisher: string;
  note: string;
  itemCount: number;
}

export function listVersions(raw: Raw): VersionRow[] {
  return raw
    .prepare(
      'SELECT v.version, v.published_at AS publishedAt, v.publisher, v.note, (SELECT count(*) FROM catalogue_items i WHERE i.version = v.version) AS itemCount FROM catalogue_versions v ORDER BY v.version DESC',
    )
    .all() as VersionRow[];
}

/** A bureau publishes a new version; bundles will carry it to the schools. */
export function publish(raw: Raw, publisher: string, note: string, items: CatalogueItemInput[], now: Date): VersionRow {
  const version = currentVersion(raw) + 1;
  insertVersion(raw, version, { publishedAt: now.toISOString(), publisher, note }, items);
  return listVersions(raw).find((v) => v.version === version)!;
}

/** One version as a bundle carries it from the bureau to its schools. */
export function versionDocument(raw: Raw, version: number): CatalogueDocument {
  const v = listVersions(raw).find((x) => x.version === version);
  if (!v) throw new AppError('NOT_FOUND', undefined, `catalogue version ${version}`);
  const items = listItems(raw, version).map(({ id: _id, version: _v, ...item }) => item);
  return { version, publishedAt: v.publishedAt, publisher: v.publisher, note: v.note, items };
}

/**
 * Installs versions a bureau published, in order, and skips those already here: a version is
 * never changed once installed. Returns how many were added.
 */
export function receiveVersions(raw: Raw, docs: CatalogueDocument[]): number {
  let added = 0;
  for (const doc of [...docs].sort((a, b) => a.version - b.version)) {
    if (doc.version <= currentVersion(raw)) continue;
    insertVersion(raw, doc.version, doc, doc.items);
    added += 1;
  }
  return added;
}
