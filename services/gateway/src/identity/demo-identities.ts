import type { Role } from '../auth/roles';

/**
 * The demo county's people (青川县, region 330621), one per staff role, and one external system.
 * Org codes are those of routing's demo directory. Passwords are public (README): the seed
 * refuses to create them in production, and sign-in refuses them there too.
 */
export interface DemoUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  orgCode: string;
  regionCode: string;
}

export interface DemoApiClient {
  clientId: string;
  secret: string;
  name: string;
  scopes: string[];
}

const COUNTY = '330621';
const CHENGGUAN = '330621101';

const user = (username: string, displayName: string, role: Role, orgCode: string, regionCode = COUNTY): DemoUser => ({
  username,
  password: `yikouban-demo-${username}`,
  displayName,
  role,
  orgCode,
  regionCode,
});

export const DEMO_USERS: readonly DemoUser[] = [
  user('clerk', '接访员 王芳 (reception clerk)', 'reception_clerk', 'dept_petition'),
  user('operator', '指挥中心值班员 李强 (command-centre operator)', 'command_operator', `command_${COUNTY}`),
  user('unit', '县人社局 张伟 (unit staff)', 'unit_staff', 'dept_human_resources'),
  user('court', '县人民法院 刘洋 (court)', 'court', `court_${COUNTY}`),
  user('procurator', '县人民检察院 陈静 (procuratorate)', 'procuratorate', `procuratorate_${COUNTY}`),
  user('police', '城关派出所 杨军 (police)', 'police', `ps_${CHENGGUAN}`, CHENGGUAN),
  user('mediator', '县劳动争议调委会 赵敏 (mediation committee)', 'mediation_committee', 'med_labour'),
  user('supervisor', '联席办督查专员 黄磊 (supervisor)', 'supervisor', `joint_office_${COUNTY}`),
  user('leader', '城关镇包案领导 周涛 (leader)', 'leader', `town_${CHENGGUAN}`, CHENGGUAN),
  user('admin', '系统管理员 吴昊 (administrator)', 'administrator', `command_${COUNTY}`),
];

export const DEMO_API_CLIENT: DemoApiClient = {
  clientId: 'demo-12345-platform',
  secret: 'yikouban-demo-12345-platform',
  name: '12345政务服务便民热线平台（演示） / 12345 hotline platform (demo)',
  scopes: ['grievance:write', 'grievance:read'],
};

const DEMO_SECRETS: ReadonlySet<string> = new Set([...DEMO_USERS.map((u) => u.password), DEMO_API_CLIENT.secret]);

/** True for a password or client secret published with the demo; production refuses them. */
export function isDemoSecret(secret: string): boolean {
  return DEMO_SECRETS.has(secret);
}
