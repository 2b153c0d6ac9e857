// The same setup reports the language's own validation error (an unknown device) and fails the build.
def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }
if (!log.contains('BUILD FAILURE')) fail('the build must fail')
if (!(log =~ /(?m)^\[ERROR\].*unknown-device\.dmas.*$/)) fail('the file is named')
if (!log.contains('dsa9')) fail('the unknown device is named')
return true
