import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { cdsArchiveName, MAIN_CLASS, serverClasspath, serverLaunch } from '../../src/serverCommand';
import { JavaFound } from '../../src/java';

const dirs: Record<string, string[]> = {
    '/ext/server': ['org.eclipse.xtext-2.42.0.jar', 'dmas-dsl-ide-0.1.0.jar', 'README.txt', 'dmas-dsl-0.1.0.jar'],
    '/checkout/empty': [],
};
const files = new Set(['/checkout/dsl/target/dmas-cli.jar', '/checkout/dsl.ide/target/dmas-dsl-ide.jar', '/checkout/notes.txt']);
const probe = { isFile: (p: string) => files.has(p), isDir: (p: string) => p in dirs, listDir: (p: string) => dirs[p] ?? [] };

test('the bundled server folder: all of its jars, sorted', () => {
    assert.deepEqual(serverClasspath([], '/ext/server', probe),
        { jars: ['/ext/server/dmas-dsl-0.1.0.jar', '/ext/server/dmas-dsl-ide-0.1.0.jar', '/ext/server/org.eclipse.xtext-2.42.0.jar'] });
    assert.deepEqual(serverClasspath(undefined, '/ext/server', probe).jars.length, 3);
});

test('dmas.server.classpath replaces it: jars and folders; a wrong entry is named', () => {
    assert.deepEqual(serverClasspath(['/checkout/dsl/target/dmas-cli.jar', ' /checkout/dsl.ide/target/dmas-dsl-ide.jar '], '/ext/server', probe),
        { jars: ['/checkout/dsl/target/dmas-cli.jar', '/checkout/dsl.ide/target/dmas-dsl-ide.jar'] });
    assert.match(serverClasspath(['/checkout/notes.txt'], '/ext/server', probe).problem!, /dmas\.server\.classpath: \/checkout\/notes\.txt is neither a jar nor a folder of jars/);
    assert.match(serverClasspath(['/checkout/empty'], '/ext/server', probe).problem!, /holds no jar/);
    assert.match(serverClasspath([], '/checkout/empty', probe).problem!, /the bundled server folder/);
});

const java21: JavaFound = { home: '/jdk21', java: '/jdk21/bin/java', major: 21, source: 'JAVA_HOME' };
const java25: JavaFound = { home: '/jdk25', java: '/jdk25/bin/java', major: 25, source: 'PATH' };

test('the command line is ./dmas lsp\'s: serial GC, the class path, DmasCli lsp; user options after ours', () => {
    const l = serverLaunch(java21, ['/a.jar', '/b.jar'], { extraOptions: ['-Xmx2g', ''], delimiter: ':' });
    assert.equal(l.command, '/jdk21/bin/java');
    assert.deepEqual(l.args, ['-XX:+UseSerialGC', '-Xmx2g', '-cp', '/a.jar:/b.jar', MAIN_CLASS, 'lsp']);
    assert.equal(MAIN_CLASS, 'org.dmaworkbench.dsl.cli.DmasCli');
});

test('JDK 24+ allows sun.misc.Unsafe; a CDS archive keeps its logging off stdout (the protocol stream)', () => {
    const l = serverLaunch(java25, ['/a.jar'], { cdsArchive: '/store/x.jsa', delimiter: ';' });
    assert.ok(l.args.includes('--sun-misc-unsafe-memory-access=allow'));
    assert.ok(!serverLaunch(java21, ['/a.jar']).args.includes('--sun-misc-unsafe-memory-access=allow'));
    const i = l.args.indexOf('-XX:SharedArchiveFile=/store/x.jsa');
    assert.ok(i >= 0);
    assert.ok(l.args.includes('-XX:+AutoCreateSharedArchive'));
    assert.ok(l.args.includes('-Xlog:cds=off') && l.args.includes('-Xlog:cds+dynamic=off'));
    assert.ok(i < l.args.indexOf('-cp'), 'JVM options come before the class path');
});

test('each Java and class path gets its own CDS archive name', () => {
    const a = cdsArchiveName(java21, ['/a.jar']);
    assert.match(a, /^dmas-server-java21-[0-9a-f]{8}\.jsa$/);
    assert.equal(a, cdsArchiveName(java21, ['/a.jar']));
    assert.notEqual(a, cdsArchiveName(java21, ['/b.jar']));
    assert.notEqual(a, cdsArchiveName({ ...java21, home: '/other' }, ['/a.jar']));
});
