// org.eclipse.xtext:xtext-maven-plugin with DmasStandaloneSetup validates valid .dmas files and the build passes.
def log = new File(basedir, 'build.log').text
def fail = { String what -> throw new AssertionError(what + "\n----- build.log -----\n" + log) }
if (!log.contains('BUILD SUCCESS')) fail('the build must succeed')
if (!(log =~ /xtext:2\.42\.0:generate/)) fail('xtext-maven-plugin ran')
['merged.dmas', 'spr.dmas'].each { if (!log.contains("Validating: '$it'")) fail("$it validated") }
if (log.contains('[ERROR]')) fail('no error')
return true
