import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { runMigrations } from '@yikouban/persistence';
import { createTestDatabase, type TestDatabase } from '@yikouban/testing';
import { Clock } from '../clock/clock.entity';
import { DEV_SUPERVISION_PII_KEYS } from '../config/supervision.config';
import { supervisionDataSourceOptions } from '../database/data-source';
import { BoardReader } from './board-reader';
import { updateCase } from './case-tally';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-06-01T02:00:00Z');
const TOWN = '330621101';
const OTHER_TOWN = '330621103';

/** A handling clock on the board: breached, or still running past its first warning share. */
function boardClock(grievanceId: string, breached: boolean): Clock {
  const startedAt = new Date(NOW.getTime() - (breached ? 70 : 40) * DAY);
  return {
    id: randomUUID(),
    grievanceId,
    subjectId: randomUUID(),
    step: 'handling',
    policyCode: 'handling_60d',
    state: breached ? 'breached' : 'running',
    startedAt,
    dueAt: new Date(startedAt.getTime() + 60 * DAY),
    history: [{ at: startedAt.toISOString(), change: 'started', cause: 'test' }],
    warnShares: [0.5, 0.8],
    warningsSent: breached ? 2 : 1,
    escalationLevel: breached ? 1 : 0,
    nextAlarmAt: null,
    regionCode: TOWN,
    awaitingReceipt: false,
    stoppedAt: null,
  };
}

describe('the board by where each case counts (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let board: BoardReader;

  beforeAll(async () => {
    db = await createTestDatabase('supervision_board');
    const options = supervisionDataSourceOptions(db.url, DEV_SUPERVISION_PII_KEYS);
    await runMigrations(options);
    ds = await new DataSource(options).initialize();
    board = new BoardReader(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const ids = async (q: Parameters<BoardReader['overdue']>[0]) => {
    const page = await board.overdue(q, NOW);
    return { ids: page.items.map((i) => i.grievanceId), overdue: page.overdue, nearOverdue: page.nearOverdue };
  };

  it('finds a clock under its case’s region and unit, in the page and the totals', async () => {
    const g = randomUUID();
    await ds.transaction((tx) => updateCase(tx, g, { trackingCode: 'QC-BOARD-1', regionCode: `${TOWN}201`, orgCode: 'dept_housing', categoryCode: 'property', open: true }));
    await ds.transaction((tx) => tx.insert(Clock, boardClock(g, true)));

    expect(await ids({ regionCode: TOWN })).toEqual({ ids: [g], overdue: 1, nearOverdue: 0 });
    expect(await ids({ orgCode: 'dept_housing' })).toEqual({ ids: [g], overdue: 1, nearOverdue: 0 });
    expect(await ids({ regionCode: OTHER_TOWN })).toEqual({ ids: [], overdue: 0, nearOverdue: 0 });
    const [item] = (await board.overdue({ regionCode: TOWN }, NOW)).items;
    expect(item).toMatchObject({ trackingCode: 'QC-BOARD-1', regionCode: `${TOWN}201`, orgCode: 'dept_housing', categoryCode: 'property', kind: 'overdue' });
  });

  it('moves a case’s clocks with the case when routing places it elsewhere', async () => {
    const g = randomUUID();
    await ds.transaction((tx) => updateCase(tx, g, { regionCode: `${TOWN}202`, orgCode: `town_${TOWN}`, open: true }));
    await ds.transaction((tx) => tx.insert(Clock, boardClock(g, false)));
    expect((await ids({ regionCode: TOWN, kind: 'near_overdue' })).ids).toContain(g);

    await ds.transaction((tx) => updateCase(tx, g, { regionCode: `${OTHER_TOWN}201`, orgCode: 'dept_water' }));
    expect((await ids({ regionCode: TOWN, kind: 'near_overdue' })).ids).not.toContain(g);
    expect(await ids({ regionCode: OTHER_TOWN })).toEqual({ ids: [g], overdue: 0, nearOverdue: 1 });
    expect(await ids({ orgCode: 'dept_water' })).toEqual({ ids: [g], overdue: 0, nearOverdue: 1 });
    expect((await ids({ orgCode: `town_${TOWN}` })).ids).not.toContain(g);
  });

  it('places a clock started before its case was known once a fact names where the case counts', async () => {
    const g = randomUUID();
    await ds.transaction((tx) => tx.insert(Clock, boardClock(g, true)));
    expect((await ids({})).ids).toContain(g);
    expect((await ids({ orgCode: 'dept_education' })).ids).toEqual([]);

    await ds.transaction((tx) => updateCase(tx, g, { regionCode: `${OTHER_TOWN}202`, orgCode: 'dept_education', open: true }));
    expect(await ids({ orgCode: 'dept_education' })).toEqual({ ids: [g], overdue: 1, nearOverdue: 0 });
    expect((await ids({ regionCode: OTHER_TOWN, kind: 'overdue' })).ids).toContain(g);
  });
});
