// `npm run migrate` / `npm run seed`: runs the command in each data service, one after another.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
if (!['migrate', 'seed'].includes(command)) {
  console.error('usage: run-service-command.mjs migrate|seed');
  process.exit(2);
}
for (const service of ['intake', 'routing', 'mediation', 'supervision', 'gateway']) {
  const r = spawnSync(process.execPath, ['-r', './scripts/register-paths.cjs', `dist/services/${service}/src/cli.js`, command], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${service}: ${command} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}
