// What a run runs: the arguments of the server's `dmas.run` command ([uri, scenario or benchmark name?],
// as its code lenses carry them), and the scenarios and benchmarks of a file with their line ranges
// (for "run the one at the cursor"). No vscode API here.

/** The command the server's code lenses run (dsl.ide's RunLenses.RUN). */
export const RUN_COMMAND = 'dmas.run';

export interface RunRequest {
    /** The file's URI, as the editor and the server name it. */
    uri: string;
    /** One scenario or benchmark by its title, or undefined for the whole file. */
    name?: string;
}

/** A run request from `dmas.run`'s arguments, or the reason they name none. */
export function runRequestFromArgs(args: readonly unknown[] | undefined): RunRequest | string {
    const uri = args && args.length > 0 ? args[0] : undefined;
    if (typeof uri !== 'string' || uri === '') {
        return 'dmas.run takes the file\'s URI and, optionally, a scenario or benchmark name';
    }
    const name = args!.length > 1 ? args![1] : undefined;
    if (name !== undefined && name !== null && typeof name !== 'string') return 'dmas.run: the scenario name must be a string';
    return typeof name === 'string' ? { uri, name } : { uri };
}

/** `dmas.run`'s arguments for a request. */
export function runArguments(req: RunRequest): string[] {
    return req.name === undefined ? [req.uri] : [req.uri, req.name];
}

/** A label for a request: the file's name, and the scenario when there is one. */
export function describeRequest(req: RunRequest): string {
    const file = decodeURIComponent(req.uri.replace(/[?#].*$/, '').replace(/^.*\//, ''));
    return req.name === undefined ? file : `${file}: "${req.name}"`;
}

export interface Runnable {
    kind: 'scenario' | 'benchmark';
    /** The title as the server names it (escapes resolved). */
    name: string;
    /** 0-based lines of its keyword and its closing brace (the last line when unclosed). */
    startLine: number;
    endLine: number;
}

/**
 * The top-level scenarios and benchmarks of a .dmas text, read the way the language's lexer reads
 * it: `//` and block comments and strings (ending at their line) skipped, braces counted.
 */
export function runnables(text: string): Runnable[] {
    const found: Runnable[] = [];
    let depth = 0;
    let line = 0;
    let open: Runnable | undefined; // a top-level scenario/benchmark whose '{' is not yet closed
    let pending: { kind: Runnable['kind']; line: number; name?: string } | undefined;
    let i = 0;
    const n = text.length;
    const newline = (j: number): number => {
        // counts \n, \r\n and a bare \r (old Mac line ends) as one line end each
        if (text[j] === '\r') {
            line++;
            return text[j + 1] === '\n' ? j + 2 : j + 1;
        }
        line++;
        return j + 1;
    };
    while (i < n) {
        const c = text[i];
        if (c === '\n' || c === '\r') { i = newline(i); continue; }
        if (c === '/' && text[i + 1] === '/') {
            while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
            continue;
        }
        if (c === '/' && text[i + 1] === '*') {
            i += 2;
            while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
                if (text[i] === '\n' || text[i] === '\r') i = newline(i); else i++;
            }
            i += 2;
            continue;
        }
        if (c === '"' || c === '\'') {
            let j = i + 1;
            let value = '';
            while (j < n && text[j] !== c && text[j] !== '\n' && text[j] !== '\r') {
                if (text[j] === '\\' && text[j + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
                    value += String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16));
                    j += 6;
                } else if (text[j] === '\\' && j + 1 < n) {
                    value += unescape(text[j + 1]);
                    j += 2;
                } else {
                    value += text[j];
                    j++;
                }
            }
            if (text[j] === c) j++;
            if (pending && pending.name === undefined) pending.name = value;
            i = j;
            continue;
        }
        if (c === '{') {
            depth++;
            if (depth === 1 && pending && pending.name !== undefined) {
                open = { kind: pending.kind, name: pending.name, startLine: pending.line, endLine: pending.line };
                found.push(open);
            }
            pending = undefined;
            i++;
            continue;
        }
        if (c === '}') {
            if (depth === 1 && open) { open.endLine = line; open = undefined; }
            depth = Math.max(0, depth - 1);
            i++;
            continue;
        }
        if (/[A-Za-z_]/.test(c)) {
            let j = i + 1;
            while (j < n && /[\w-]/.test(text[j])) j++;
            const word = text.slice(i, j);
            if (depth === 0 && (word === 'scenario' || word === 'benchmark')) pending = { kind: word, line };
            i = j;
            continue;
        }
        i++;
    }
    if (open) open.endLine = line;
    return found;
}

function unescape(c: string): string {
    switch (c) {
        case 'n': return '\n';
        case 't': return '\t';
        case 'r': return '\r';
        case 'b': return '\b';
        case 'f': return '\f';
        default: return c;
    }
}

/** The scenario or benchmark whose lines hold `line` (0-based), or undefined (outside all of them). */
export function runnableAt(all: readonly Runnable[], line: number): Runnable | undefined {
    return all.find(r => line >= r.startLine && line <= r.endLine);
}
