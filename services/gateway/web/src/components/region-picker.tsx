import { useEffect, useState } from 'react';
import { gql } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorMessage } from './error-message';

const REGIONS = `query ($parent: String) { regions(parentCode: $parent) { code name level } }`;

interface Region {
  code: string;
  name: string;
  level: string;
}

const childrenOf = (parent: string | null) => gql<{ regions: Region[] }>(REGIONS, { parent }, { anonymous: true }).then((r) => r.regions);

/** Down from the top of the directory while there is only one choice (the city, the county): the first real choice is the town. */
async function townsOfThisCounty(): Promise<Region[]> {
  let level = await childrenOf(null);
  while (level.length === 1 && level[0].level !== 'town') level = await childrenOf(level[0].code);
  return level;
}

/**
 * 镇街 → 村社区: two pickers over the public region list. `onChange` gets the village when one is
 * chosen, else the town (a matter of the whole town), else ''.
 */
export function RegionPicker({ onChange }: { onChange: (regionCode: string) => void }) {
  const { t } = useI18n();
  const [towns, setTowns] = useState<Region[]>([]);
  const [villages, setVillages] = useState<Region[]>([]);
  const [town, setTown] = useState('');
  const [village, setVillage] = useState('');
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    townsOfThisCounty().then(setTowns, setError);
  }, []);
  useEffect(() => {
    if (!town) return;
    // A slow answer for a town no longer chosen must not fill the villages of the new one.
    let current = true;
    childrenOf(town).then(
      (list) => current && setVillages(list),
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [town]);
  useEffect(() => {
    onChange(village || town);
  }, [town, village, onChange]);
  const pickTown = (code: string) => {
    setTown(code);
    setVillage('');
    setVillages([]);
  };

  return (
    <div className="row">
      <label>
        {t('region.town')}
        <select name="town" value={town} required onChange={(e) => pickTown(e.target.value)}>
          <option value="">{t('region.pickTown')}</option>
          {towns.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('region.village')}
        <select name="village" value={village} disabled={!town} onChange={(e) => setVillage(e.target.value)}>
          <option value="">{t('region.wholeTown')}</option>
          {villages.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={error} />
    </div>
  );
}
