// A web host for e2e (Node): a school installation with one backup whose DB file has then been
// damaged, so the error screen and its restore can be driven in Chromium. The recovery key is left
// beside the data folder for the spec, as a person would have it on paper.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Installation } from '../../../electron/core/app/installation';
import { dispatch } from '../../../electron/core/api';
import { DB_FILE_NAME } from '../../../electron/core/db/open';
import { rendererDist } from '../../../electron/core/paths';
import { startHost } from '../../../electron/host/server';
import { PASSWORD } from '../support';

const dataDir = process.env.EDUCREDIT_DATA_DIR!;
const port = Number(process.env.PORT);

function must<T>(r: { ok: true; value: unknown } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

const setup = new Installation(dataDir);
const { recoveryKey } = must<{ recoveryKey: string }>(
  dispatch(setup, { route: 'setup.init', input: { mode: 'school', orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王建国', password: PASSWORD } } }),
);
const { session } = must<{ session: string }>(dispatch(setup, { route: 'auth.login', input: { username: 'admin', password: PASSWORD } }));
must(dispatch(setup, { route: 'backup.run', input: {}, session }));
setup.close();
writeFileSync(join(dirname(dataDir), `${port}-recovery-key.txt`), recoveryKey);
// Bytes inside the first page, past the cipher salt: the page no longer authenticates.
const fd = openSync(join(dataDir, DB_FILE_NAME), 'r+');
writeSync(fd, Buffer.alloc(256, 0x5a), 0, 256, 1024);
closeSync(fd);

const inst = new Installation(dataDir);
const host = await startHost({ inst, staticDir: rendererDist(), port });
console.log(`EduCredit damaged-data host: ${host.url}`);
