// The web UI end to end: the built system (tests/e2e/support) and headless Chromium driving the
// pages a citizen, an operator and a unit use. Screenshots go to test-artifacts/browser/.
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { waitFor } from '@yikouban/testing';
import { demoPlaces } from '../e2e/support/demo-places';
import { DEMO_REGIONS } from '../../services/routing/src/directory/demo-county';
import { DEMO_USERS } from '../../services/gateway/src/identity/demo-identities';
import { graphql, GRIEVANCE_QUERY, signInAs } from '../e2e/support/graphql';
import { SystemUnderTest } from '../e2e/support/system';
import { launchChromium, openPage, screenshot, signInThroughUi } from './support/browser';

jest.setTimeout(180_000);

const SUBMIT = `mutation ($input: SubmitGrievanceInput!) { submitGrievance(input: $input) { trackingCode secret } }`;

/** Clicks the page's refresh button until `selector` shows up: the page itself is never reloaded. */
async function refreshUntil(page: Page, refreshButton: string, selector: string, what: string): Promise<void> {
  await waitFor(
    what,
    async () => {
      if (await page.locator(selector).count()) return true;
      await page.click(refreshButton);
      return (await page.locator(selector).count()) > 0;
    },
    60_000,
    1000,
  );
}

/**
 * Submits a form until `done` shows: an action that depends on an event another service has not
 * projected yet is refused at first (and the page shows why), then goes through.
 */
async function submitUntil(page: Page, submit: () => Promise<void>, done: string, errorIn: string, what: string): Promise<void> {
  await waitFor(
    what,
    async () => {
      if (await page.locator(done).count()) return true;
      await submit();
      await page.locator(`${done}, ${errorIn} [data-testid=error]`).first().waitFor();
      return (await page.locator(done).count()) > 0;
    },
    60_000,
    1000,
  );
}

/** The file a click downloads: its suggested name and its bytes. */
async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** A demo user's account ID (the rota names leaders by it). */
async function userIdOf(base: string, role: string): Promise<string> {
  const user = DEMO_USERS.find((u) => u.role === role)!;
  const { data } = await graphql<{ login: { user: { id: string } } }>(base, 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { user { id } } }', { u: user.username, p: user.password });
  return data!.login.user.id;
}

describe('web UI', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let base: string;
  const places = demoPlaces();
  /** The town of the demo village: the pickers go town → village. */
  const town = DEMO_REGIONS.find((r) => r.code === places.village)!.parentCode!;

  /** Picks the demo village in the RegionPicker (options load from the public region list). */
  async function pickVillage(page: Page): Promise<void> {
    await page.locator(`select[name=town] option[value="${town}"]`).waitFor({ state: 'attached' });
    await page.selectOption('select[name=town]', town);
    await page.locator(`select[name=village] option[value="${places.village}"]`).waitFor({ state: 'attached' });
    await page.selectOption('select[name=village]', places.village);
  }

  /** A grievance submitted through the public API, as another citizen's phone would. */
  async function submitElsewhere(input: Record<string, unknown>): Promise<{ trackingCode: string; secret: string }> {
    const { data, errors } = await graphql<{ submitGrievance: { trackingCode: string; secret: string } }>(base, SUBMIT, { input });
    if (!data?.submitGrievance) throw new Error(`submitGrievance failed: ${JSON.stringify(errors)}`);
    return data.submitGrievance;
  }

  beforeAll(async () => {
    sut = await SystemUnderTest.create();
    await sut.startAll();
    base = sut.url('gateway');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.stop();
  });

  it('opens in Chinese, switches to English, and signs staff in to their own page', async () => {
    const { context, page } = await openPage(browser, base);
    await page.goto('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByText('我要反映').first().waitFor();
    await page.click('[data-testid=lang-switch]');
    await page.getByText('Raise a grievance').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.click('[data-testid=lang-switch]');
    await signInThroughUi(page, 'unit_staff');
    expect(new URL(page.url()).pathname).toBe('/workbench');
    await context.close();
  });

  it('a citizen submits a grievance on a phone, keeps the code and secret, and follows its timeline', async () => {
    const { context, page } = await openPage(browser, base, 'phone');
    await page.goto('/citizen');
    await page.fill('textarea[name=description]', '我在城东安置房项目务工，包工头拖欠工资三个月，多次讨要未果，请求帮助追讨工资。');
    await pickVillage(page);
    await page.locator('select[name=categoryCode] option[value=wage_arrears]').waitFor({ state: 'attached' });
    await page.selectOption('select[name=categoryCode]', 'wage_arrears');
    await page.fill('input[name=name]', '赵小红');
    await page.fill('input[name=phone]', '13912345678');
    await page.click('button[type=submit]');
    const trackingCode = (await page.locator('[data-testid=tracking-code]').textContent())!.trim();
    const secret = (await page.locator('[data-testid=tracking-secret]').textContent())!.trim();
    expect(trackingCode).toMatch(/^\d{6}-\d{2}-[0-9A-Z]+$/);
    expect(secret.length).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'citizen-submitted');

    // Follow it: the secret stayed on this device, so the tracking page opens with the timeline.
    await page.click('a[href^="/citizen/track"]');
    await page.locator('[data-testid=timeline] li[data-kind=received]').waitFor();
    expect(await page.locator('[data-testid=tracking-status]').textContent()).toBeTruthy();
    // Routing assigns it moments later: the citizen sees the handling unit by name.
    await refreshUntil(page, 'text=刷新', '[data-testid=timeline] li[data-kind=assigned]', 'the assignment on the timeline');
    expect(await page.locator('[data-testid=lead-unit]').textContent()).not.toBe('正在分办');
    await screenshot(page, 'citizen-timeline');

    // A wrong secret is refused like an unknown code, and the page says so.
    await page.fill('input[name=secret]', 'wrong-secret-123');
    await page.click('button:has-text("查询")');
    await page.locator('[data-testid=error]').waitFor();
    expect(await page.locator('[data-testid=tracking]').count()).toBe(0);
    await context.close();
  });

  it("the operator's board shows a grievance submitted meanwhile, without a reload", async () => {
    const { context, page } = await openPage(browser, base);
    await signInThroughUi(page, 'command_operator');
    expect(new URL(page.url()).pathname).toBe('/board');
    await page.locator('[data-testid=latest-grievances]').waitFor();
    await page.locator('[data-testid=trend-chart] svg').waitFor();
    // Marks this document: a reload would lose the mark.
    await page.evaluate('window.boardMark = 42');

    const { trackingCode } = await submitElsewhere({
      regionCode: places.village,
      categoryCode: 'wage_arrears',
      headcount: 12,
      description: '十二名工人被拖欠工资半年，今晚聚集在项目部门口，情绪激动。',
    });
    const row = page.locator(`[data-testid=latest-grievances] tr[data-tracking-code="${trackingCode}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('群体访');
    // Routing triages it before assigning: the row takes the triage colour, and the colour counts include it.
    const coloured = page.locator(`[data-testid=latest-grievances] tr[data-tracking-code="${trackingCode}"]:not([data-colour=""])`);
    await coloured.waitFor({ timeout: 30_000 });
    const colour = (await coloured.getAttribute('data-colour'))!;
    expect(['RED', 'ORANGE', 'YELLOW', 'BLUE', 'GREEN']).toContain(colour);
    expect(await coloured.locator(`.dot.${colour.toLowerCase()}`).count()).toBe(1);
    expect(Number(await page.locator(`[data-testid=colour-stats] [data-colour=${colour}] .n`).textContent())).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate('window.boardMark')).toBe(42);
    await screenshot(page, 'operator-board-triage-colours');
    await context.close();
  });

  it('a unit accepts its assignment and replies with a 处理意见书; the citizen then evaluates', async () => {
    const mine = await submitElsewhere({
      regionCode: places.village,
      categoryCode: 'wage_arrears',
      description: '在县城某工地打工两个月，工资一直未结清，请求人社部门督促支付。',
      petitioner: { name: '钱多多', phone: '13800000000' },
    });
    const { context, page } = await openPage(browser, base);
    await signInThroughUi(page, 'unit_staff');
    expect(new URL(page.url()).pathname).toBe('/workbench');

    // The assignment arrives in the inbox by itself (live, or the page's own polling).
    const item = page.locator(`[data-testid=inbox] [data-tracking-code="${mine.trackingCode}"]`);
    await item.waitFor({ timeout: 60_000 });
    await item.click();
    await page.locator('[data-testid=assignment-detail][data-status=CREATED]').waitFor();
    expect(await page.locator('[data-testid=grievance-description]').textContent()).toContain('工资一直未结清');
    await page.click('[data-testid=accept]');
    await page.locator('[data-testid=assignment-detail][data-status=ACCEPTED]').waitFor();

    const letter = page.locator('[data-testid=reply-form]');
    await letter.locator('textarea[name=request]').fill('请求督促用人单位支付拖欠的两个月工资。');
    await letter.locator('textarea[name=facts]').fill('经核实，该工地施工单位确未按时足额支付工资。');
    await letter.locator('textarea[name=reasons]').fill('用人单位应当按月足额支付劳动报酬。');
    await letter.locator('textarea[name=opinion]').fill('已责令施工单位于十日内结清工资。');
    await letter.locator('textarea[name=legalBasis]').fill('《保障农民工工资支付条例》第十五条');
    await letter.locator('select[name=conclusion]').selectOption('SUPPORT');
    await letter.locator('button[type=submit]').click();
    await page.locator('[data-testid=reply]').waitFor();
    expect(await page.locator('[data-testid=assignment-detail]').getAttribute('data-status')).toBe('REPLIED');
    await screenshot(page, 'unit-replied');
    await context.close();

    // The citizen sees the reply on the tracking page and evaluates it.
    const citizen = await openPage(browser, base, 'phone');
    await citizen.page.goto('/citizen/track');
    await citizen.page.fill('input[name=trackingCode]', mine.trackingCode);
    await citizen.page.fill('input[name=secret]', mine.secret);
    await citizen.page.click('button[type=submit]');
    await citizen.page.locator('[data-testid=tracking]').waitFor();
    await citizen.page.click('[data-testid=open-evaluation]');
    const form = citizen.page.locator('[data-testid=evaluate-form]');
    await form.locator('input[value=SATISFIED]').check();
    // Supervision learns of the reply from the event stream: until then the evaluation is refused (and the page says why).
    await waitFor(
      'the evaluation to be accepted',
      async () => {
        if (await citizen.page.locator('[data-testid=evaluated]').count()) return true;
        await form.locator('button[type=submit]').click();
        await citizen.page.locator('[data-testid=evaluated], [data-testid=evaluate-form] [data-testid=error]').first().waitFor();
        return (await citizen.page.locator('[data-testid=evaluated]').count()) > 0;
      },
      60_000,
      1000,
    );
    await screenshot(citizen.page, 'citizen-evaluated');
    await citizen.context.close();
  });

  it("the supervisor's indicators and a mediation committee's handoff inbox open without errors", async () => {
    const { context, page } = await openPage(browser, base);
    const failures: string[] = [];
    page.on('pageerror', (err) => failures.push(err.message));
    await signInThroughUi(page, 'supervisor');
    expect(new URL(page.url()).pathname).toBe('/supervisor');
    await page.locator('[data-testid=indicator-rates]').waitFor();
    await page.waitForFunction("!document.querySelector('[data-testid=indicator-rates]').textContent.includes('…')");
    expect(await page.locator('[data-testid=error]').count()).toBe(0);
    await screenshot(page, 'supervisor-indicators');
    await page.click('text=退出');
    await signInThroughUi(page, 'mediation_committee');
    expect(new URL(page.url()).pathname).toBe('/handoffs');
    await page.locator('[data-testid=handoff-inbox]').waitFor();
    expect(await page.locator('[data-testid=error]').count()).toBe(0);
    await screenshot(page, 'mediator-handoffs');
    expect(failures).toEqual([]);
    await context.close();
  });

  it('a reception clerk registers a walk-in with the Art 19 record, confirms the suggested category, and sees possible duplicates', async () => {
    const text = '我们在城东安置房工地干了半年，包工头拖欠工资四万多元一直不给，多次讨要未果。';
    // The same matter raised online an hour earlier: intake offers it as a possible duplicate.
    const earlier = await submitElsewhere({ regionCode: places.village, description: text, petitioner: { name: '孙大勇', phone: '13711112222' } });
    const { context, page } = await openPage(browser, base);
    await signInThroughUi(page, 'reception_clerk');
    expect(new URL(page.url()).pathname).toBe('/reception');
    const form = page.locator('[data-testid=reception-form]');
    await form.locator('input[name=name]').fill('孙大勇');
    await form.locator('input[name=phone]').fill('13711112222');
    await form.locator('input[name=address]').fill('城东街道安置小区3幢201室');
    await pickVillage(page);
    await form.locator('textarea[name=description]').fill(text);
    await form.locator('textarea[name=request]').fill('请求督促包工头支付拖欠的工资。');
    await form.locator('textarea[name=facts]').fill('2025年在城东安置房工地务工六个月，工资四万余元未结。');
    await form.locator('textarea[name=reasons]').fill('付出劳动应当获得报酬。');
    await form.locator('input[name=headcount]').fill('3');
    await form.locator('button:has-text("添加代表")').click();
    await form.locator('input[name=representative-0-name]').fill('孙大勇');
    await page.click('[data-testid=suggest]');
    const suggested = page.locator('[data-testid=suggestions] button[data-code=wage_arrears]');
    await suggested.waitFor();
    await suggested.click();
    expect(await page.locator('select[name=categoryCode]').inputValue()).toBe('wage_arrears');
    await screenshot(page, 'clerk-reception-form');
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=registered]').waitFor();
    const trackingCode = (await page.locator('[data-testid=tracking-code]').textContent())!.trim();
    await page.locator('[data-testid=duplicates]').waitFor();
    await waitFor('the earlier grievance among the duplicates', async () => (await page.locator(`[data-testid=duplicates] [data-tracking-code="${earlier.trackingCode}"]`).count()) > 0, 10_000, 500);
    await screenshot(page, 'clerk-registered-duplicates');
    await context.close();

    const token = await signInAs(base, 'command_operator');
    const { data } = await graphql<{ grievance: { channel: string; categoryCode: string; headcount: number } }>(base, GRIEVANCE_QUERY, { code: trackingCode }, token);
    expect(data?.grievance).toMatchObject({ channel: 'WALK_IN', categoryCode: 'wage_arrears', headcount: 3 });
  });

  it('a mediation committee takes a 访调 from acceptance to a signed agreement', async () => {
    // Setup as the command centre: a grievance, and its 访调 handoff to the labour-dispute committee.
    const operator = await signInAs(base, 'command_operator');
    const registered = await graphql<{ registerGrievance: { id: string; trackingCode: string } }>(
      base,
      'mutation ($input: RegisterGrievanceInput!) { registerGrievance(input: $input) { id trackingCode } }',
      { input: { channel: 'LETTER', channelDetails: { receiptNumber: 'XF-2026-0042' }, regionCode: places.village, categoryCode: 'wage_arrears', description: '来信反映与用工单位就加班费发生争议，请求调解。', petitioner: { name: '周海', address: '城东街道' } } },
      operator,
    );
    const g = registered.data?.registerGrievance;
    if (!g) throw new Error(`registerGrievance failed: ${JSON.stringify(registered.errors)}`);
    const requested = await graphql<{ requestHandoff: { id: string } }>(
      base,
      'mutation ($input: RequestHandoffInput!) { requestHandoff(input: $input) { id } }',
      {
        input: {
          kind: 'PETITION_MEDIATION',
          grievanceId: g.id,
          targetOrgCode: 'med_labour',
          sourceReference: g.trackingCode,
          matter: '加班费争议：周海与县城某建材公司',
          parties: [
            { name: '周海', role: 'APPLICANT' },
            { name: '县城某建材公司', role: 'RESPONDENT' },
          ],
        },
      },
      operator,
    );
    if (!requested.data?.requestHandoff) throw new Error(`requestHandoff failed: ${JSON.stringify(requested.errors)}`);

    const { context, page } = await openPage(browser, base);
    await signInThroughUi(page, 'mediation_committee');
    const item = page.locator(`[data-testid=handoff-inbox] [data-reference="${g.trackingCode}"]`);
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    const detail = page.locator('[data-testid=handoff-detail]');
    await page.locator('[data-testid=handoff-detail][data-status=REQUESTED]').waitFor();
    await detail.getByRole('button', { name: '受理', exact: true }).click();

    // 核实当事人 before anyone answers on consent: the company's full name, and the agency as a third party.
    await page.locator('[data-testid=edit-parties]').click();
    const partiesForm = page.locator('[data-testid=parties-form]');
    await partiesForm.locator('input[name=party-1-name]').fill('县城某建材有限公司');
    await partiesForm.getByRole('button', { name: '增加当事人' }).click();
    await partiesForm.locator('input[name=party-2-name]').fill('县某劳务派遣公司');
    await screenshot(page, 'mediator-parties-form');
    await partiesForm.locator('[data-testid=save-parties]').click();
    await detail.getByText('县某劳务派遣公司（第三人）').waitFor();
    expect(await detail.locator('dd', { hasText: '周海（申请人）、县城某建材有限公司（被申请人）、县某劳务派遣公司（第三人）' }).count()).toBe(1);

    const appoint = page.locator('[data-testid=appoint-form]');
    await appoint.locator('select[name=mediatorId] option:nth-child(2)').waitFor({ state: 'attached' });
    await appoint.locator('select[name=mediatorId]').selectOption({ index: 1 });
    await appoint.locator('input[name=conflictOfInterestDeclared]').check();
    await appoint.locator('button[type=submit]').click();
    await page.locator('[data-testid=mediator-name]').waitFor();

    // Every party consents, one after the other; the first answer fixes the parties.
    for (let left = 3; left > 0; left--) {
      await page.locator('[data-testid=consent-yes]').first().click();
      await waitFor('the consent recorded', async () => (await page.locator('[data-testid=consent-yes]').count()) === left - 1, 10_000, 200);
    }
    expect(await page.locator('[data-testid=edit-parties]').count()).toBe(0);
    const schedule = page.locator('[data-testid=schedule-form]');
    await schedule.locator('input[name=location]').fill('县劳动争议调委会调解室');
    await schedule.locator('button[type=submit]').click();
    const session = page.locator('[data-testid=session-form]');
    await session.locator('textarea[name=record]').fill('双方陈述事实，调解员释法说理，双方同意按实际加班时长计算加班费。');
    await session.locator('button[type=submit]').click();

    const agreement = page.locator('[data-testid=agreement-form]');
    await agreement.locator('textarea[name=factsAndDispute]').fill('周海在该公司工作期间加班费未足额支付，双方对加班时长有争议。');
    await agreement.locator('textarea[name=responsibilities]').fill('公司未按规定支付加班费，负主要责任。');
    await agreement.locator('textarea[name=terms]').fill('公司于十日内支付周海加班费人民币六千元\n周海不再就该争议另行主张');
    await agreement.locator('input[name=manner]').fill('银行转账');
    await agreement.locator('input[name=deadline]').fill('2026-12-31');
    await screenshot(page, 'mediator-agreement-form');
    await agreement.locator('button[type=submit]').click();
    await page.locator('[data-testid=handoff-detail][data-status=CONCLUDED_AGREEMENT]').waitFor();
    expect(await page.locator('[data-testid=error]').count()).toBe(0);
    await screenshot(page, 'mediator-agreement-concluded');
    await context.close();
  });

  it('a supervisor issues a 督办单; the unit responds in writing and asks for more time; the supervisor accepts the response and approves the extension', async () => {
    const mine = await submitElsewhere({
      regionCode: places.village,
      categoryCode: 'wage_arrears',
      description: '在城关镇某工地务工四个月，工资拖欠至今未付，多次反映无果，请求督办。',
      petitioner: { name: '吴督办', phone: '13600001111' },
    });
    const operator = await signInAs(base, 'command_operator');
    await waitFor('the lead unit', async () => (await graphql<{ grievance: { leadUnit: unknown } }>(base, GRIEVANCE_QUERY, { code: mine.trackingCode }, operator)).data?.grievance.leadUnit, 60_000, 500);

    // The supervisor issues a listed notice to the lead unit (left empty: the service names it).
    const sup = await openPage(browser, base);
    await signInThroughUi(sup.page, 'supervisor');
    await sup.page.click('[data-testid=supervisor-tabs] [data-tab=notices]');
    const issue = sup.page.locator('[data-testid=issue-notice-form]');
    await issue.locator('input[name=trackingCode]').fill(mine.trackingCode);
    await issue.locator('select[name=level]').selectOption('JOINT_OFFICE');
    await issue.locator('textarea[name=demands]').fill('请于5个工作日内书面报告欠薪核查情况，并督促用工单位限期结清工资。');
    await issue.locator('input[name=respondWithinWorkingDays]').fill('5');
    await issue.locator('input[name=listed]').check();
    await issue.locator('input[name=fixWithinWorkingDays]').fill('10');
    const issued = `[data-testid=notice-list] [data-tracking-code="${mine.trackingCode}"]`;
    await submitUntil(sup.page, () => issue.locator('button[type=submit]').click(), issued, '[data-testid=issue-notice-form]', 'the notice issued');
    await sup.page.locator('[data-testid=notice-detail][data-state=ISSUED]').waitFor();
    expect(await sup.page.locator('[data-testid=notice-detail]').textContent()).toContain('挂牌督办');
    await screenshot(sup.page, 'supervisor-notice-issued');

    // The unit finds the notice on its workbench and answers it in writing.
    const unit = await openPage(browser, base);
    await signInThroughUi(unit.page, 'unit_staff');
    const notice = unit.page.locator(`[data-testid=unit-notices] [data-tracking-code="${mine.trackingCode}"]`);
    await notice.locator('[role=button]').click();
    const respond = notice.locator('[data-testid=respond-form]');
    await respond.locator('textarea[name=actions]').fill('已约谈用工单位负责人，核实欠薪四个月共计三万二千元。');
    await respond.locator('textarea[name=result]').fill('用工单位承诺十日内结清，本局将跟踪落实。');
    await respond.locator('button[type=submit]').click();
    await unit.page.locator(`[data-testid=unit-notices] [data-tracking-code="${mine.trackingCode}"][data-state=RESPONDED]`).waitFor();
    await screenshot(unit.page, 'unit-notice-responded');

    // The same unit accepts the assignment and asks for 10 more days on the handling deadline.
    const item = unit.page.locator(`[data-testid=inbox] [data-tracking-code="${mine.trackingCode}"]`);
    await item.waitFor({ timeout: 60_000 });
    await item.click();
    await unit.page.click('[data-testid=accept]');
    await unit.page.locator('[data-testid=assignment-detail][data-status=ACCEPTED]').waitFor();
    await unit.page.click('[data-testid=open-extension]');
    const ask = unit.page.locator('[data-testid=extension-form]');
    await ask.locator('input[name=extensionDays]').fill('10');
    await ask.locator('textarea[name=extensionReason]').fill('涉及多名工人工资核算，需调取用工单位账册。');
    await submitUntil(unit.page, () => ask.locator('button[type=submit]').click(), '[data-testid=extension][data-status=PENDING]', '[data-testid=extension-form]', 'the extension requested');
    const requestId = (await unit.page.locator('[data-testid=extension] code').textContent())!.trim();
    await screenshot(unit.page, 'unit-extension-requested');
    await unit.context.close();

    // The supervisor accepts the response, then approves the extension picked from the pending list.
    await sup.page.click('[data-testid=supervisor-tabs] [data-tab=extensions]');
    await sup.page.click('[data-testid=supervisor-tabs] [data-tab=notices]');
    await sup.page.locator(issued).click();
    await sup.page.locator('[data-testid=notice-detail][data-state=RESPONDED]').waitFor();
    expect(await sup.page.locator('[data-testid=notice-responses]').textContent()).toContain('三万二千元');
    await sup.page.click('[data-testid=accept-response]');
    await sup.page.locator('[data-testid=notice-detail][data-state=ACCEPTED]').waitFor();
    expect(await sup.page.locator('[data-testid=notice-responses] li[data-verdict=ACCEPTED]').count()).toBe(1);
    await screenshot(sup.page, 'supervisor-notice-accepted');

    await sup.page.click('[data-testid=supervisor-tabs] [data-tab=extensions]');
    // The unit's request waits in the supervisor's list of pending requests: picked there, not typed.
    const waiting = sup.page.locator(`[data-testid=pending-extensions] li[data-request-id="${requestId}"]`);
    await refreshUntil(sup.page, '[data-testid=refresh-extensions]', `[data-testid=pending-extensions] li[data-request-id="${requestId}"]`, 'the request listed');
    expect(await waiting.getAttribute('data-tracking-code')).toBe(mine.trackingCode);
    await waiting.locator('input[type=radio]').check();
    await sup.page.fill('textarea[name=decisionNote]', '同意延期10日。');
    await sup.page.click('[data-testid=approve-extension]');
    await sup.page.locator('[data-testid=extension-decision] [data-testid=extension][data-status=APPROVED]').waitFor();
    await screenshot(sup.page, 'supervisor-extension-approved');
    await sup.context.close();
  });

  it('a supervisor generates a bulletin and downloads its ledger as XLSX and as CSV', async () => {
    const { context, page } = await openPage(browser, base);
    await signInThroughUi(page, 'supervisor');
    await page.goto('/supervisor?tab=bulletins');
    // Today's daily bulletin, made now (an interim one: the day has not ended).
    await page.locator('select[name=bulletinKind]').selectOption('DAILY');
    await page.click('[data-testid=generate-bulletin-form] button[type=submit]');
    const row = page.locator('[data-testid=bulletin-list] tr[data-bulletin-id]').first();
    await row.waitFor();

    const xlsx = await downloadOf(page, () => row.locator('[data-testid=ledger-xlsx]').click());
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const csv = await downloadOf(page, () => row.locator('[data-testid=ledger-csv]').click());
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.subarray(3).toString('utf8').split('\r\n')[0]).toMatch(/^分组,代码,受理量,/);
    expect(await page.locator('[data-testid=error]').count()).toBe(0);
    await screenshot(page, 'supervisor-bulletins');
    await context.close();
  });

  it("a leader's reception day is scheduled, a grievance booked on it and the reception recorded with a promise", async () => {
    const mine = await submitElsewhere({
      regionCode: places.village,
      categoryCode: 'wage_arrears',
      description: '农民工工资被拖欠半年，要求面见领导反映情况。',
      petitioner: { name: '郑接访', phone: '13500002222' },
    });
    const leaderId = await userIdOf(base, 'leader');
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));

    // The supervisor puts the leader with a legal adviser (1+1) on tomorrow morning.
    const sup = await openPage(browser, base);
    await signInThroughUi(sup.page, 'supervisor');
    await sup.page.goto('/reception-days');
    const schedule = sup.page.locator('[data-testid=schedule-form]');
    await schedule.locator('input[name=day]').fill(tomorrow);
    await schedule.locator('select[name=slot]').selectOption('MORNING');
    await schedule.locator('input[name=capacity]').fill('3');
    // The leader is picked by name from the staff directory; the name and organisation follow.
    await schedule.locator(`select[name=leaderId] option[value="${leaderId}"]`).waitFor({ state: 'attached' });
    await schedule.locator('select[name=leaderId]').selectOption(leaderId);
    expect(await schedule.locator('input[name=orgCode]').inputValue()).toBe('town_330621101');
    await schedule.locator('input[name=leaderName]').fill('周涛');
    await schedule.locator('input[name=legalAdviserId]').fill('lawyer-zhang');
    await schedule.locator('input[name=legalAdviserName]').fill('张律师');
    await schedule.locator('button[type=submit]').click();
    await sup.page.locator(`[data-testid=reception-day][data-day="${tomorrow}"][data-slot=MORNING]`).waitFor();
    await screenshot(sup.page, 'supervisor-reception-scheduled');
    await sup.context.close();

    // The leader books the petitioner's grievance on the day and, after meeting, records it.
    const { context, page } = await openPage(browser, base);
    await signInThroughUi(page, 'leader');
    await page.click('a[href="/reception-days"]');
    const day = page.locator(`[data-testid=reception-day][data-day="${tomorrow}"][data-leader-id="${leaderId}"]`);
    await day.waitFor();
    await day.locator('input[name=bookTrackingCode]').fill(mine.trackingCode);
    const booked = `[data-testid=reception-day] li[data-tracking-code="${mine.trackingCode}"]`;
    await submitUntil(page, () => day.locator('[data-testid=book-form] button[type=submit]').click(), booked, '[data-testid=book-form]', 'the grievance booked');
    expect(await page.locator(booked).getAttribute('data-status')).toBe('BOOKED');
    await page.locator(`${booked} [data-testid=open-record]`).click();
    const record = page.locator(`${booked} [data-testid=record-form]`);
    await record.locator('input[name=whoReceived]').fill('郑接访');
    await record.locator('input[name=receivedPhone]').fill('13500002222');
    await record.locator('textarea[name=summary]').fill('信访人反映工资拖欠半年，要求尽快解决。');
    await record.locator('textarea[name=legalAdvice]').fill('可申请劳动保障监察，或依法申请劳动仲裁。');
    await record.locator('select[name=outcome]').selectOption('PROMISE_MADE');
    await record.locator('input[name=promise]').fill('十日内协调用工单位结清工资');
    await record.locator('input[name=promisedBy]').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 10 * 86_400_000)));
    await record.locator('button[type=submit]').click();
    await page.locator(`[data-testid=reception-day] li[data-tracking-code="${mine.trackingCode}"][data-status=RECEIVED] [data-testid=promise]`).waitFor();
    expect(await page.locator(`${booked} [data-testid=reception-record]`).textContent()).toContain('十日内协调用工单位结清工资');
    // Who was received is shown masked; the leader sees it in full only after giving a reason (audited).
    expect(await page.locator(`${booked} [data-testid=received-person]`).textContent()).toBe('郑*访 · 135****2222');
    await page.locator(`${booked} [data-testid=reveal-person]`).click();
    await page.locator(`${booked} [data-testid=reveal-form] input[name=revealReason]`).fill('回访核实承诺落实情况');
    await page.locator(`${booked} [data-testid=reveal-form] button[type=submit]`).click();
    expect(await page.locator(`${booked} [data-testid=revealed-person] strong`).textContent()).toBe('郑接访 · 13500002222');
    expect(await page.locator('[data-testid=error]').count()).toBe(0);
    await screenshot(page, 'leader-reception-recorded');
    await context.close();
  });

  it('a supervisor runs a public evaluation: opens it with a panel, records the votes and concludes with the opinion', async () => {
    const mine = await submitElsewhere({ regionCode: places.village, categoryCode: 'wage_arrears', description: '对欠薪处理结果有异议，申请公开评议。', petitioner: { name: '冯评议', phone: '13400003333' } });
    const { context, page } = await openPage(browser, base);
    await signInThroughUi(page, 'supervisor');
    await page.goto('/reception-days');
    const open = page.locator('[data-testid=open-evaluation-form]');
    await open.locator('input[name=evaluationTrackingCode]').fill(mine.trackingCode);
    await open.locator('textarea[name=matter]').fill('原处理意见“责令十日内结清工资”是否妥当');
    for (const [i, name] of ['王代表', '李委员', '陈律师'].entries()) await open.locator(`input[name=panel-${i}-name]`).fill(name);
    await open.locator('select[name=panel-2-kind]').selectOption('LAWYER');
    await submitUntil(page, () => open.locator('button[type=submit]').click(), '[data-testid=public-evaluation][data-status=OPEN]', '[data-testid=open-evaluation-form]', 'the evaluation opened');
    for (const [member, vote] of [['panel-1', 'SUPPORT'], ['panel-2', 'SUPPORT'], ['panel-3', 'OPPOSE']]) {
      await page.click(`[data-testid=public-evaluation] tr[data-evaluator-id=${member}] button[data-vote=${vote}]`);
      await page.locator(`[data-testid=public-evaluation] tr[data-evaluator-id=${member}] button`).first().waitFor({ state: 'detached' });
    }
    expect(await page.locator('[data-testid=tally]').textContent()).toContain('支持 2');
    await page.click('[data-testid=conclude-evaluation]');
    await page.locator('[data-testid=public-evaluation][data-status=CONCLUDED] [data-testid=evaluation-opinion][data-opinion=HANDLING_SUPPORTED]').waitFor();
    await screenshot(page, 'supervisor-public-evaluation');
    await context.close();
  });
  it('an administrator creates a user who then signs in, and adds a working-calendar override seen in the month view', async () => {
    const { context, page } = await openPage(browser, base);
    await signInThroughUi(page, 'administrator');
    await page.goto('/admin?tab=users');
    const form = page.locator('[data-testid=create-user-form]');
    await form.locator('input[name=username]').fill('clerk_qian');
    await form.locator('input[name=displayName]').fill('接访员 钱敏');
    await form.locator('select[name=role]').selectOption('RECEPTION_CLERK');
    await form.locator('select[name=orgCode] option[value=dept_petition]').waitFor({ state: 'attached' });
    await form.locator('select[name=orgCode]').selectOption('dept_petition');
    // A weak password is refused, and the page shows the policy's own words.
    await form.locator('input[name=initialPassword]').fill('short1');
    await form.locator('button[type=submit]').click();
    expect(await form.locator('[data-testid=error]').textContent()).toContain('12–128');
    const password = 'Qingchuan-2024-reception';
    await form.locator('input[name=initialPassword]').fill(password);
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=users] tr[data-username=clerk_qian][data-active=true]').waitFor();
    await screenshot(page, 'admin-user-created');

    const newcomer = await openPage(browser, base);
    await newcomer.page.goto('/login');
    await newcomer.page.fill('input[name=username]', 'clerk_qian');
    await newcomer.page.fill('input[name=password]', password);
    await newcomer.page.click('button[type=submit]');
    expect(await newcomer.page.locator('[data-testid=signed-in-as]').textContent()).toContain('钱敏');
    expect(new URL(newcomer.page.url()).pathname).toBe('/reception');
    await newcomer.context.close();

    // A Wednesday some weeks ahead, clear of the long national holidays, becomes a local day off.
    const day = new Date(Date.now() + 28 * 86_400_000);
    while (day.getUTCDay() !== 3 || [0, 1, 4, 9].includes(day.getUTCMonth())) day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    await page.goto('/admin?tab=calendar');
    const add = page.locator('[data-testid=add-override-form]');
    await add.locator('input[name=overrideDate]').fill(date);
    await add.locator('select[name=overrideKind]').selectOption('HOLIDAY');
    await add.locator('input[name=overrideNote]').fill('县庆放假一天');
    await add.locator('button[type=submit]').click();
    const cell = page.locator(`[data-testid=calendar-month][data-month="${date.slice(0, 7)}"] [data-date="${date}"][data-reason=OVERRIDE_HOLIDAY][data-workday=false]`);
    await cell.waitFor();
    expect(await cell.textContent()).toContain('县庆放假一天');
    await page.locator(`[data-testid=calendar-overrides] tr[data-date="${date}"] [data-action=remove-override]`).waitFor();
    await screenshot(page, 'admin-calendar-override');
    await context.close();
  });
});
