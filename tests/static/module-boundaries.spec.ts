import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Lints a would-be file through the project's own ESLint config and returns the rule ids it breaks. */
function lint(filename: string, code: string): string[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', filename], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries (Nx tags scope:<service> / scope:shared)', () => {
  it('stops a service from importing another service', () => {
    const problems = lint('services/routing/src/probe.ts', "import { intakeService } from '../../intake/src/service';\nexport const x = intakeService;\n");
    expect(problems.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('stops a shared lib from importing a service', () => {
    const problems = lint('libs/contracts/src/probe.ts', "import { gatewayThing } from '../../../services/gateway/src/main';\nexport const x = gatewayThing;\n");
    expect(problems.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('lets a service import shared libs through their public entry', () => {
    expect(lint('services/routing/src/probe.ts', "import { GrievanceReceived } from '@yikouban/contracts';\nexport const x = GrievanceReceived;\n")).toEqual([]);
  });
});
