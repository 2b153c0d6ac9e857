// A kernel log with nothing readable fails the build with the one-line reason (./dmas trace's exit 2); left out by
// -Ddmas.captureIncludes, the rest passes.
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }

if (log.count('BUILD FAILURE') != 1 || log.count('BUILD SUCCESS') != 1) fail('build 1 fails, build 2 passes')
def why = 'src/test/dmas/boot.dmesg: nothing readable: no dma: or iommu: trace event and no IOMMU fault line in 2 lines'
if (!log.contains("[ERROR] dmas: $why")) fail('the one-line reason')
if (!(log =~ /Failed to execute goal org\.dmaworkbench:dmas-maven-plugin:[^:]+:trace .*dmas: 1 of 2 captures cannot be read; first: ${java.util.regex.Pattern.quote(why)}/)) {
    fail('MojoFailureException with the reason')
}
if (log =~ /(?m)^\s+at [\w.$]+ ?\(/ || log.contains('Caused by')) fail('no stack trace')
if (!log.contains('dmas: [1/1] src/test/dmas/run-42.trace: 4 events, 1 device: nothing found')) fail('build 2 checks only the .trace file')
def reports = new File(basedir, 'target/dmas-reports')
if (new File(reports, 'TEST-src.test.dmas.boot.dmesg.xml').exists()) fail('build 2 removed the report of the file it no longer checks')
if (!new File(reports, 'TEST-src.test.dmas.run-42.trace.xml').isFile()) fail('the report of the checked capture')
return true
