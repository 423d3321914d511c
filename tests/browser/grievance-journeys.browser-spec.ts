// The web UI end to end: the built system (tests/e2e/support) and headless Chromium driving the
// pages a citizen, an operator and a unit use. Screenshots go to test-artifacts/browser/.
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '@yikouban/testing';
import { demoPlaces } from '../e2e/support/demo-places';
import { DEMO_REGIONS } from '../../services/routing/src/directory/demo-county';
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

    const appoint = page.locator('[data-testid=appoint-form]');
    await appoint.locator('select[name=mediatorId] option:nth-child(2)').waitFor({ state: 'attached' });
    await appoint.locator('select[name=mediatorId]').selectOption({ index: 1 });
    await appoint.locator('input[name=conflictOfInterestDeclared]').check();
    await appoint.locator('button[type=submit]').click();
    await page.locator('[data-testid=mediator-name]').waitFor();

    // Both parties consent, one after the other.
    for (let left = 2; left > 0; left--) {
      await page.locator('[data-testid=consent-yes]').first().click();
      await waitFor('the consent recorded', async () => (await page.locator('[data-testid=consent-yes]').count()) === left - 1, 10_000, 200);
    }
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
});
