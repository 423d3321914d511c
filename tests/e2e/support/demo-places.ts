import { DEMO_COUNTY_CODE, DEMO_ORGANISATIONS, DEMO_REGIONS } from '../../../services/routing/src/directory/demo-county';

/** Places and units of the demo county the end-to-end scenarios use (read from the seed itself). */
export function demoPlaces() {
  const village = DEMO_REGIONS.find((r) => r.level === 'village' && r.code.startsWith(DEMO_COUNTY_CODE));
  const dept = (type: string) => DEMO_ORGANISATIONS.find((o) => o.departmentType === type && o.regionCode === DEMO_COUNTY_CODE);
  if (!village || !dept('human_resources') || !dept('housing')) throw new Error('the demo county lacks a village, 人社 or 住建');
  return { county: DEMO_COUNTY_CODE, village: village.code, humanResources: dept('human_resources')!.code, housing: dept('housing')!.code };
}
