import { type Node as YamlNode } from 'yaml';
import { pairOf } from '../fixes/yamlEdits';
import { podLabelsOf } from '../model/workloads';
import type { Rule } from './rule';

const LABEL = 'aadpodidbinding';
const KINDS = new Set(['AzureIdentity', 'AzureIdentityBinding', 'AzurePodIdentityException', 'AzureAssignedIdentity']);

export const aadPodIdentity: Rule = {
  meta: {
    id: 'aad-pod-identity',
    title: 'Uses AAD Pod Identity, which is retired: use Workload Identity',
    severity: 'warning',
    category: 'guide-corrections',
    guideSection: 'Azure AD Integration',
    fixable: true,
    baseline: true,
    docs: [
      'AAD Pod Identity (the `aadpodidbinding` pod label with `AzureIdentity` and `AzureIdentityBinding`',
      'objects) is deprecated and no longer supported on AKS; its node-level proxy also intercepted every',
      'pod\'s calls to the instance metadata endpoint. The guide\'s Key Vault example still names it.',
      '',
      'Microsoft Entra Workload Identity replaces it: enable the OIDC issuer and workload identity on the',
      'cluster, create a ServiceAccount annotated with `azure.workload.identity/client-id: <client id of the',
      'managed identity>`, add a federated credential for that ServiceAccount on the identity, run the pod with',
      '`serviceAccountName` set to it, and label the pod `azure.workload.identity/use: "true"`.',
      '',
      'The fix replaces the pod label; the ServiceAccount, the federated credential and `serviceAccountName`',
      'are yours to add. `AzureIdentity` and `AzureIdentityBinding` objects are reported and can be deleted',
      'once the workloads use Workload Identity.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (KINDS.has(object.kind) && object.apiVersion.startsWith('aadpodidentity.k8s.io/')) {
      report({
        message: `${object.kind} belongs to the retired AAD Pod Identity: use Workload Identity (a ServiceAccount annotated with azure.workload.identity/client-id).`,
        range: object.kindRange,
      });
      return;
    }
    const labels = podLabelsOf(root, object.kind);
    const pair = labels ? pairOf(labels, LABEL) : undefined;
    if (!labels || !pair) return;
    const keyStart = pair.key.range?.[0] ?? 0;
    const valueEnd = (pair.value as YamlNode | null)?.range?.[1] ?? pair.key.range?.[1] ?? keyStart;
    // A block mapping may already carry the new label: then the old one only has to go.
    const hasNewLabel = pairOf(labels, 'azure.workload.identity/use') !== undefined;
    report({
      message: 'The aadpodidbinding label belongs to the retired AAD Pod Identity: label the pod azure.workload.identity/use: "true" instead.',
      range: file.rangeOf(pair.key),
      fix: hasNewLabel
        ? undefined
        : {
            title: 'Use Workload Identity for this pod',
            edits: [{ start: keyStart, end: valueEnd, newText: 'azure.workload.identity/use: "true"' }],
          },
    });
  },
};
