// Clean captures pass: one passing test case per device; unchanged captures are not checked again; -DskipTests skips.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }

if (log.count('BUILD SUCCESS') != 3) fail('three successful builds')
if (log.contains('[ERROR]') || log =~ /(?m)^\s+at [\w.$]+ ?\(/) fail('no error, no stack trace')
if (!(log =~ /dmas: \[1\/2\] src\/test\/dmas\/captures\/nic-nvme\.trace\.gz: [\d,]+ events, 2 devices: nothing found \(/)) fail('progress of the gz capture')
if (!(log =~ /dmas: \[2\/2\] src\/test\/dmas\/run-42\.trace: 4 events, 1 device: nothing found \(/)) fail('progress of the plain capture')
if (log.count('dmas: 2 files: 0 violations, 0 faults, 0 uncertain in ') != 1) fail('checked once (build 1)')
if (!log.contains('dmas: trace: 2 files unchanged since the last successful trace, nothing to do')) fail('up to date in build 2')
if (!log.contains('dmas: last trace: 2 files: 0 violations, 0 faults, 0 uncertain')) fail('the skipped goal repeats the summary')
if (!log.contains('dmas: trace skipped (skipTests)')) fail('-DskipTests skips trace')

def reports = new File(basedir, 'target/dmas-reports')
def suites = [
    'TEST-src.test.dmas.captures.nic-nvme.trace.gz.xml': ['src/test/dmas/captures/nic-nvme.trace.gz', ['0000:02:00.0', '0000:03:00.0'] as Set],
    'TEST-src.test.dmas.run-42.trace.xml'              : ['src/test/dmas/run-42.trace', ['0000:02:00.0'] as Set],
]
suites.each { name, expected ->
    def (file, devices) = expected
    def f = new File(reports, name)
    if (!f.isFile()) fail("missing target/dmas-reports/$name")
    def s = new XmlSlurper().parse(f)
    if (s.@tests.text() != "${devices.size()}" || s.@failures.text() != '0' || s.@errors.text() != '0') fail("$name: counts")
    if (s.testcase.collect { it.@name.text() } as Set != devices) fail("$name: one test case per device: " + s.testcase.collect { it.@name.text() })
    if (s.testcase.failure.size() != 0) fail("$name: no failure")
    if (s.properties.property.find { it.@name == 'dmas.capture' }.@value.text() != file) fail("$name: the dmas.capture property names the file")
}
def json = new JsonSlurper().parse(new File(reports, 'dmas-trace-report.json'))
if (json.format != 'dmas-trace-report' || json.exitCode != 0 || json.captures.size() != 2) fail('json report')
if (json.captures*.file != ['src/test/dmas/captures/nic-nvme.trace.gz', 'src/test/dmas/run-42.trace']) fail('file names relative to the project: ' + json.captures*.file)
def html = new File(reports, 'dmas-trace-report.html').text
if (!html.contains('No violations or faults') || !html.contains('<code>0000:03:00.0</code>')) fail('html report')
if (!new File(basedir, 'target/dmas/trace.fingerprint').isFile()) fail('fingerprint')
return true
