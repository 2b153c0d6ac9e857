// The VS Code side of the DMA Scenario Workbench: starts the language server (the bundled jars, on a
// Java 21+), and runs scenarios through its `dmas.run` command, showing the results in an output channel
// and the results view. Logic that needs no VS Code lives in java.ts, serverCommand.ts, runArgs.ts, results.ts.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { describeFailure, findJava } from './java';
import { nodeProbe } from './nodeProbe';
import { asReport, failures, reportText, resultTree, summaryLine } from './results';
import { ResultsView } from './resultsView';
import { describeRequest, RUN_COMMAND, RunRequest, runArguments, runnableAt, runnables, runRequestFromArgs } from './runArgs';
import { cdsArchiveName, serverClasspath, serverLaunch } from './serverCommand';

let client: LanguageClient | undefined;
let runs: vscode.OutputChannel;
let results: ResultsView;
let lastRun: RunRequest | undefined;
let serverCwd = os.homedir();

const probe = nodeProbe;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    runs = vscode.window.createOutputChannel('DMA Scenario Runs');
    results = new ResultsView();
    context.subscriptions.push(
        runs,
        vscode.window.registerTreeDataProvider('dmas.results', results),
        vscode.commands.registerCommand('dmas.runFile', (uri?: vscode.Uri) => runFile(uri)),
        vscode.commands.registerCommand('dmas.runScenario', () => runScenarioAtCursor()),
        vscode.commands.registerCommand('dmas.rerun', () => lastRun ? run(lastRun) : runFile()),
        vscode.commands.registerCommand('dmas.showOutput', () => runs.show(true)),
        vscode.commands.registerCommand('dmas.clearResults', () => results.show([])),
        vscode.commands.registerCommand('dmas.restartServer', () => restart(context)),
        vscode.workspace.onDidChangeConfiguration(e => {
            if (['dmas.java.home', 'dmas.java.options', 'dmas.server.classpath'].some(k => e.affectsConfiguration(k))) {
                void vscode.window.showInformationMessage('DMA Scenario: restart the language server to use the new settings?', 'Restart')
                    .then(choice => choice === 'Restart' ? restart(context) : undefined);
            }
        }),
    );
    await start(context);
}

export async function deactivate(): Promise<void> {
    if (client) await client.stop();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
    if (client) {
        const old = client;
        client = undefined;
        await old.stop().catch(() => undefined);
    }
    await start(context);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
    const config = vscode.workspace.getConfiguration('dmas');
    const search = findJava(config.get<string>('java.home'), process.env, process.platform, probe);
    if (!search.found) {
        const message = describeFailure(search);
        runs.appendLine(message);
        // not awaited: activation must not wait for the user to dismiss the message
        void vscode.window.showErrorMessage(message, 'Open Settings').then(choice => {
            if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'dmas.java.home');
        });
        return;
    }
    const classpath = serverClasspath(config.get<string[]>('server.classpath'), context.asAbsolutePath('server'), {
        isFile: probe.isFile, isDir: probe.isDir, listDir: probe.listDir,
    });
    if (classpath.problem) {
        void vscode.window.showErrorMessage(`DMA Scenario: the language server cannot start: ${classpath.problem}.`);
        return;
    }
    const storage = context.globalStorageUri.fsPath;
    fs.mkdirSync(storage, { recursive: true });
    const launch = serverLaunch(search.found, classpath.jars, {
        extraOptions: config.get<string[]>('java.options'),
        cdsArchive: path.join(storage, cdsArchiveName(search.found, classpath.jars)),
    });
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    serverCwd = folder?.scheme === 'file' ? folder.fsPath : os.homedir();
    const serverOptions: ServerOptions = {
        command: launch.command, args: launch.args, transport: TransportKind.stdio, options: { cwd: serverCwd },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'dmas' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.dmas') },
        middleware: {
            // The server's code lenses run dmas.run; the client registered that command for the server: the
            // run goes through here so that its answer reaches the output channel and the results view.
            executeCommand: async (command, args, next) => {
                if (command !== RUN_COMMAND) return next(command, args);
                const req = runRequestFromArgs(args);
                if (typeof req === 'string') {
                    void vscode.window.showErrorMessage(req);
                    return undefined;
                }
                return run(req);
            },
        },
    };
    client = new LanguageClient('dmas', 'DMA Scenario Language Server', serverOptions, clientOptions);
    runs.appendLine(`language server: ${search.found.java} (Java ${search.found.major}, from ${search.found.source})`);
    try {
        await client.start();
    } catch (e) {
        void vscode.window.showErrorMessage(`DMA Scenario: the language server did not start: ${e instanceof Error ? e.message : e}`);
    }
}

function activeDmasEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor && editor.document.languageId === 'dmas' ? editor : undefined;
}

async function runFile(uri?: vscode.Uri): Promise<unknown> {
    const target = uri instanceof vscode.Uri ? uri : activeDmasEditor()?.document.uri;
    if (!target) {
        void vscode.window.showWarningMessage('DMA Scenario: open a .dmas file to run it.');
        return undefined;
    }
    return run({ uri: target.toString() });
}

/** The scenario or benchmark at the cursor; elsewhere a choice of the whole file or one of them. */
async function runScenarioAtCursor(): Promise<unknown> {
    const editor = activeDmasEditor();
    if (!editor) return runFile();
    const all = runnables(editor.document.getText());
    const here = runnableAt(all, editor.selection.active.line);
    if (here) return run({ uri: editor.document.uri.toString(), name: here.name });
    const items = [{ label: '$(play) Whole file', name: undefined as string | undefined },
        ...all.map(r => ({ label: r.name, description: `${r.kind}, line ${r.startLine + 1}`, name: r.name as string | undefined }))];
    const pick = await vscode.window.showQuickPick(items, { placeHolder: 'Run which scenario or benchmark?' });
    return pick ? run({ uri: editor.document.uri.toString(), name: pick.name }) : undefined;
}

/** Runs through the server's dmas.run (the file as saved: unsaved changes are saved first), shows the results. */
async function run(req: RunRequest): Promise<unknown> {
    if (!client || !client.isRunning()) {
        void vscode.window.showErrorMessage('DMA Scenario: the language server is not running (see the DMA Scenario Runs output).');
        return undefined;
    }
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === req.uri);
    if (doc && doc.isDirty) await doc.save();
    lastRun = req;
    const what = describeRequest(req);
    if (vscode.workspace.getConfiguration('dmas').get<boolean>('run.revealOutput', true)) runs.show(true);
    runs.appendLine(`--- dmas run ${what}`);
    const c = client;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `dmas run ${what}`, cancellable: true },
        async (_progress, token) => {
            try {
                const answer = await c.sendRequest(ExecuteCommandRequest.type, { command: RUN_COMMAND, arguments: runArguments(req) }, token);
                const report = asReport(answer);
                if (!report) {
                    runs.appendLine(`dmas run: the server answered no results (${JSON.stringify(answer)})`);
                    return answer;
                }
                reportText(report, serverCwd).forEach(l => runs.appendLine(l));
                const tree = resultTree(report, serverCwd);
                results.show(tree);
                const line = `dmas run ${what}: ${summaryLine(report)}`;
                const failing = failures(tree);
                if (report.exitCode === 0) void vscode.window.showInformationMessage(line);
                else void vscode.window.showWarningMessage(line, ...(failing.length > 0 && failing[0].location ? ['Go to First Failure'] : []))
                    .then(choice => {
                        const loc = failing[0]?.location;
                        if (choice && loc) {
                            const l = Math.max(0, loc.line - 1);
                            void vscode.window.showTextDocument(vscode.Uri.file(loc.file), { selection: new vscode.Range(l, 0, l, 0) });
                        }
                    });
                return answer;
            } catch (e) {
                const message = token.isCancellationRequested ? 'cancelled' : e instanceof Error ? e.message : String(e);
                runs.appendLine(`dmas run ${what}: ${message}`);
                if (!token.isCancellationRequested) void vscode.window.showErrorMessage(`dmas run ${what}: ${message}`);
                return undefined;
            }
        });
}
