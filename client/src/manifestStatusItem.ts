import * as vscode from 'vscode';
import type { ManifestStatus } from '../../server/src/protocol';
import { STATUS_MENU_COMMAND } from './statusMenu';

// A check usually answers in tens of milliseconds: "checking…" shows only for the slow ones (the first
// check loads the schema), so the item does not flicker on every keystroke.
const SHOW_CHECKING_AFTER_MS = 400;
// A check that never answers (the server restarted meanwhile) must not leave the item spinning.
const FORGET_CHECKING_AFTER_MS = 20_000;

/** The status-bar item that says when the active file is a Kubernetes manifest, from what the server reported. */
export class ManifestStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('kubeGuide.manifest', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, ManifestStatus>();
  /** Documents sent to the server whose answer has not come back yet, with the timers that mark them slow. */
  private readonly pending = new Map<string, { slow: boolean; timers: NodeJS.Timeout[] }>();

  constructor() {
    this.item.name = 'Kube Guide';
    this.item.command = STATUS_MENU_COMMAND;
  }

  /** The last status of the document in the active editor. */
  activeStatus(): ManifestStatus | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    return uri ? this.statuses.get(uri) : undefined;
  }

  /** A document went to the server to be checked: say so if the answer is slow. */
  checking(uri: string): void {
    this.clearPending(uri);
    const timers = [
      setTimeout(() => {
        const entry = this.pending.get(uri);
        if (entry) entry.slow = true;
        this.showIfActive(uri);
      }, SHOW_CHECKING_AFTER_MS),
      setTimeout(() => {
        this.clearPending(uri);
        this.showIfActive(uri);
      }, FORGET_CHECKING_AFTER_MS),
    ];
    this.pending.set(uri, { slow: false, timers });
  }

  update(status: ManifestStatus): void {
    this.statuses.set(status.uri, status);
    this.clearPending(status.uri);
    this.showIfActive(status.uri);
  }

  forget(uri: string): void {
    this.statuses.delete(uri);
    this.clearPending(uri);
  }

  show(uri: string | undefined): void {
    const status = uri ? this.statuses.get(uri) : undefined;
    // Only a file known to be a manifest, or not known yet, says it is being checked: other YAML stays quiet.
    if (uri && this.pending.get(uri)?.slow && (status === undefined || status.isManifest)) {
      this.item.text = '$(sync~spin) Kubernetes: checking…';
      this.item.tooltip = 'Kube Guide is checking this file.';
      this.item.accessibilityInformation = { label: 'Kube Guide is checking this file' };
      this.item.show();
      return;
    }
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
    const target = status.target?.kubernetesVersion;
    this.item.text = target ? `$(check) Kubernetes ${target} target` : `$(check) Kubernetes${status.kubernetesVersion ? ` ${status.kubernetesVersion}` : ''}`;
    this.item.tooltip = tooltipFor(status);
    const count = status.objects.length;
    this.item.accessibilityInformation = {
      label: `Kubernetes manifest with ${count} objects, checked by Kube Guide${target ? ` for Kubernetes ${target}` : ''}. Select for Kube Guide's menu.`,
    };
    this.item.show();
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.clearPending(uri);
    this.item.dispose();
  }

  private showIfActive(uri: string): void {
    if (uri === vscode.window.activeTextEditor?.document.uri.toString()) this.show(uri);
  }

  private clearPending(uri: string): void {
    this.pending.get(uri)?.timers.forEach(clearTimeout);
    this.pending.delete(uri);
  }
}

function tooltipFor(status: ManifestStatus): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  const target = status.target;
  if (target) {
    const chosenBy = target.chosenBy === 'config-file' ? 'the `kubernetesVersion` of `.kube-guide.yaml`' : 'the setting `kubeGuide.kubernetesVersion` (empty: the newest version AKS offers)';
    tooltip.appendMarkdown(`**Kube Guide** checks this file for **Kubernetes ${target.kubernetesVersion}**, chosen by ${chosenBy}.\n\n`);
  } else {
    tooltip.appendMarkdown('**Kube Guide** checks this file.\n\n');
  }
  const schema = status.kubernetesVersion ? `the Kubernetes ${status.kubernetesVersion} API schema` : 'the Kubernetes API schema';
  if (status.schemaCheckedBy === 'red-hat-yaml') {
    tooltip.appendMarkdown(`Schema errors come from Red Hat's YAML extension, which checks this file against Kubernetes (\`kubeGuide.schemaValidation\`: \`auto\`).\n\n`);
  } else if (status.schemaCheckedBy === 'nobody') {
    tooltip.appendMarkdown('Schema checks are off (`kubeGuide.schemaValidation`).\n\n');
  } else {
    tooltip.appendMarkdown(`Fields are checked against ${schema}.\n\n`);
  }
  const templates = status.templatesSkipped ?? 0;
  if (templates > 0) tooltip.appendMarkdown(`${templates} templated ${templates === 1 ? 'document is' : 'documents are'} skipped until rendered.\n\n`);
  const count = status.objects.length;
  tooltip.appendMarkdown(`${count} ${count === 1 ? 'object' : 'objects'}:\n`);
  for (const object of status.objects) {
    tooltip.appendMarkdown('\n- ');
    // Names come from the user's file: show them as text, never as Markdown.
    tooltip.appendText(object.name ? `${object.kind} ${object.name}` : object.kind);
  }
  tooltip.appendMarkdown('\n\nSelect for the profile, the version target and the team\'s `.kube-guide.yaml`.');
  return tooltip;
}
