// Tells the server what it cannot see: whether Red Hat's YAML extension is installed and how its schema
// settings read. Facts only; the server decides what follows from them (services/schemaCoexistence.ts).
import * as vscode from 'vscode';
import type { RedHatYamlReport } from '../../server/src/protocol';

const RED_HAT_YAML_EXTENSION_ID = 'redhat.vscode-yaml';

export function readRedHatYaml(): RedHatYamlReport {
  const yaml = vscode.workspace.getConfiguration('yaml');
  return {
    installed: vscode.extensions.getExtension(RED_HAT_YAML_EXTENSION_ID) !== undefined,
    schemas: yaml.get('schemas'),
    validate: yaml.get('validate'),
  };
}

/** Calls `send` with a new report whenever an extension is installed, removed or toggled, or `yaml.*` settings change. */
export function onRedHatYamlChange(send: (report: RedHatYamlReport) => void): vscode.Disposable {
  let last = JSON.stringify(readRedHatYaml());
  const resendIfChanged = () => {
    const report = readRedHatYaml();
    const text = JSON.stringify(report);
    if (text === last) return;
    last = text;
    send(report);
  };
  return vscode.Disposable.from(
    vscode.extensions.onDidChange(resendIfChanged),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('yaml')) resendIfChanged();
    }),
  );
}
