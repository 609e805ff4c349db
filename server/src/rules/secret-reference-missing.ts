import { checkConfigReferences, SECRET_SOURCE } from './configReferences';
import type { WorkspaceRule } from './rule';

export const secretReferenceMissing: WorkspaceRule = {
  meta: {
    id: 'secret-reference-missing',
    title: 'Pod reads a Secret or key that is not in the workspace',
    severity: 'info',
    category: 'reliability',
    guideSection: '6. How do you handle secrets management in Kubernetes for production?',
    fixable: true,
    baseline: false,
    docs: [
      'A pod that reads a Secret (`env[].valueFrom.secretKeyRef`, `envFrom[].secretRef`, a `secret` volume or a',
      'projected one) cannot start until that Secret exists in its namespace with the keys it asks for: the',
      'container waits in `CreateContainerConfigError`, or the pod in `ContainerCreating` for a volume.',
      '',
      'Unlike ConfigMaps, Secrets are often deliberately not in the repository. On AKS they are commonly synced',
      'from Azure Key Vault by the Secrets Store CSI driver, issued by cert-manager, decrypted from a',
      'SealedSecret, or created by a pipeline with `kubectl create secret`. That is why this rule only informs.',
      'Kube Guide counts as present the Secrets that objects of the workspace create: a SecretProviderClass\'s',
      '`secretObjects`, a cert-manager Certificate\'s `secretName`, a SealedSecret, an ExternalSecret\'s target',
      'and a Kustomization\'s `secretGenerator`. It judges only namespaces in which the workspace defines or',
      'creates at least one Secret (elsewhere, Secrets evidently come from outside it), skips references marked',
      '`optional: true`, and checks keys only against Secrets written in the workspace with some data.',
      '',
      'When a Secret or key of the namespace is one or two typing mistakes away, the fix writes that name. If',
      'the Secret comes from outside the workspace on purpose, silence the finding with a',
      '`kube-guide.io/ignore: secret-reference-missing` annotation on the workload, or turn the rule off.',
    ].join('\n'),
  },

  checkWorkspace(context) {
    checkConfigReferences(context, SECRET_SOURCE);
  },
};
