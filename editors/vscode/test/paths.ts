// Where the tests find the repository's files (the package is editors/vscode of the repository).
import * as path from 'node:path';

/** editors/vscode (tests run from out/test/...). */
export const packageDir = path.resolve(__dirname, '..', '..');
export const repoDir = path.resolve(packageDir, '..', '..');
export const examplesDir = path.join(repoDir, 'examples');
export const xtextGrammar = path.join(repoDir, 'dsl', 'src', 'main', 'java', 'org', 'dmaworkbench', 'dsl', 'Dmas.xtext');
export const tmGrammar = path.join(packageDir, 'syntaxes', 'dmas.tmLanguage.json');
