// Finding a Java 21+ to run the language server: the dmas.java.home setting, JAVA_HOME, `java` on the PATH,
// then the usual JDK folders. No vscode API here (tested with node:test); the file system comes in as a probe.
import * as path from 'path';

/** The oldest Java release the server runs on (Xtext 2.42 and the build's --release 21). */
export const MIN_JAVA = 21;

/** What java discovery may ask of the machine. */
export interface JavaProbe {
    isFile(p: string): boolean;
    isDir(p: string): boolean;
    readFile(p: string): string | undefined;
    /** The target of links, or p itself. */
    realpath(p: string): string;
    listDir(p: string): string[];
    /** `java -version`'s output (it writes to stderr), or undefined when it cannot run. */
    javaVersionOutput(javaBin: string): string | undefined;
}

export interface JavaFound {
    home: string;
    java: string;
    major: number;
    /** Where it came from, for messages: "dmas.java.home", "JAVA_HOME", "PATH", or the folder searched. */
    source: string;
}

export interface JavaTried {
    source: string;
    home?: string;
    problem: string;
}

export interface JavaSearch {
    found?: JavaFound;
    tried: JavaTried[];
}

/** The major version in a JDK's `release` file (`JAVA_VERSION="21.0.2"`, `"1.8.0_402"` is 8). */
export function parseReleaseMajor(text: string): number | undefined {
    const m = /^JAVA_VERSION="([^"]+)"/m.exec(text);
    return m ? majorOf(m[1]) : undefined;
}

/** The major version in `java -version`'s output (`openjdk version "21.0.2" 2024-01-16`). */
export function parseVersionOutput(text: string): number | undefined {
    const m = /version "([^"]+)"/.exec(text);
    return m ? majorOf(m[1]) : undefined;
}

function majorOf(version: string): number | undefined {
    const parts = version.split(/[.+_-]/);
    const first = parseInt(parts[0], 10);
    if (isNaN(first)) return undefined;
    return first === 1 && parts.length > 1 ? parseInt(parts[1], 10) : first;
}

/** Paths as the platform writes them (tests run Windows and macOS cases anywhere). */
function paths(platform: string): path.PlatformPath {
    return platform === 'win32' ? path.win32 : path.posix;
}

function javaBinary(home: string, platform: string): string {
    return paths(platform).join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

/** A Java home's major version: its `release` file, else `java -version`. */
function majorOfHome(home: string, platform: string, probe: JavaProbe): number | undefined {
    const release = probe.readFile(paths(platform).join(home, 'release'));
    const fromRelease = release === undefined ? undefined : parseReleaseMajor(release);
    if (fromRelease !== undefined) return fromRelease;
    const out = probe.javaVersionOutput(javaBinary(home, platform));
    return out === undefined ? undefined : parseVersionOutput(out);
}

/** Checks one candidate home: found (Java 21+), or why not. */
export function checkHome(home: string, source: string, platform: string, probe: JavaProbe): JavaFound | JavaTried {
    const java = javaBinary(home, platform);
    if (!probe.isFile(java)) return { source, home, problem: `no ${paths(platform).relative(home, java)} in it` };
    const major = majorOfHome(home, platform, probe);
    if (major === undefined) return { source, home, problem: 'its Java version could not be read' };
    if (major < MIN_JAVA) return { source, home, problem: `Java ${major}, older than ${MIN_JAVA}` };
    return { home, java, major, source };
}

function isFound(r: JavaFound | JavaTried): r is JavaFound {
    return (r as JavaFound).java !== undefined;
}

/** The folders where JDKs are usually installed, per platform (each holds one folder per JDK). */
export function wellKnownRoots(platform: string, env: NodeJS.ProcessEnv): { root: string; suffix: string }[] {
    if (platform === 'darwin') {
        const roots = [{ root: '/Library/Java/JavaVirtualMachines', suffix: 'Contents/Home' }];
        if (env.HOME) roots.push({ root: path.posix.join(env.HOME, 'Library/Java/JavaVirtualMachines'), suffix: 'Contents/Home' });
        return roots;
    }
    if (platform === 'win32') {
        const pf = [env.ProgramFiles, env['ProgramW6432']].filter((p): p is string => !!p);
        const vendors = ['Java', 'Eclipse Adoptium', 'Microsoft', 'Zulu', 'Amazon Corretto', 'BellSoft'];
        return [...new Set(pf)].flatMap(p => vendors.map(v => ({ root: path.win32.join(p, v), suffix: '' })));
    }
    const roots = [{ root: '/usr/lib/jvm', suffix: '' }, { root: '/opt/java', suffix: '' }];
    if (env.HOME) roots.push({ root: path.posix.join(env.HOME, '.sdkman/candidates/java'), suffix: '' });
    return roots;
}

/**
 * Finds the Java that runs the server. An explicit dmas.java.home is the only candidate (a wrong
 * setting is reported, never silently replaced); otherwise JAVA_HOME, then `java` on the PATH, then the
 * newest Java 21+ in the usual folders.
 */
export function findJava(settingHome: string | undefined, env: NodeJS.ProcessEnv, platform: string, probe: JavaProbe): JavaSearch {
    const tried: JavaTried[] = [];
    if (settingHome && settingHome.trim() !== '') {
        const home = settingHome.trim();
        if (!probe.isDir(home)) return { tried: [{ source: 'dmas.java.home', home, problem: 'no such folder' }] };
        const r = checkHome(home, 'dmas.java.home', platform, probe);
        return isFound(r) ? { found: r, tried } : { tried: [r] };
    }
    const candidates: { home: string; source: string }[] = [];
    if (env.JAVA_HOME) candidates.push({ home: env.JAVA_HOME, source: 'JAVA_HOME' });
    const pathVar = env.PATH ?? env.Path ?? '';
    const exe = platform === 'win32' ? 'java.exe' : 'java';
    for (const dir of pathVar.split(platform === 'win32' ? ';' : ':')) {
        if (!dir) continue;
        const bin = paths(platform).join(dir, exe);
        if (!probe.isFile(bin)) continue;
        candidates.push({ home: paths(platform).dirname(paths(platform).dirname(probe.realpath(bin))), source: 'PATH' });
        break; // the java a shell would run
    }
    for (const c of candidates) {
        const r = checkHome(c.home, c.source, platform, probe);
        if (isFound(r)) return { found: r, tried };
        tried.push(r);
    }
    let best: JavaFound | undefined;
    for (const { root, suffix } of wellKnownRoots(platform, env)) {
        if (!probe.isDir(root)) continue;
        for (const name of probe.listDir(root).sort()) {
            const home = suffix ? paths(platform).join(root, name, suffix) : paths(platform).join(root, name);
            if (!probe.isDir(home) || !probe.isFile(javaBinary(home, platform))) continue;
            const r = checkHome(home, root, platform, probe);
            if (isFound(r)) {
                if (!best || r.major > best.major) best = r;
            } else if (!tried.some(t => t.home === home)) {
                tried.push(r);
            }
        }
    }
    return best ? { found: best, tried } : { tried };
}

/** The message when no Java 21+ was found: what was tried and how to fix it. */
export function describeFailure(search: JavaSearch): string {
    const what = search.tried.length === 0
        ? 'dmas.java.home is not set, JAVA_HOME is not set, and there is no java on the PATH or in the usual JDK folders'
        : search.tried.map(t => `${t.source}${t.home ? ` (${t.home})` : ''}: ${t.problem}`).join('; ');
    return `The DMA Scenario language server needs Java ${MIN_JAVA} or newer, and none was found. Tried: ${what}. `
        + `Install a JDK ${MIN_JAVA}+ (e.g. Temurin) and set "dmas.java.home" to its folder, or set JAVA_HOME.`;
}
