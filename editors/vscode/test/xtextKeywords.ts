// The keywords of an Xtext grammar: the quoted literals of its parser and enum rules (not of its terminal rules).
export function xtextKeywords(grammar: string): string[] {
    const text = grammar.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
    const words = new Set<string>();
    // A rule runs from its head (a name, or 'enum'/'terminal' NAME, at a line's start) to its ';'.
    const rule = /^(terminal\s+|enum\s+)?([A-Za-z_]\w*)(?:\s+returns\s+[\w:]+)?\s*:([\s\S]*?);\s*$/gm;
    let m: RegExpExecArray | null;
    while ((m = rule.exec(text)) !== null) {
        if (m[1]?.startsWith('terminal')) continue;
        for (const lit of m[3].matchAll(/'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"/g)) {
            const w = (lit[1] ?? lit[2]).replace(/\\(.)/g, '$1');
            if (w !== '') words.add(w);
        }
    }
    return [...words];
}
