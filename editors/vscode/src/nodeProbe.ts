// The real machine for java discovery and the server's class path (fs and child_process; no vscode API).
import * as cp from 'child_process';
import * as fs from 'fs';
import { JavaProbe } from './java';

export const nodeProbe: JavaProbe = {
    isFile: p => { try { return fs.statSync(p).isFile(); } catch { return false; } },
    isDir: p => { try { return fs.statSync(p).isDirectory(); } catch { return false; } },
    readFile: p => { try { return fs.readFileSync(p, 'utf8'); } catch { return undefined; } },
    realpath: p => { try { return fs.realpathSync(p); } catch { return p; } },
    listDir: p => { try { return fs.readdirSync(p); } catch { return []; } },
    javaVersionOutput: java => {
        const r = cp.spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 10000 });
        return r.error ? undefined : `${r.stderr}${r.stdout}`;
    },
};
