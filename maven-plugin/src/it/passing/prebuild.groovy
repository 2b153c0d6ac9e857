// Before the build: reports of other tools and a stale one of ours in target/dmas-reports, as a project that
// ran Surefire and an earlier dmas build (of a file since deleted) leaves them.
def reports = new File(basedir, 'target/dmas-reports')
reports.mkdirs()
new File(reports, 'TEST-com.acme.FooTest.xml').text = '''<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="com.acme.FooTest" tests="1" failures="0" errors="0" skipped="0"><testcase name="bar" classname="com.acme.FooTest" time="0.01"/></testsuite>
'''
new File(reports, 'TEST-src.test.dmas.gone.xml').text = '''<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="src.test.dmas.gone" tests="1" failures="0" errors="0" skipped="0">
  <properties><property name="dmas.file" value="src/test/dmas/gone.dmas"/></properties>
  <testcase name="old scenario" classname="src.test.dmas.gone" time="0"/>
</testsuite>
'''
new File(reports, 'notes.txt').text = 'kept\n'
return true
