// What the .vsix carries (target/dmas-vscode.vsix, made by vsce in the Maven build): the server jars, the compiled
// extension and its production dependencies, and every file package.json contributes; none of the sources or tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { packageDir } from '../paths';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const yauzl = require('yauzl');

const vsix = process.env.DMAS_VSIX ?? path.join(packageDir, 'target', 'dmas-vscode.vsix');
const entries = new Map<string, Buffer>();

before(async () => {
    assert.ok(fs.existsSync(vsix), `${vsix} exists (npm run package / the Maven build makes it)`);
    await new Promise<void>((resolve, reject) => {
        yauzl.open(vsix, { lazyEntries: true }, (err: Error | null, zip: any) => {
            if (err) return reject(err);
            zip.on('entry', (e: any) => {
                if (e.fileName.endsWith('/')) return zip.readEntry();
                zip.openReadStream(e, (e2: Error | null, s: NodeJS.ReadableStream) => {
                    if (e2) return reject(e2);
                    const chunks: Buffer[] = [];
                    s.on('data', (c: Buffer) => chunks.push(c));
                    s.on('end', () => { entries.set(e.fileName, Buffer.concat(chunks)); zip.readEntry(); });
                });
            });
            zip.on('end', () => resolve());
            zip.readEntry();
        });
    });
});

function manifest(): any {
    return JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
}

test('the server: the language server jars, DmasCli\'s and the ServiceLoader entry of dsl.ide among them', () => {
    const jars = [...entries.keys()].filter(n => /^extension\/server\/[^/]+\.jar$/.test(n));
    assert.ok(jars.some(j => /dmas-dsl-ide-.*\.jar$/.test(j)), jars.join(', '));
    assert.ok(jars.some(j => /dmas-dsl-[0-9].*\.jar$/.test(j)), jars.join(', '));
    assert.ok(jars.some(j => /dmas-runtime-.*\.jar$/.test(j)), jars.join(', '));
    assert.ok(jars.some(j => /org\.eclipse\.lsp4j-.*\.jar$/.test(j)), jars.join(', '));
    assert.ok(!jars.some(j => /junit|jqwik|jazzer|testing/.test(j)), `no test jars: ${jars.join(', ')}`);
    // The jars in the package are the jars the build put in server/ (what the server test ran).
    const local = fs.readdirSync(path.join(packageDir, 'server')).filter(n => n.endsWith('.jar')).sort();
    assert.deepEqual(jars.map(j => path.basename(j)).sort(), local);
});

test('every file package.json contributes is inside, and the entry point with its dependencies', () => {
    const m = manifest();
    const files = [m.main.replace(/^\.\//, '') + (m.main.endsWith('.js') ? '' : '.js'),
        ...m.contributes.languages.map((l: any) => l.configuration), ...m.contributes.grammars.map((g: any) => g.path),
        ...m.contributes.snippets.map((s: any) => s.path)].map((f: string) => 'extension/' + f.replace(/^\.\//, ''));
    for (const f of files) assert.ok(entries.has(f), `${f} in the vsix`);
    for (const f of files.filter(n => n.endsWith('.json') || n.endsWith('.code-snippets'))) JSON.parse(entries.get(f)!.toString('utf8'));
    assert.ok([...entries.keys()].some(n => n.startsWith('extension/node_modules/vscode-languageclient/')), 'vscode-languageclient is bundled');
    assert.equal(JSON.parse(entries.get('extension/syntaxes/dmas.tmLanguage.json')!.toString('utf8')).scopeName, m.contributes.grammars[0].scopeName);
    assert.ok(entries.has('extension.vsixmanifest'));
});

test('no sources, tests, dev dependencies or build output besides the extension', () => {
    const bad = [...entries.keys()].filter(n => /^extension\/(src|test|out\/test|target)\//.test(n) || /^extension\/node_modules\/(typescript|@vscode\/vsce|vscode-tmgrammar-test|@types)\//.test(n) || /\.ts$/.test(n) && !/\.d\.ts$/.test(n) || n === 'extension/pom.xml');
    assert.deepEqual(bad, []);
});

test('every command a menu or key names is declared, and the lenses\' dmas.run is left to the language client', () => {
    const m = manifest();
    const declared = new Set(m.contributes.commands.map((c: any) => c.command));
    const used = [...Object.values<any[]>(m.contributes.menus).flat().map(i => i.command), ...m.contributes.keybindings.map((k: any) => k.command)];
    assert.deepEqual(used.filter(c => !declared.has(c)), []);
    assert.ok(!declared.has('dmas.run'), 'vscode-languageclient registers dmas.run for the server: declaring it here would clash');
    assert.ok(m.activationEvents.includes('workspaceContains:**/*.dmas'));
    for (const key of ['dmas.java.home', 'dmas.java.options', 'dmas.server.classpath', 'dmas.trace.server']) {
        assert.ok(m.contributes.configuration.properties[key], key);
    }
});
