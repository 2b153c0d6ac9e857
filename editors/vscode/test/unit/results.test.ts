import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { asReport, failures, Report, reportText, resultTree, summaryLine } from '../../src/results';

function step(line: number, text: string, expected: string | null, met: boolean | null, failure: string | null = null) {
    return { line, text, outcome: 'ok', value: null, fault: null, explanation: 'dsa0 read 64 bytes at 0xfffff000', expected, met, failure,
        findings: met === false ? [{ kind: 'stale-iotlb', line, message: 'stale IOTLB entry' }] : [], dmaDebug: [] as string[] };
}

const ran: Report = {
    exitCode: 1,
    summary: { scenarios: 2, scenariosPassed: 1, scenariosFailed: 1, expectations: 3, expectationsMet: 2, expectationsNotMet: 1,
        benchmarks: 1, benchmarksFailed: 0, errors: 0, warnings: 1 },
    diagnostics: [{ file: 'examples/x.dmas', line: 5, column: 14, severity: 'warning', message: 'never checked' }],
    files: [{
        file: 'examples/x.dmas',
        scenarios: [
            { name: 'good', file: 'examples/x.dmas', line: 3, platform: 'spr', passed: true, error: null, errorLine: null, expectations: 1, expectationsMet: 1,
                steps: [step(4, 'probe dsa0', null, null), step(5, 'dma dsa0 read a len 64 expect ok', 'ok', true)] },
            { name: 'bad', file: 'examples/x.dmas', line: 8, platform: 'spr', passed: false, error: 'line 11: kmalloc: too big', errorLine: 11,
                expectations: 2, expectationsMet: 1,
                steps: [step(9, 'dma dsa0 read a len 64 expect ok', 'ok', true), step(10, 'dma dsa0 read a len 64 expect fault', 'fault', false, 'expected fault, but the DMA completed')] },
        ],
        benchmarks: [{ name: 'latency', file: '/abs/y.dmas', line: 20, device: 'dsa0', passed: true, error: null, rows: [
            { policy: 'strict', ok: true, error: null, domain: 'DMA domain 2', avgMapUs: 0.4, mapStddevUs: 0, avgUnmapUs: 14, unmapStddevUs: 0 },
            { policy: 'kva-fast', ok: false, error: 'KVA refused for an untrusted device', domain: null, avgMapUs: null, mapStddevUs: null, avgUnmapUs: null, unmapStddevUs: null },
        ] }],
    }],
};

test('a run: file > scenarios (steps ✓ ✗ -) and benchmarks (a row per policy), each at its line', () => {
    const [file] = resultTree(ran, '/work');
    assert.equal(file.kind, 'file');
    assert.equal(file.label, 'x.dmas');
    assert.equal(file.status, 'failed');
    const [good, bad, bench] = file.children;
    assert.deepEqual([good.label, good.status, good.description], ['good', 'passed', '1/1 met']);
    assert.deepEqual(good.location, { file: '/work/examples/x.dmas', line: 3 });
    assert.deepEqual(good.children.map(s => [s.status, s.description]), [['none', 'ok'], ['passed', '✓ ok']]);
    assert.equal(bad.status, 'error');
    assert.equal(bad.description, '1/2 met, stopped');
    const failing = bad.children[1];
    assert.equal(failing.status, 'failed');
    assert.equal(failing.description, '✗ expected fault, but the DMA completed');
    assert.deepEqual(failing.location, { file: '/work/examples/x.dmas', line: 10 });
    assert.match(failing.tooltip!, /finding stale-iotlb: stale IOTLB entry/);
    assert.match(failing.tooltip!, /dsa0 read 64 bytes/);
    assert.deepEqual(bad.children[2].location, { file: '/work/examples/x.dmas', line: 11 });
    assert.equal(bench.kind, 'benchmark');
    assert.deepEqual(bench.location, { file: '/abs/y.dmas', line: 20 });
    assert.deepEqual(bench.children.map(r => [r.label, r.status]), [['strict', 'info'], ['kva-fast', 'warning']]);
    assert.match(bench.children[0].description!, /map 0\.4 µs, unmap 14\.0 µs/);
    assert.match(bench.children[1].description!, /refused: KVA refused/);
    assert.deepEqual(failures([file]).map(n => n.location?.line), [10, 11]);
});

test('invalid input (exit 2): the errors are the rows, at their lines', () => {
    const invalid: Report = { exitCode: 2, message: 'x.dmas: 1 error', files: [],
        diagnostics: [{ file: '/w/x.dmas', line: 7, column: 5, severity: 'error', message: 'unknown call kmaloc' },
            { file: '/w/x.dmas', line: 2, column: 1, severity: 'warning', message: 'a warning' }] };
    const rows = resultTree(invalid, '/elsewhere');
    assert.deepEqual(rows.map(r => [r.kind, r.label, r.description]), [['diagnostic', 'unknown call kmaloc', 'x.dmas:7']]);
    assert.deepEqual(rows[0].location, { file: '/w/x.dmas', line: 7 });
    assert.equal(summaryLine(invalid), 'invalid input: x.dmas: 1 error');
    const nothing = resultTree({ exitCode: 2, message: 'dmas.run: no file' }, '/w');
    assert.deepEqual(nothing.map(r => r.kind), ['error']);
});

test('the summary line and the output text', () => {
    assert.equal(summaryLine(ran), 'some expectations not met: 1/2 scenarios passed, 2/3 expectations met, 1/1 benchmarks ran');
    assert.equal(summaryLine({ exitCode: 0 }), 'every expectation met');
    const text = reportText(ran, '/work');
    assert.ok(text.includes('examples/x.dmas:5:14: warning: never checked'));
    assert.ok(text.includes('RUN examples/x.dmas:8 bad'));
    assert.ok(text.some(l => /^ {2}NOT examples\/x\.dmas:10 {2}dma dsa0 read a len 64 expect fault {2}✗ expected fault/.test(l)), text.join('\n'));
    assert.ok(text.includes('FAIL bad (1/2 met, stopped)'));
    assert.ok(text.includes('PASS good (1/1 met)'));
    assert.equal(text[text.length - 1], 'dmas run: ' + summaryLine(ran) + ' (exit 1)');
});

test('an answer that is not a report is refused', () => {
    assert.equal(asReport(null), undefined);
    assert.equal(asReport('x'), undefined);
    assert.equal(asReport({ files: [] }), undefined);
    assert.equal(asReport({ exitCode: 0 })?.exitCode, 0);
});
