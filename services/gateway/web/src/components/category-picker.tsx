import { useEffect, useState } from 'react';
import { gql } from '../api/client';
import { useI18n } from '../i18n';

const CATEGORIES = `query { publicCategories { code name nameEn } }`;

export interface PublicCategory {
  code: string;
  name: string;
  nameEn: string;
}

let cache: Promise<PublicCategory[]> | undefined;

/** The categories in force (public: names only), loaded once per page load. */
export function usePublicCategories(): PublicCategory[] {
  const [list, setList] = useState<PublicCategory[]>([]);
  useEffect(() => {
    cache ??= gql<{ publicCategories: PublicCategory[] }>(CATEGORIES, {}, { anonymous: true }).then((r) => r.publicCategories);
    cache.then(setList, () => (cache = undefined));
  }, []);
  return list;
}

/** A select of the classification list; '' is "not sure" (routing classifies it then). */
export function CategorySelect({ value, onChange, name = 'categoryCode', emptyLabel }: { value: string; onChange: (code: string) => void; name?: string; emptyLabel: string }) {
  const { lang } = useI18n();
  const list = usePublicCategories();
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {list.map((c) => (
        <option key={c.code} value={c.code}>
          {lang === 'en' ? c.nameEn : c.name}
        </option>
      ))}
    </select>
  );
}
