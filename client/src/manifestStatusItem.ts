import * as vscode from 'vscode';
import type { ManifestStatus } from '../../server/src/protocol';

/** The status-bar item that says when the active file is a Kubernetes manifest, from what the server reported. */
export class ManifestStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('kubeGuide.manifest', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, ManifestStatus>();

  constructor() {
    this.item.name = 'Kube Guide';
    this.item.command = 'kubeGuide.showOutput';
  }

  update(status: ManifestStatus): void {
    this.statuses.set(status.uri, status);
    if (status.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.show(status.uri);
  }

  forget(uri: string): void {
    this.statuses.delete(uri);
  }

  show(uri: string | undefined): void {
    const status = uri ? this.statuses.get(uri) : undefined;
    const templates = status?.templatesSkipped ?? 0;
    if (status && !status.isManifest && templates > 0) {
      this.item.text = '$(info) Kubernetes template: not checked';
      this.item.tooltip = 'This file is a template ({{ }}, as in a Helm chart): Kube Guide checks manifests once they are rendered, for example with `helm template`.';
      this.item.accessibilityInformation = { label: 'Kubernetes template, not checked by Kube Guide' };
      this.item.show();
      return;
    }
    if (!status?.isManifest) {
      this.item.hide();
      return;
    }
    if (status.tooLargeMb !== undefined) {
      this.item.text = '$(warning) Kubernetes: not checked';
      this.item.tooltip = `This manifest (${status.tooLargeMb} MB) is larger than the kubeGuide.maxFileSize limit, so Kube Guide does not check it.`;
      this.item.accessibilityInformation = { label: 'Kubernetes manifest too large for Kube Guide to check' };
      this.item.show();
      return;
    }
    const count = status.objects.length;
    const version = status.kubernetesVersion ? ` ${status.kubernetesVersion}` : '';
    this.item.text = `$(check) Kubernetes${version}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**Kube Guide** checks this file against the Kubernetes${version} schema.\n\n`);
    if (templates > 0) tooltip.appendMarkdown(`${templates} templated ${templates === 1 ? 'document is' : 'documents are'} skipped until rendered.\n\n`);
    tooltip.appendMarkdown(`${count} ${count === 1 ? 'object' : 'objects'}:\n`);
    for (const object of status.objects) {
      tooltip.appendMarkdown('\n- ');
      // Names come from the user's file: show them as text, never as Markdown.
      tooltip.appendText(object.name ? `${object.kind} ${object.name}` : object.kind);
    }
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Kubernetes manifest with ${count} objects, checked by Kube Guide` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
