// Tokenizes text with the extension's TextMate grammar through vscode-textmate and Oniguruma, as VS Code does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmGrammar } from './paths';

export interface Token { text: string; scopes: string[] }

// eslint-disable-next-line @typescript-eslint/no-var-requires
const vsctm = require('vscode-textmate');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const oniguruma = require('vscode-oniguruma');

let loaded: Promise<(text: string) => Token[][]> | undefined;

/** A function from text to its lines' tokens (each with its scopes, outermost first). */
export function tokenizer(): Promise<(text: string) => Token[][]> {
    loaded ??= (async () => {
        const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
        await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
        const registry = new vsctm.Registry({
            onigLib: Promise.resolve({
                createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
                createOnigString: (s: string) => new oniguruma.OnigString(s),
            }),
            loadGrammar: async (scope: string) => scope === 'source.dmas'
                ? vsctm.parseRawGrammar(fs.readFileSync(tmGrammar, 'utf8'), tmGrammar) : null,
        });
        const grammar = await registry.loadGrammar('source.dmas');
        return (text: string) => {
            let state = vsctm.INITIAL;
            return text.split(/\r\n|\r|\n/).map(line => {
                const r = grammar.tokenizeLine(line, state);
                state = r.ruleStack;
                return r.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) =>
                    ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
            });
        };
    })();
    return loaded;
}
