// The "DMA Scenario Results" tree: ResultNode rows (results.ts) as VS Code tree items; a click opens the row's line.
import * as vscode from 'vscode';
import { ResultNode, Status } from './results';

const ICONS: Record<Status, vscode.ThemeIcon> = {
    passed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
    failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
    error: new vscode.ThemeIcon('warning', new vscode.ThemeColor('testing.iconErrored')),
    warning: new vscode.ThemeIcon('circle-slash'),
    info: new vscode.ThemeIcon('dashboard'),
    none: new vscode.ThemeIcon('circle-small'),
};

export class ResultsView implements vscode.TreeDataProvider<ResultNode> {
    private roots: ResultNode[] = [];
    private readonly changed = new vscode.EventEmitter<ResultNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;

    show(roots: ResultNode[]): void {
        this.roots = roots;
        this.changed.fire(undefined);
        void vscode.commands.executeCommand('setContext', 'dmas.hasResults', roots.length > 0);
    }

    getChildren(node?: ResultNode): ResultNode[] {
        return node ? node.children : this.roots;
    }

    getTreeItem(node: ResultNode): vscode.TreeItem {
        const expand = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None
            : node.kind === 'file' || node.status === 'failed' || node.status === 'error'
                ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(node.label, expand);
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = node.kind === 'file' ? vscode.ThemeIcon.File : ICONS[node.status];
        if (node.kind === 'file' && node.location) item.resourceUri = vscode.Uri.file(node.location.file);
        if (node.location) {
            const line = Math.max(0, node.location.line - 1);
            item.command = {
                command: 'vscode.open',
                title: 'Go to the line',
                arguments: [vscode.Uri.file(node.location.file), { selection: new vscode.Range(line, 0, line, 0), preserveFocus: false }],
            };
        }
        return item;
    }
}
