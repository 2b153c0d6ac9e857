// Captures with driver bugs fail the build in `trace`, naming file:line with the kernel's message; uncertain
// verdicts are warnings; the scenario goals' reports in the same folder are left alone.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }
def dir = new File(basedir, 'src/test/dmas/captures')
def lineOf = { String file, List<String> parts ->
    def lines = new File(dir, file).readLines()
    def i = lines.findIndexOf { l -> parts.every { l.contains(it) } }
    if (i < 0) fail("no line of $file with $parts")
    i + 1
}
def q = { String s -> java.util.regex.Pattern.quote(s) }

if (!log.contains('BUILD FAILURE')) fail('the build must fail')
if (!log.contains('dmas: 1 scenario (1 passed, 0 failed)')) fail('run passes first')
def size = lineOf('v6.18-phys.trace', ['dma_unmap_phys', 'ffffd000'])
def sizeMsg = "src/test/dmas/captures/v6.18-phys.trace:$size: violation: 0000:02:00.0: device driver frees DMA memory with different size [device address=0x00000000ffffd000]"
if (!log.contains("[ERROR] $sizeMsg")) fail('the violation with file:line and the kernel message')
if (!log.contains("[ERROR]     mapped at line ${lineOf('v6.18-phys.trace', ['dma_map_phys', 'ffffd000'])} (phy, DMA_TO_DEVICE, 1514 bytes")) fail('the event it conflicts with')
def write = lineOf('run-42.dmesg', ['fault addr 0xffd1d000'])
if (!log.contains("[ERROR] src/test/dmas/captures/run-42.dmesg:$write: fault: 0000:02:00.0: VT-d 0x05")) fail('the kernel-log fault')
if (!log.contains("[ERROR]     mapped at src/test/dmas/captures/run-42.trace:${lineOf('run-42.trace', ['dma_map_phys', 'ffd1d000'])} (DMA_TO_DEVICE")) {
    fail('the fault attributed to the capture of the same run')
}
def midRun = lineOf('lost-and-mid-run.trace', ['dma_unmap_page', 'fff80000'])
if (!log.contains("[WARNING] src/test/dmas/captures/lost-and-mid-run.trace:$midRun: uncertain: 0000:02:00.0: device driver tries to free DMA memory it has not allocated")) {
    fail('uncertain verdicts are warnings')
}
if (log =~ /(?m)^\[ERROR\] .*: uncertain: /) fail('no uncertain verdict at ERROR')

def reports = new File(basedir, 'target/dmas-reports')
def json = new JsonSlurper().parse(new File(reports, 'dmas-trace-report.json'))
if (json.exitCode != 1 || json.captures.size() != 4) fail('json report')
long v = json.captures*.violations.sum(), f = json.captures*.faults.sum()
if (v == 0 || f == 0) fail('violations and faults in the json report')
if (!(log =~ /Failed to execute goal org\.dmaworkbench:dmas-maven-plugin:[^:]+:trace .*dmas: $v violations and $f faults in the captures; first: src\/test\/dmas\/captures\/\S+:\d+: (violation|fault): /)) {
    fail('MojoFailureException of the trace goal with the counts and the first finding')
}
if (!log.contains('(report: target/dmas-reports/dmas-trace-report.html)')) fail('the report named')
if (log =~ /(?m)^\s+at [\w.$]+ ?\(/ || log.contains('Caused by')) fail('no stack trace')

def suite = new XmlSlurper().parse(new File(reports, 'TEST-src.test.dmas.captures.v6.18-phys.trace.xml'))
if (suite.@tests.text() != '2' || suite.@failures.text() != '2') fail('v6.18-phys: two devices, both failing')
def nic = suite.testcase.find { it.@name == '0000:02:00.0' }
if (!nic.failure.@message.text().startsWith(sizeMsg)) fail('failure message names file:line and the message: ' + nic.failure.@message.text())
def lost = new XmlSlurper().parse(new File(reports, 'TEST-src.test.dmas.captures.lost-and-mid-run.trace.xml'))
def nvme = lost.testcase.find { it.@name == '0000:03:00.0' }
if (nvme.failure.size() != 0 || !nvme.'system-out'.text().contains('not failures')) fail('only uncertain verdicts: the device passes, system-out says why')
// the scenario goals' reports share the folder: neither goal removes the other's
['TEST-src.test.dmas.merged.xml', 'dmas-report.html', 'dmas-report.json', 'dmas-trace-report.html'].each {
    if (!new File(reports, it).isFile()) fail("missing target/dmas-reports/$it")
}
if (new File(basedir, 'target/dmas/trace.fingerprint').exists()) fail('a failed trace leaves no fingerprint')
if (!new File(basedir, 'target/dmas/run.fingerprint').isFile()) fail('run passed: its fingerprint')
return true
