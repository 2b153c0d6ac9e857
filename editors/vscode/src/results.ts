// The results JSON of `dmas.run` (dmas-report.json's content, schema dsl/src/main/resources/dmas-report.schema.json,
// plus exitCode and message) as a tree of rows for the results view, and as text for the output channel.
// No vscode API here.
import * as path from 'path';

export type Status = 'passed' | 'failed' | 'error' | 'warning' | 'info' | 'none';

export interface Location {
    /** Absolute path of the file. */
    file: string;
    /** 1-based line. */
    line: number;
}

export interface ResultNode {
    kind: 'summary' | 'diagnostic' | 'file' | 'scenario' | 'benchmark' | 'step' | 'error' | 'row';
    label: string;
    description?: string;
    tooltip?: string;
    status: Status;
    location?: Location;
    children: ResultNode[];
}

/* The parts of the report this file reads (every property is always present in the JSON; null where it does not apply). */
interface Fault { class: string; code: number | null; name: string | null }
interface Finding { kind: string | null; line: number; message: string | null }
interface Step {
    line: number; text: string | null; outcome: string | null; value: number | null; fault: Fault | null;
    explanation: string | null; expected: string | null; met: boolean | null; failure: string | null;
    findings: Finding[]; dmaDebug: string[];
}
interface Scenario {
    name: string | null; file: string | null; line: number; platform: string | null; passed: boolean;
    error: string | null; errorLine: number | null; expectations: number; expectationsMet: number; steps: Step[];
}
interface BenchRow {
    policy: string; ok: boolean; error: string | null; domain: string | null;
    avgMapUs: number | null; mapStddevUs: number | null; avgUnmapUs: number | null; unmapStddevUs: number | null;
}
interface Benchmark {
    name: string | null; file: string | null; line: number; device: string | null; passed: boolean; error: string | null; rows: BenchRow[];
}
interface Diagnostic { file: string; line: number; column: number; severity: string; message: string }
interface Summary {
    scenarios: number; scenariosPassed: number; scenariosFailed: number; expectations: number; expectationsMet: number;
    expectationsNotMet: number; benchmarks: number; benchmarksFailed: number; errors: number; warnings: number;
}
export interface Report {
    exitCode: number;
    message?: string;
    summary?: Summary;
    diagnostics?: Diagnostic[];
    files?: { file: string; scenarios: Scenario[]; benchmarks: Benchmark[] }[];
}

/** A report from the command's answer, or undefined when the answer is not one. */
export function asReport(answer: unknown): Report | undefined {
    if (typeof answer !== 'object' || answer === null) return undefined;
    const r = answer as Report;
    return typeof r.exitCode === 'number' ? r : undefined;
}

function resolve(file: string | null | undefined, baseDir: string): string | undefined {
    if (!file) return undefined;
    return path.isAbsolute(file) ? file : path.resolve(baseDir, file);
}

function at(file: string | undefined, line: number | null | undefined): Location | undefined {
    return file && line && line > 0 ? { file, line } : undefined;
}

/** What a run's exit code means, as ./dmas says it. */
export function verdict(report: Report): string {
    switch (report.exitCode) {
        case 0: return 'every expectation met';
        case 1: return 'some expectations not met';
        default: return report.message ? `invalid input: ${firstLine(report.message)}` : 'invalid input: nothing ran';
    }
}

function firstLine(s: string): string {
    return s.split('\n')[0];
}

/** One line for a status bar or a notification: the verdict and the counts. */
export function summaryLine(report: Report): string {
    const s = report.summary;
    if (!s) return verdict(report);
    const parts: string[] = [];
    if (s.scenarios > 0) parts.push(`${s.scenariosPassed}/${s.scenarios} scenarios passed`);
    if (s.expectations > 0) parts.push(`${s.expectationsMet}/${s.expectations} expectations met`);
    if (s.benchmarks > 0) parts.push(`${s.benchmarks - s.benchmarksFailed}/${s.benchmarks} benchmarks ran`);
    if (s.errors > 0) parts.push(`${s.errors} error${s.errors === 1 ? '' : 's'}`);
    return parts.length === 0 ? verdict(report) : `${verdict(report)}: ${parts.join(', ')}`;
}

function stepStatus(step: Step): Status {
    return step.met === false ? 'failed' : step.met === true ? 'passed' : 'none';
}

function stepDescription(step: Step): string {
    if (step.met === false) return `✗ ${step.failure ?? `expected ${step.expected}`}`;
    if (step.met === true) return `✓ ${step.expected}`;
    return step.fault ? `fault ${step.fault.class}` : step.value !== null ? `= ${step.value}` : (step.outcome ?? '');
}

function stepTooltip(step: Step): string {
    const lines: string[] = [];
    if (step.text) lines.push(step.text);
    if (step.expected !== null) lines.push(`expected: ${step.expected}${step.met === true ? ' (met)' : step.met === false ? ' (not met)' : ''}`);
    if (step.failure) lines.push(step.failure);
    if (step.fault) lines.push(`fault: ${step.fault.class}${step.fault.code !== null ? ` (code 0x${step.fault.code.toString(16)}${step.fault.name ? ` ${step.fault.name}` : ''})` : ''}`);
    if (step.explanation && step.explanation !== step.failure && !(step.failure ?? '').includes(step.explanation)) lines.push(step.explanation);
    for (const f of step.findings) lines.push(`finding ${f.kind}: ${f.message}`);
    for (const d of step.dmaDebug) lines.push(`dma-debug: ${d}`);
    return lines.join('\n');
}

function scenarioNode(s: Scenario, file: string | undefined): ResultNode {
    const steps: ResultNode[] = s.steps.map(step => ({
        kind: 'step',
        label: `${step.line}: ${step.text ?? ''}`,
        description: stepDescription(step),
        tooltip: stepTooltip(step),
        status: stepStatus(step),
        location: at(file, step.line),
        children: [],
    }));
    if (s.error) {
        steps.push({ kind: 'error', label: s.error, status: 'error', location: at(file, s.errorLine), tooltip: s.error, children: [] });
    }
    const counts = `${s.expectationsMet}/${s.expectations} met`;
    return {
        kind: 'scenario',
        label: s.name ?? '(scenario)',
        description: s.error ? `${counts}, stopped` : counts,
        tooltip: `scenario "${s.name}" on ${s.platform}: ${s.passed ? 'passed' : 'failed'}, ${counts}${s.error ? `\n${s.error}` : ''}`,
        status: s.error ? 'error' : s.passed ? 'passed' : 'failed',
        location: at(file, s.line),
        children: steps,
    };
}

function us(v: number | null): string {
    return v === null ? '-' : v.toFixed(1);
}

function benchmarkNode(b: Benchmark, file: string | undefined): ResultNode {
    const rows: ResultNode[] = b.rows.map(r => ({
        kind: 'row',
        label: r.policy,
        description: r.ok ? `map ${us(r.avgMapUs)} µs, unmap ${us(r.avgUnmapUs)} µs (sd ${us(r.unmapStddevUs)})` : `refused: ${r.error}`,
        tooltip: r.ok ? `${r.policy} through ${r.domain}: map ${us(r.avgMapUs)} ± ${us(r.mapStddevUs)} µs, unmap ${us(r.avgUnmapUs)} ± ${us(r.unmapStddevUs)} µs` : `${r.policy}: ${r.error}`,
        status: r.ok ? 'info' : 'warning',
        location: at(file, b.line),
        children: [],
    }));
    if (b.error) rows.push({ kind: 'error', label: b.error, status: 'error', location: at(file, b.line), children: [] });
    return {
        kind: 'benchmark',
        label: b.name ?? '(benchmark)',
        description: b.passed ? `${b.rows.length} policies on ${b.device}` : 'did not run',
        status: b.passed ? 'passed' : 'error',
        location: at(file, b.line),
        children: rows,
    };
}

/**
 * The rows of the results view: the input's problems when nothing ran (exit 2), else one row per
 * file with its scenarios (their steps: met ✓, not met ✗, without expectation) and benchmarks (a row
 * per policy). Each row that has a place in a file carries it (a click opens that line).
 */
export function resultTree(report: Report, baseDir: string): ResultNode[] {
    const nodes: ResultNode[] = [];
    const errors = (report.diagnostics ?? []).filter(d => d.severity === 'error');
    for (const d of report.exitCode === 2 ? errors : []) {
        const file = resolve(d.file, baseDir);
        nodes.push({
            kind: 'diagnostic',
            label: d.message,
            description: `${file ? path.basename(file) : d.file}:${d.line}`,
            tooltip: `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`,
            status: 'error',
            location: at(file, d.line),
            children: [],
        });
    }
    if (report.exitCode === 2 && nodes.length === 0) {
        nodes.push({ kind: 'error', label: verdict(report), tooltip: report.message, status: 'error', children: [] });
    }
    for (const f of report.files ?? []) {
        const file = resolve(f.file, baseDir);
        const children = [
            ...f.scenarios.map(s => scenarioNode(s, resolve(s.file, baseDir) ?? file)),
            ...f.benchmarks.map(b => benchmarkNode(b, resolve(b.file, baseDir) ?? file)),
        ];
        const failed = children.some(c => c.status === 'failed' || c.status === 'error');
        nodes.push({
            kind: 'file',
            label: file ? path.basename(file) : f.file,
            description: file ? path.dirname(file) : undefined,
            status: failed ? 'failed' : 'passed',
            location: file ? { file, line: 1 } : undefined,
            children,
        });
    }
    return nodes;
}

/** Every failing step and stopped scenario, in order: what a user wants to go through first. */
export function failures(nodes: readonly ResultNode[]): ResultNode[] {
    const out: ResultNode[] = [];
    const walk = (n: ResultNode) => {
        if ((n.kind === 'step' && n.status === 'failed') || n.kind === 'error' || n.kind === 'diagnostic') out.push(n);
        n.children.forEach(walk);
    };
    nodes.forEach(walk);
    return out;
}

function where(loc: Location | undefined, baseDir: string): string {
    if (!loc) return '';
    const rel = path.relative(baseDir, loc.file);
    return `${rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : loc.file}:${loc.line}`;
}

/** The run as text for the output channel, in the layout of `./dmas run --quiet` plus every step's verdict. */
export function reportText(report: Report, baseDir: string): string[] {
    const out: string[] = [];
    for (const d of report.diagnostics ?? []) out.push(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
    if (report.exitCode === 2 && report.message) out.push(...report.message.split('\n'));
    for (const fileNode of resultTree(report, baseDir).filter(n => n.kind === 'file')) {
        for (const n of fileNode.children) {
            out.push(`RUN ${where(n.location, baseDir)} ${n.label}`);
            for (const c of n.children) {
                const mark = c.kind === 'row' ? '   ' : c.status === 'failed' ? 'NOT' : c.status === 'passed' ? 'ok ' : c.kind === 'error' ? 'ERR' : '-  ';
                out.push(`  ${mark} ${where(c.location, baseDir)}  ${c.kind === 'step' ? c.label.replace(/^\d+: /, '') : c.label}${c.description ? `  ${c.description}` : ''}`);
            }
            const verdictWord = n.status === 'passed' ? 'PASS' : n.kind === 'benchmark' && n.status !== 'error' ? 'DONE' : 'FAIL';
            out.push(`${verdictWord} ${n.label} (${n.description})`);
        }
    }
    out.push(`dmas run: ${summaryLine(report)} (exit ${report.exitCode})`);
    return out;
}
