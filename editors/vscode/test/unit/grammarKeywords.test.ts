// The TextMate grammar against the Xtext grammar it colours: every keyword of Dmas.xtext is coloured as a
// keyword (one token, the whole word), every word of the grammar's keyword lists is a keyword of Dmas.xtext
// (so neither can drift), no keyword is coloured inside a name, and the bundled examples' keywords are coloured.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { examplesDir, tmGrammar, xtextGrammar } from '../paths';
import { tokenizer, Token } from '../tokenize';
import { xtextKeywords } from '../xtextKeywords';

const KEYWORD_SCOPE = /^(keyword|storage\.type|constant\.language|support\.constant|punctuation)\./;

function keywordLists(): string[] {
    const g = JSON.parse(fs.readFileSync(tmGrammar, 'utf8'));
    const words: string[] = [];
    for (const [key, rule] of Object.entries<{ match?: string }>(g.repository)) {
        if (!key.startsWith('keywords-')) continue;
        const m = /\(\?:([^)]*)\)/.exec(rule.match ?? '');
        assert.ok(m, `${key} is an alternation of words`);
        words.push(...m[1].split('|'));
    }
    return words;
}

function scopesOf(t: Token): string {
    return t.scopes.slice(1).join(' ');
}

test('the Xtext grammar has the keywords this test expects to read', () => {
    const k = xtextKeywords(fs.readFileSync(xtextGrammar, 'utf8'));
    for (const w of ['platform', 'scenario', 'expect', 'stale-iotlb', 'DMA_TO_DEVICE', 'kva-strict', 'KiB', '{', '>=']) assert.ok(k.includes(w), w);
    assert.ok(!k.includes('0x'), 'terminal rules are not keywords');
    assert.ok(!k.includes('\\\\'), 'terminal rules are not keywords');
});

test('every Xtext keyword is coloured, as one token', async () => {
    const tokenize = await tokenizer();
    const missing: string[] = [];
    for (const k of xtextKeywords(fs.readFileSync(xtextGrammar, 'utf8'))) {
        const tokens = tokenize(k)[0].filter(t => t.text.trim() !== '');
        if (tokens.length !== 1 || tokens[0].text !== k || !tokens[0].scopes.slice(1).some(s => KEYWORD_SCOPE.test(s))) {
            missing.push(`${k} -> ${tokens.map(t => `${t.text}[${scopesOf(t)}]`).join(' ')}`);
        }
    }
    assert.deepEqual(missing, []);
});

test('every word the TextMate grammar colours as a keyword is an Xtext keyword', () => {
    const k = new Set(xtextKeywords(fs.readFileSync(xtextGrammar, 'utf8')));
    assert.deepEqual(keywordLists().filter(w => !k.has(w)), []);
});

test('a keyword inside a name is not one', async () => {
    const tokenize = await tokenizer();
    const words = xtextKeywords(fs.readFileSync(xtextGrammar, 'utf8')).filter(w => /^[A-Za-z_]\w*$/.test(w));
    const wrong: string[] = [];
    for (const w of words) {
        for (const name of [`x_${w}`, `${w}_x`, `${w}2`, `my${w}`]) {
            const tokens = tokenize(`probe ${name}`)[0].filter(t => t.text.trim() !== '');
            const named = tokens.slice(1);
            if (named.length !== 1 || named[0].text.trim() !== name || named[0].scopes.slice(1).some(s => KEYWORD_SCOPE.test(s))) {
                wrong.push(`${name} -> ${named.map(t => `${t.text}[${scopesOf(t)}]`).join(' ')}`);
            }
        }
    }
    assert.deepEqual(wrong, []);
});

test('the bundled examples: every keyword outside strings and comments is coloured, no name is split', async () => {
    const tokenize = await tokenizer();
    const keywords = new Set(xtextKeywords(fs.readFileSync(xtextGrammar, 'utf8')));
    const files = fs.readdirSync(examplesDir).filter(n => n.endsWith('.dmas')).map(n => path.join(examplesDir, n));
    files.push(...fs.readdirSync(path.join(examplesDir, 'platforms')).map(n => path.join(examplesDir, 'platforms', n)));
    assert.ok(files.length >= 12);
    const wrong: string[] = [];
    for (const f of files) {
        const text = fs.readFileSync(f, 'utf8');
        const lines = text.split(/\r\n|\r|\n/);
        tokenize(text).forEach((line, i) => {
            // A name is one token: no part of it coloured differently from the rest.
            let offset = 0;
            const spans = line.map(t => { const s = { start: offset, end: offset + t.text.length, scopes: scopesOf(t) }; offset = s.end; return s; });
            for (const m of lines[i].matchAll(/[A-Za-z_][\w-]*/g)) {
                const start = m.index!, end = start + m[0].length;
                const over = new Set(spans.filter(s => s.start < end && s.end > start).map(s => s.scopes));
                if (over.size > 1) wrong.push(`${path.basename(f)}:${i + 1}: ${m[0]} is split: ${[...over].join(' | ')}`);
            }
            for (const t of line) {
                const s = scopesOf(t);
                if (/string|comment/.test(s)) continue;
                const word = t.text.trim();
                if (keywords.has(word) && /^[\w-]+$/.test(word) && !t.scopes.slice(1).some(x => KEYWORD_SCOPE.test(x) || /^(variable|entity|support)\./.test(x))) {
                    wrong.push(`${path.basename(f)}:${i + 1}: ${word} [${s}]`);
                }
            }
        });
    }
    assert.deepEqual(wrong, []);
});
