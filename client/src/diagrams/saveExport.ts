// Saves a diagram the webview exported: asks where, writes the file, says where it went.
import * as vscode from 'vscode';
import { exportBytes } from './exportBytes';
import type { ExportFormat } from './messages';

export async function saveExport(format: ExportFormat, name: string, data: string): Promise<vscode.Uri | undefined> {
  const bytes = exportBytes(format, data);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `kube-guide-${name}.${format}`;
  const target = await vscode.window.showSaveDialog({
    title: `Export the diagram as ${format.toUpperCase()}`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    saveLabel: 'Export',
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(`Kube Guide: diagram saved to ${vscode.workspace.asRelativePath(target)}`);
  return target;
}
