// `npm run web`: the web host. Data in $EDUCREDIT_DATA_DIR (default: the OS user-data folder),
// port $PORT (default 5179), 127.0.0.1 only.
import { Installation } from '../core/app/installation';
import { startBackupTimer } from '../core/backup/timer';
import { defaultDataDir, rendererDist } from '../core/paths';
import { startHost } from './server';

const dataDir = defaultDataDir();
const port = Number(process.env.PORT ?? 5179);
const inst = new Installation(dataDir);
const host = await startHost({ inst, staticDir: rendererDist(), port });
const timer = startBackupTimer(inst, (l) => console.error(l));
console.log(`EduCredit web host: ${host.url}  (data: ${dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    clearInterval(timer);
    void host.close().then(() => {
      inst.close();
      process.exit(0);
    });
  });
}
