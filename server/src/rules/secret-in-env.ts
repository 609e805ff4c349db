import { isMap, isScalar, isSeq } from 'yaml';
import { columnOf, indentUnitOf, lineBreakOf, lineStart, pairOf, removePair } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import { containerLabel } from './podSecurity';
import type { Rule } from './rule';

const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'key', 'apikey', 'credential', 'credentials', 'connectionstring', 'sas']);
// A name ending like this points at a secret rather than holding one (DB_PASSWORD_FILE, KEY_VAULT_NAME).
const REFERENCE_WORDS = new Set(['file', 'path', 'dir', 'name', 'id', 'url', 'uri', 'endpoint', 'host', 'version', 'length', 'ttl']);

/** True when an environment variable or data key is named like a secret. */
export function looksLikeSecretName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0 || REFERENCE_WORDS.has(words[words.length - 1])) return false;
  const joined = words.join('');
  return words.some((word) => SECRET_WORDS.has(word)) || joined.includes('password') || joined.includes('connectionstring');
}

/** True when a value holds a private key (PEM or OpenSSH armour). */
export const looksLikePrivateKey = (value: string): boolean => /-{3,}\s*BEGIN [A-Z ]*PRIVATE KEY/.test(value);

export const secretInEnv: Rule = {
  meta: {
    id: 'secret-in-env',
    title: 'Secret written as a plain environment variable value',
    severity: 'error',
    category: 'security',
    guideSection: 'ConfigMaps & Secrets',
    fixable: true,
    baseline: true,
    docs: [
      'A password, token, key or connection string written as `value:` in a pod template is stored in clear',
      'text in the Deployment, in Git, in `kubectl get -o yaml` output and in every ReplicaSet revision. Anyone',
      'who can read the workload can read the secret.',
      '',
      'Reference a Secret with `valueFrom.secretKeyRef`, as the guide\'s backend example does. The fix writes',
      'that reference to a Secret named `<workload>-secrets`, with the variable\'s name as the key; create the',
      'Secret separately (for example `kubectl create secret generic <workload>-secrets',
      '--from-literal=<NAME>=...`), and keep the value out of the repository. On AKS, prefer keeping the value',
      'in Azure Key Vault and syncing it with the Secrets Store CSI driver and Workload Identity.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    const secretName = `${object.name ?? 'app'}-secrets`;
    const unit = indentUnitOf(file.text);
    const lineBreak = lineBreakOf(file.text);
    for (const location of containersOf(pod)) {
      const env = location.container.get('env', true);
      if (!isSeq(env)) continue;
      for (const variable of env.items) {
        if (!isMap(variable)) continue;
        const name = variable.get('name', true);
        const valuePair = pairOf(variable, 'value');
        if (!isScalar(name) || !valuePair || !isScalar(valuePair.value)) continue;
        const value = String(valuePair.value.value ?? '');
        const variableName = String(name.value);
        // Empty values and `$(OTHER_VAR)` references hold nothing secret themselves.
        if (value === '' || /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value)) continue;
        const privateKey = looksLikePrivateKey(value);
        if (!privateKey && !looksLikeSecretName(variableName)) continue;

        const keyStart = valuePair.key.range?.[0] ?? 0;
        const onOwnLine = /^\s*$/.test(file.text.slice(lineStart(file.text, keyStart), keyStart)) && !variable.flow;
        const indent = ' '.repeat(columnOf(file.text, valuePair.key));
        const step = ' '.repeat(unit);
        const reference = [
          `${indent}valueFrom:`,
          `${indent}${step}secretKeyRef:`,
          `${indent}${step}${step}name: ${secretName}`,
          `${indent}${step}${step}key: ${variableName}`,
        ].map((line) => line + lineBreak).join('');
        const removal = removePair(file.text, valuePair);
        const endsWithBreak = file.text[removal.end - 1] === '\n';
        report({
          message: privateKey
            ? `Container "${containerLabel(location)}" has a private key in "${variableName}": reference a Secret instead.`
            : `Container "${containerLabel(location)}" sets "${variableName}" as plain text: reference a Secret instead.`,
          range: file.rangeOf(valuePair.value),
          fix: onOwnLine
            ? {
                title: `Read "${variableName}" from the Secret "${secretName}"`,
                edits: [{ ...removal, newText: endsWithBreak ? reference : lineBreak + reference.slice(0, -lineBreak.length) }],
              }
            : undefined,
        });
      }
    }
  },
};
