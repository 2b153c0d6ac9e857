// An unchanged file set with unchanged parameters is not checked, compiled or run again.
def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }

def count = { String s -> log.count(s) }
if (count('BUILD SUCCESS') != 3) fail('three successful builds')
if (count('dmas: checked 2 files: 0 errors, 0 warnings') != 1) fail('checked once')
if (count('dmas: compiled 1 file to target/dmas') != 1) fail('compiled once')
if (count('dmas: [2/2] src/test/dmas/merged.dmas: 1 scenario passed') != 2) fail('run in builds 1 and 3 only')
if (count('dmas: check: 2 files unchanged since the last successful check, nothing to do') != 2) fail('check up to date in builds 2 and 3')
if (count('dmas: compile: 1 file unchanged since the last successful compile, nothing to do') != 2) fail('compile up to date in builds 2 and 3')
if (count('dmas: run: 2 files unchanged since the last successful run, nothing to do') != 1) fail('run up to date in build 2')
if (!log.contains('dmas: last run: 1 scenario (1 passed, 0 failed)')) fail('the skipped run repeats the last summary')
def fp = new File(basedir, 'target/dmas/run.fingerprint')
if (!fp.isFile() || !(fp.text =~ /(?m)^fingerprint=[0-9a-f]{64}$/)) fail('fingerprint file')
return true
