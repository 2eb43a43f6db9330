// The current catalogue for forms and filters (DOM): loaded once per session and shared, since it
// only changes when a new version is published; and an item's name in the user's language.
import { useEffect, useState } from 'react';
import type { RouteOutput } from '../../../shared/api/contract';
import type { CatalogueItemView } from '../../../shared/api/routes/credit';
import { call } from '../api/client';
import { currentLang } from '../i18n';

export type CurrentCatalogue = RouteOutput<'catalogue.current'>;

let cached: Promise<CurrentCatalogue | null> | null = null;

function load(): Promise<CurrentCatalogue | null> {
  if (!cached) {
    cached = call('catalogue.current', {}).then((r) => {
      if (r.ok) return r.value;
      cached = null; // try again next time rather than remember a failure
      return null;
    });
  }
  return cached;
}

export function useCatalogue(): CurrentCatalogue | null {
  const [cat, setCat] = useState<CurrentCatalogue | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((c) => live && setCat(c));
    return () => {
      live = false;
    };
  }, []);
  return cat;
}

export function itemName(item: Pick<CatalogueItemView, 'nameZh' | 'nameEn'>): string {
  return currentLang() === 'en' ? item.nameEn : item.nameZh;
}
