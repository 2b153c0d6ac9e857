import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { describeRequest, runArguments, runnableAt, runnables, runRequestFromArgs } from '../../src/runArgs';
import { examplesDir } from '../paths';

test('the lenses\' arguments: [uri] runs the file, [uri, name] one scenario', () => {
    assert.deepEqual(runRequestFromArgs(['file:///w/a.dmas']), { uri: 'file:///w/a.dmas' });
    assert.deepEqual(runRequestFromArgs(['file:///w/a.dmas', 'x y']), { uri: 'file:///w/a.dmas', name: 'x y' });
    assert.deepEqual(runRequestFromArgs(['file:///w/a.dmas', null]), { uri: 'file:///w/a.dmas' });
    assert.match(runRequestFromArgs([]) as string, /takes the file's URI/);
    assert.match(runRequestFromArgs(undefined) as string, /takes the file's URI/);
    assert.match(runRequestFromArgs([42]) as string, /takes the file's URI/);
    assert.match(runRequestFromArgs(['file:///a.dmas', 3]) as string, /must be a string/);
    assert.deepEqual(runArguments({ uri: 'u' }), ['u']);
    assert.deepEqual(runArguments({ uri: 'u', name: 'n' }), ['u', 'n']);
    assert.equal(describeRequest({ uri: 'file:///w/my%20dir/05-x.dmas', name: 'n' }), '05-x.dmas: "n"');
});

test('scenarios and benchmarks with their lines; braces in strings and comments do not count', () => {
    const text = [
        'import "platforms/spr.dmas" // scenario "not one" {',
        '/* benchmark "nor this" { */',
        'scenario "first \\"quoted\\" one" on spr {',
        '    cmdline "}"',
        '    repeat 2 {',
        '        probe dsa0 // }',
        '    }',
        '}',
        '',
        'benchmark \'second\' on spr {',
        '    device dsa0',
        '}',
        'scenario "unclosed" on spr {',
        '    probe dsa0',
    ].join('\r\n');
    const all = runnables(text);
    assert.deepEqual(all, [
        { kind: 'scenario', name: 'first "quoted" one', startLine: 2, endLine: 7 },
        { kind: 'benchmark', name: 'second', startLine: 9, endLine: 11 },
        { kind: 'scenario', name: 'unclosed', startLine: 12, endLine: 13 },
    ]);
    assert.equal(runnableAt(all, 5)?.name, 'first "quoted" one');
    assert.equal(runnableAt(all, 8), undefined);
    assert.equal(runnableAt(all, 0), undefined);
    assert.equal(runnableAt(all, 10)?.kind, 'benchmark');
});

test('every bundled example: one runnable per top-level scenario and benchmark line', () => {
    for (const f of fs.readdirSync(examplesDir).filter(n => n.endsWith('.dmas'))) {
        const text = fs.readFileSync(path.join(examplesDir, f), 'utf8');
        const heads = text.split('\n').map((l, i) => [l, i] as const).filter(([l]) => /^(scenario|benchmark) /.test(l)).map(([, i]) => i);
        assert.deepEqual(runnables(text).map(r => r.startLine), heads, f);
    }
});
