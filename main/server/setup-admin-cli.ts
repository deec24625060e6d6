import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { clockFromOption } from '../shared/clock-option.ts';
import { zodIssuesToFields } from '../core/api/registry.ts';
import { AppError } from '../core/api/errors.ts';
import { createAdminInputSchema } from '../core/setup/contract.ts';
import { createFirstAdmin } from '../core/setup/create-admin.ts';
import { databaseFile, defaultDataDir } from '../shared/data-dir.ts';
import { mkdirSync } from 'node:fs';
import { desktopText, pickLanguage } from '../shared/desktop-text.ts';

// `npm run setup-admin -- --data DIR --hall NAME --work-no A01 --name NAME`: the password is
// read from ONEWINDOW_ADMIN_PASSWORD or asked for, never taken from the command line.
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    hall: { type: 'string' },
    'work-no': { type: 'string' },
    name: { type: 'string' },
  },
});

const t = desktopText(pickLanguage(process.env.LC_ALL ?? process.env.LANG));
const rl = createInterface({ input: process.stdin, output: process.stdout });
const ask = async (value: string | undefined, question: string) => value ?? (await rl.question(question));

const hallName = await ask(values.hall, t('cli.hallName'));
const workNo = await ask(values['work-no'], t('cli.workNo'));
const name = await ask(values.name, t('cli.name'));
const password = process.env.ONEWINDOW_ADMIN_PASSWORD ?? (await rl.question(t('cli.password')));
rl.close();

const parsed = createAdminInputSchema.safeParse({ hallName, workNo, name, password });
if (!parsed.success) {
  for (const field of zodIssuesToFields(parsed.error.issues)) process.stderr.write(`${field.path}: ${field.key}\n`);
  process.exit(2);
}
// A training hall on a set clock dates its administrator on that clock too (docs/time.md).
const clockOption = clockFromOption(process.env.ONEWINDOW_CLOCK_START);
if ('error' in clockOption) {
  process.stderr.write(`${clockOption.error}\n`);
  process.exit(2);
}
const dataDir = resolve(values.data ?? process.env.ONEWINDOW_DATA ?? defaultDataDir());
mkdirSync(dataDir, { recursive: true });
const db = openDatabase(databaseFile(dataDir));
try {
  migrate(db);
  const { staff } = await createFirstAdmin(db, clockOption.clock, parsed.data);
  process.stdout.write(`${t('cli.created', { workNo: staff.workNo, dataDir })}\n`);
} catch (error) {
  if (error instanceof AppError) {
    process.stderr.write(`${error.apiError.messageKey}\n`);
    process.exit(2);
  }
  throw error;
} finally {
  closeDatabase(db);
}
