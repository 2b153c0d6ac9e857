// `npm ci` when node_modules does not hold what package-lock.json pins (first build, or the lock changed);
// otherwise nothing (a build with the same lock reuses node_modules). npm ci's flags: no install scripts (no
// package here needs one, and keytar's would fetch binaries from GitHub), no optional packages (only vsce's
// publishing helpers), no audit or funding requests.
'use strict';
const { createHash } = require('crypto');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const dir = path.resolve(__dirname, '..');
const lock = fs.readFileSync(path.join(dir, 'package-lock.json'));
const want = createHash('sha256').update(lock).update(process.version.split('.')[0]).digest('hex');
const stamp = path.join(dir, 'node_modules', '.dmas-npm-ci');
if (process.env.DMAS_NPM_CI !== 'always' && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) {
    console.log('node_modules matches package-lock.json: npm ci skipped');
    process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['ci', '--ignore-scripts', '--omit=optional', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
fs.writeFileSync(stamp, want);
