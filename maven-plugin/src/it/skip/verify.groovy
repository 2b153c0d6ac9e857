// -Ddmas.skip=true skips every goal.
def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }

if (!log.contains('BUILD SUCCESS')) fail('the build must succeed')
['check', 'compile', 'run', 'trace'].each { if (!log.contains("dmas: $it skipped (dmas.skip)")) fail("$it skipped") }
if (new File(basedir, 'target/dmas-reports').exists() || new File(basedir, 'target/dmas').exists()) fail('nothing written')
return true
