import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFailure, findJava, JavaProbe, parseReleaseMajor, parseVersionOutput } from '../../src/java';

/** A machine made of a map from paths to file contents (folders are the prefixes), links, and java -version answers. */
function machine(files: Record<string, string>, links: Record<string, string> = {}, versions: Record<string, string> = {}): JavaProbe {
    const paths = Object.keys(files);
    return {
        isFile: p => p in files,
        isDir: p => paths.some(f => f.startsWith(p.endsWith('/') ? p : p + '/')),
        readFile: p => files[p],
        realpath: p => links[p] ?? p,
        listDir: p => [...new Set(paths.filter(f => f.startsWith(p + '/')).map(f => f.slice(p.length + 1).split('/')[0]))],
        javaVersionOutput: j => versions[j],
    };
}

function jdk(home: string, version: string): Record<string, string> {
    return { [`${home}/bin/java`]: '', [`${home}/release`]: `IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="${version}"\n` };
}

test('release files and java -version name the major version', () => {
    assert.equal(parseReleaseMajor('JAVA_VERSION="21.0.2"\n'), 21);
    assert.equal(parseReleaseMajor('IMPLEMENTOR="x"\nJAVA_VERSION="1.8.0_402"'), 8);
    assert.equal(parseReleaseMajor('JAVA_VERSION="25"'), 25);
    assert.equal(parseReleaseMajor('nothing'), undefined);
    assert.equal(parseVersionOutput('openjdk version "17.0.12" 2024-07-16\nOpenJDK Runtime Environment'), 17);
    assert.equal(parseVersionOutput('java version "1.8.0_231"'), 8);
    assert.equal(parseVersionOutput('openjdk version "24-ea" 2025-03-18'), 24);
});

test('dmas.java.home wins, and a wrong one is reported, not replaced', () => {
    const m = machine({ ...jdk('/opt/jdk21', '21.0.5'), ...jdk('/usr/lib/jvm/temurin-25', '25.0.1'), ...jdk('/opt/jdk17', '17.0.1') });
    const ok = findJava('/opt/jdk21', { JAVA_HOME: '/usr/lib/jvm/temurin-25' }, 'linux', m);
    assert.equal(ok.found?.home, '/opt/jdk21');
    assert.equal(ok.found?.java, '/opt/jdk21/bin/java');
    assert.equal(ok.found?.source, 'dmas.java.home');
    const old = findJava('/opt/jdk17', { JAVA_HOME: '/usr/lib/jvm/temurin-25' }, 'linux', m);
    assert.equal(old.found, undefined);
    assert.match(describeFailure(old), /dmas\.java\.home \(\/opt\/jdk17\): Java 17, older than 21/);
    const missing = findJava('/nowhere', {}, 'linux', m);
    assert.match(describeFailure(missing), /dmas\.java\.home \(\/nowhere\): no such folder/);
});

test('JAVA_HOME, then the java on the PATH (through its links), then the newest in /usr/lib/jvm', () => {
    const files = { ...jdk('/usr/lib/jvm/java-17-openjdk-amd64', '17.0.13'), ...jdk('/usr/lib/jvm/temurin-21-jdk', '21.0.4'),
        ...jdk('/usr/lib/jvm/temurin-25-jdk-amd64', '25.0.1'), '/usr/bin/java': '' };
    const links = { '/usr/bin/java': '/usr/lib/jvm/java-17-openjdk-amd64/bin/java' };
    const m = machine(files, links);
    assert.equal(findJava('', { JAVA_HOME: '/usr/lib/jvm/temurin-21-jdk', PATH: '/usr/bin' }, 'linux', m).found?.source, 'JAVA_HOME');
    // The machine's default java is 17 (as here): the usual folder's newest 21+ is taken, and the 17 is named as tried.
    const r = findJava(undefined, { PATH: '/usr/local/bin:/usr/bin' }, 'linux', m);
    assert.equal(r.found?.home, '/usr/lib/jvm/temurin-25-jdk-amd64');
    assert.equal(r.found?.major, 25);
    assert.deepEqual(r.tried.map(t => [t.source, t.problem]), [['PATH', 'Java 17, older than 21']]);
    // Nothing new enough anywhere: each old one is named once.
    const old = machine({ ...jdk('/usr/lib/jvm/java-17-openjdk-amd64', '17.0.13'), ...jdk('/usr/lib/jvm/java-11', '11.0.2'), '/usr/bin/java': '' }, links);
    const none = findJava(undefined, { PATH: '/usr/bin' }, 'linux', old);
    assert.equal(none.found, undefined);
    assert.deepEqual(none.tried.map(t => t.home), ['/usr/lib/jvm/java-17-openjdk-amd64', '/usr/lib/jvm/java-11']);
    const onPath = machine({ ...jdk('/opt/zulu21', '21.0.1'), '/usr/local/bin/java': '' }, { '/usr/local/bin/java': '/opt/zulu21/bin/java' });
    assert.equal(findJava(undefined, { PATH: '/usr/local/bin' }, 'linux', onPath).found?.home, '/opt/zulu21');
});

test('a home without a release file is asked with java -version', () => {
    const m = machine({ '/opt/j/bin/java': '' }, {}, { '/opt/j/bin/java': 'openjdk version "22.0.2" 2024-07-16' });
    assert.equal(findJava(undefined, { JAVA_HOME: '/opt/j' }, 'linux', m).found?.major, 22);
    const unknown = machine({ '/opt/k/bin/java': '' });
    assert.match(describeFailure(findJava(undefined, { JAVA_HOME: '/opt/k' }, 'linux', unknown)), /could not be read/);
});

test('no Java at all: the message says what to do', () => {
    const r = findJava(undefined, { PATH: '/usr/bin' }, 'linux', machine({}));
    assert.equal(r.found, undefined);
    const text = describeFailure(r);
    assert.match(text, /needs Java 21 or newer/);
    assert.match(text, /dmas\.java\.home/);
    assert.match(text, /JAVA_HOME/);
});

test('macOS and Windows JDK folders are searched', () => {
    const mac = machine(jdk('/Library/Java/JavaVirtualMachines/temurin-21.jdk/Contents/Home', '21.0.3'));
    assert.equal(findJava(undefined, {}, 'darwin', mac).found?.home, '/Library/Java/JavaVirtualMachines/temurin-21.jdk/Contents/Home');
    const winHome = 'C:\\Program Files\\Eclipse Adoptium\\jdk-21.0.3.9-hotspot';
    const win: JavaProbe = {
        isFile: p => p === `${winHome}\\bin\\java.exe`,
        isDir: p => p.startsWith('C:\\Program Files\\Eclipse Adoptium'),
        readFile: p => p.startsWith(winHome) && p.endsWith('release') ? 'JAVA_VERSION="21.0.3"' : undefined,
        realpath: p => p,
        listDir: p => p === 'C:\\Program Files\\Eclipse Adoptium' ? ['jdk-21.0.3.9-hotspot'] : [],
        javaVersionOutput: () => undefined,
    };
    const found = findJava(undefined, { ProgramFiles: 'C:\\Program Files' }, 'win32', win).found;
    assert.equal(found?.major, 21);
    assert.match(found!.java, /java\.exe$/);
});
