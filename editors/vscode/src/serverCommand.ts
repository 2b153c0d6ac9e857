// The language server's command line: the Java found, the server's jars (the bundled ones or the
// dmas.server.classpath setting), the JVM options ./dmas lsp uses, and the same main class and command.
import * as path from 'path';
import { JavaFound } from './java';

/** The main class and command of `./dmas lsp` (dsl's DmasCli finds the server of dsl.ide as a ServiceLoader service). */
export const MAIN_CLASS = 'org.dmaworkbench.dsl.cli.DmasCli';
export const SERVER_COMMAND = 'lsp';

export interface ClasspathProbe {
    isFile(p: string): boolean;
    isDir(p: string): boolean;
    listDir(p: string): string[];
}

export interface Classpath {
    jars: string[];
    problem?: string;
}

/**
 * The jars of the server: each entry of the setting is a jar or a folder (all of its jars, sorted);
 * an empty setting means the extension's own `server/` folder.
 */
export function serverClasspath(setting: string[] | undefined, bundledDir: string, probe: ClasspathProbe): Classpath {
    const entries = (setting ?? []).map(s => s.trim()).filter(s => s !== '');
    const fromSetting = entries.length > 0;
    const jars: string[] = [];
    for (const entry of fromSetting ? entries : [bundledDir]) {
        if (probe.isDir(entry)) {
            const inDir = probe.listDir(entry).filter(n => n.endsWith('.jar')).sort().map(n => path.join(entry, n));
            if (inDir.length === 0) return { jars, problem: `${describe(fromSetting)} ${entry} holds no jar` };
            jars.push(...inDir);
        } else if (probe.isFile(entry) && entry.endsWith('.jar')) {
            jars.push(entry);
        } else {
            return { jars, problem: `${describe(fromSetting)} ${entry} is neither a jar nor a folder of jars` };
        }
    }
    return { jars };
}

function describe(fromSetting: boolean): string {
    return fromSetting ? 'dmas.server.classpath:' : 'the bundled server folder';
}

export interface ServerLaunch {
    command: string;
    args: string[];
}

export interface LaunchOptions {
    /** dmas.java.options, after ours (so a user's option wins). */
    extraOptions?: string[];
    /** A class-data-sharing archive to create on first start and use afterwards (faster start), or none. */
    cdsArchive?: string;
    /** The class path separator (path.delimiter of the platform). */
    delimiter?: string;
}

/** `java [options] -cp JARS org.dmaworkbench.dsl.cli.DmasCli lsp`, as ./dmas lsp starts the server. */
export function serverLaunch(java: JavaFound, jars: string[], opts: LaunchOptions = {}): ServerLaunch {
    const args = ['-XX:+UseSerialGC'];
    // Guice and Xtext still use sun.misc.Unsafe; JDK 24+ warns about it on every start unless allowed.
    if (java.major >= 24) args.push('--sun-misc-unsafe-memory-access=allow');
    if (opts.cdsArchive) {
        // -Xlog off: the JVM logs to stdout, which is the protocol's stream.
        args.push(`-XX:SharedArchiveFile=${opts.cdsArchive}`, '-XX:+AutoCreateSharedArchive', '-Xlog:cds=off', '-Xlog:cds+dynamic=off');
    }
    args.push(...(opts.extraOptions ?? []).filter(o => o.trim() !== ''));
    args.push('-cp', jars.join(opts.delimiter ?? path.delimiter), MAIN_CLASS, SERVER_COMMAND);
    return { command: java.java, args };
}

/** A file name for the CDS archive of one Java and one class path (another JDK or server gets its own). */
export function cdsArchiveName(java: JavaFound, jars: string[]): string {
    let h = 0x811c9dc5;
    for (const c of [java.home, ...jars].join('\n')) {
        h ^= c.charCodeAt(0);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return `dmas-server-java${java.major}-${h.toString(16).padStart(8, '0')}.jsa`;
}
