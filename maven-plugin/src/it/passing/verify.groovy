// A passing project: check, compile and run succeed; reports and compiled programs are written.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }

if (!log.contains('BUILD SUCCESS')) fail('the build must succeed')
if (!log.contains('dmas: checked 4 files: 0 errors, 2 warnings')) fail('check summary')
// warnings are logged as file:line:col: message, once per build (compile and run reuse check's load)
if (log.count('[WARNING] src/test/dmas/untrusted.dmas:8:14: dma_addr b from dma_map_single is unmapped') != 1) fail('warning logged once')
if (!log.contains('dmas: [1/4] checked src/main/dmas/bench.dmas')) fail('check progress')
if (!log.contains('dmas: compiled 2 files to target/dmas (2 changed)')) fail('compile summary')
if (!log.contains('dmas: [3/4] src/test/dmas/iommu/merged.dmas: 1 scenario passed')) fail('run progress')
if (!log.contains('dmas: slowest 4 runs:')) fail('slowest list')
if (!log.contains('dmas: 2 scenarios (2 passed, 0 failed)')) fail('run summary')
if (log =~ /(?m)^\s+at [\w.$]+ ?\(/ || log.contains('[ERROR]')) fail('no error, no stack trace')

def target = new File(basedir, 'target')
// compile: main sources only, mirroring the tree; the runtime's program format
['dmas/bench.json', 'dmas/platforms/spr.json'].each { if (!new File(target, it).isFile()) fail("missing target/$it") }
def program = new JsonSlurper().parse(new File(target, 'dmas/bench.json'))
if (program.kind != 'compiled-file' || program.content.benchmarks.size() != 2) fail('compiled program format')

// reports
def reports = new File(target, 'dmas-reports')
['dmas-report.json', 'dmas-report.html', 'TEST-src.test.dmas.iommu.merged.xml', 'TEST-src.test.dmas.untrusted.xml',
 'TEST-src.main.dmas.bench.xml'].each { if (!new File(reports, it).isFile()) fail("missing target/dmas-reports/$it") }
def json = new JsonSlurper().parse(new File(reports, 'dmas-report.json'))
if (json.summary.scenarios != 2 || json.summary.scenariosFailed != 0 || json.summary.benchmarks != 2) fail('json summary: ' + json.summary)
def junit = new XmlSlurper().parse(new File(reports, 'TEST-src.test.dmas.iommu.merged.xml'))
if (junit.@tests.text() != '1' || junit.@failures.text() != '0') fail('junit suite')
if (!new File(reports, 'dmas-report.html').text.contains('<svg')) fail('html chart')
// prebuild.groovy left other tools' files and a stale report of ours: only ours goes
if (!new File(reports, 'TEST-com.acme.FooTest.xml').text.contains('com.acme.FooTest')) fail("Surefire's TEST-com.acme.FooTest.xml must stay as it was")
if (new File(reports, 'notes.txt').text != 'kept\n') fail('a file the tool did not write must stay')
if (new File(reports, 'TEST-src.test.dmas.gone.xml').exists()) fail('the stale report of a file that no longer runs must go')
return true
