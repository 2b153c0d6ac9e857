// A scenario whose expectation is not met fails the build in `run`, naming file:line and why.
import groovy.xml.XmlSlurper
def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }

if (!log.contains('BUILD FAILURE')) fail('the build must fail')
if (!(log =~ /(?m)^\[ERROR\] src\/test\/dmas\/broken\.dmas:10: \S.*$/)) fail('file:line: why in the log')
if (!log.contains('[ERROR]     in "a wrong expectation: the DMA is denied, not ok": dma dsa0 pasid kp write a len 64')) fail('the statement')
if (!(log =~ /Failed to execute goal org\.dmaworkbench:dmas-maven-plugin:[^:]+:run .*dmas: 1 failure \(1 of 2 scenarios failed\); first: src\/test\/dmas\/broken\.dmas:10: /)) {
    fail('MojoFailureException of the run goal')
}
if (log =~ /(?m)^\s+at [\w.$]+ ?\(/ || log.contains('Caused by')) fail('no stack trace')

// the reports are written before the build fails: CI shows the failure
def junit = new File(basedir, 'target/dmas-reports/TEST-src.test.dmas.broken.xml')
if (!junit.isFile()) fail('JUnit report of the failing file')
def suite = new XmlSlurper().parse(junit)
if (suite.@failures.text() != '1') fail('one failure in the suite')
if (!suite.testcase.failure.@message.text().startsWith('src/test/dmas/broken.dmas:10: ')) fail('failure message names file:line')
if (!new File(basedir, 'target/dmas-reports/dmas-report.html').isFile()) fail('html report')
if (new File(basedir, 'target/dmas/run.fingerprint').exists()) fail('a failed run leaves no fingerprint')
return true
