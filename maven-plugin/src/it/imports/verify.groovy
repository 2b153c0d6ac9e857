// Imports across files (a relative path) and across a dependency (classpath: from the platform-lib jar).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }

if (!log.contains('BUILD SUCCESS')) fail('the build must succeed')
if (!log.contains('dmas: checked 1 file: 0 errors, 0 warnings')) fail('the library checks its own platform file')
if (!log.contains('dmas: checked 3 files: 0 errors, 0 warnings')) fail('the scenarios module checks its files')
def json = new JsonSlurper().parse(new File(basedir, 'scenarios/target/dmas-reports/dmas-report.json'))
if (json.summary.scenarios != 2 || json.summary.scenariosPassed != 2) fail('both scenarios ran and passed: ' + json.summary)
def files = json.files*.file
if (files != ['src/test/dmas/cases/from-jar.dmas', 'src/test/dmas/cases/relative.dmas', 'src/test/dmas/shared/arm.dmas']) fail('files: ' + files)
if (log.contains('[ERROR]') || log.contains('[WARNING] src/')) fail('no diagnostics')
return true
