// The cross-front-end corpus through the Maven plugin: exactly the diagnostics of expected-diagnostics.txt
// (the list dsl.ide's CorpusAcrossFrontEndsTest asserts for ./dmas, the editor and the language server), and the
// verdict: the check goal fails the build, nothing runs.
def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }

def expected = new File(basedir, 'expected-diagnostics.txt').readLines().findAll { it.trim() && !it.startsWith('#') }.collect {
    def m = (it =~ /^(.+?:\d+:\d+): (error|warning): (.*)$/)
    if (!m.matches()) fail('not a diagnostic line: ' + it)
    (m.group(2) == 'error' ? '[ERROR] ' : '[WARNING] ') + m.group(1) + ': ' + m.group(3)
}.sort()
def actual = log.readLines().findAll { it =~ /^\[(ERROR|WARNING)\] src\/\S+\.dmas:\d+:\d+: / }.sort()
if (actual != expected) {
    fail('diagnostics differ from expected-diagnostics.txt\nmissing: ' + (expected - actual).join('\n  ') + '\nunexpected: ' + (actual - expected).join('\n  '))
}
long errors = expected.count { it.startsWith('[ERROR]') }
if (!log.contains('BUILD FAILURE')) fail('an invalid file fails the build')
if (!log.contains("dmas: ${errors} errors in the .dmas files (listed above); first: ")) fail('the check goal names the error count')
if (new File(basedir, 'target/dmas-reports').exists()) fail('nothing runs when a file is invalid')
if (log =~ /(?m)^\s+at [\w.$]+ ?\(/ || log.contains('Caused by')) fail('no stack trace')
return true
