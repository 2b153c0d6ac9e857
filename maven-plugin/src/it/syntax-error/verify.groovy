// A syntax error fails the build in `check` with file:line:col and the parser's message, no stack trace.
def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }

if (!log.contains('BUILD FAILURE')) fail('the build must fail')
if (!log.contains("[ERROR] src/main/dmas/bad.dmas:5:26: expected ')' after '4096', found 'dma'")) fail('file:line:col message')
if (!(log =~ /Failed to execute goal org\.dmaworkbench:dmas-maven-plugin:[^:]+:check \(default\) on project it-syntax-error: dmas: 1 error in the \.dmas files \(listed above\); first: src\/main\/dmas\/bad\.dmas:5:26: /)) {
    fail('check fails the build')
}
if (log =~ /--- dmas:[^:]+:(compile|run) /) fail('compile and run never start')
if (!(log =~ /--- dmas:[^:]+:check /)) fail('check ran')
if (log =~ /(?m)^\s+at [\w.$]+\(/ || log =~ /(?m)^\s+at [\w.$]+ \(/ || log.contains('Caused by') || log.contains('internal error')) fail('no stack trace')
if (new File(basedir, 'target/dmas-reports').exists()) fail('nothing was run')
return true
