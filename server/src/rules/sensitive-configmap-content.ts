import { isMap, isScalar, type Scalar } from 'yaml';
import type { Rule } from './rule';
import { looksLikePrivateKey, looksLikeSecretName } from './secret-in-env';

// Key names that mention a key or token but describe it rather than hold it (JWT_PUBLIC_KEY,
// CACHE_KEY_PREFIX, TOKEN_LIFETIME): ConfigMaps are full of such settings.
const DESCRIPTIVE_WORDS = new Set(['public', 'prefix', 'suffix', 'format', 'type', 'size', 'header', 'field', 'algorithm', 'expiry', 'lifetime', 'timeout', 'enabled', 'mode', 'policy']);

/** A connection string or URL that carries its own credential (`Password=...`, `AccountKey=...`, `user:pass@`). */
const INLINE_CREDENTIAL = /(?:^|[;,\s"'])(?:password|pwd|accountkey|sharedaccesskey|sharedaccesssignature)\s*=\s*(?![\s;,"']|$|\$\{|\$\(|\{\{)|:\/\/[^\s/:@]+:(?!\$\{|\$\()[^\s/@]+@/i;

/** A value that only points at where the real value comes from. */
const isPlaceholder = (value: string): boolean => /^\s*(\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|<[^>]*>)?\s*$/.test(value);

// Words that name a credential outright; a key named only "connection string" is judged by its value,
// since passwordless connection strings (Microsoft Entra authentication) are ordinary settings.
const CREDENTIAL_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'key', 'apikey', 'credential', 'credentials', 'sas']);

function secretLikeKey(key: string): boolean {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (!looksLikeSecretName(key) || words.some((word) => DESCRIPTIVE_WORDS.has(word))) return false;
  const onlyConnectionString = words.join('').includes('connectionstring') && !words.some((word) => CREDENTIAL_WORDS.has(word) || word.includes('password'));
  return !onlyConnectionString;
}

export const sensitiveConfigmapContent: Rule = {
  meta: {
    id: 'sensitive-configmap-content',
    title: 'ConfigMap holds what looks like a secret',
    severity: 'warning',
    category: 'security',
    guideSection: 'ConfigMaps & Secrets',
    fixable: false,
    baseline: true,
    docs: [
      'ConfigMaps are for settings that anyone may read. Their contents appear in `kubectl describe`, in logs',
      'of deployment tools and in Git, and RBAC roles commonly grant read access to ConfigMaps while denying',
      'it for Secrets. A password, access key, token or private key in a ConfigMap is exposed to all of them.',
      '',
      'The rule looks at each key of `data` and `binaryData`: a key named like a credential (`db_password`,',
      '`AWS_SECRET_ACCESS_KEY`, `api-token`), a value holding a private key, or a connection string or URL that',
      'carries its own password (`Password=...`, `AccountKey=...`, `https://user:pass@host`).',
      '',
      'Move the value to a Secret, or better, to Azure Key Vault synced through the Secrets Store CSI driver',
      'with Workload Identity, as the guide recommends. There is no automatic fix: the pods that read the',
      'ConfigMap (`configMapKeyRef`, `envFrom`, volumes) must be changed to read the Secret, and the value',
      'itself has to leave the repository, which no edit of this file can do.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'ConfigMap') return;
    for (const field of ['data', 'binaryData']) {
      const data = root.get(field, true);
      if (!isMap(data)) continue;
      for (const pair of data.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const value = isScalar(pair.value) && pair.value.value !== null ? String((pair.value as Scalar).value) : '';
        let why: string | undefined;
        if (field === 'data' && looksLikePrivateKey(value)) why = 'holds a private key';
        else if (field === 'data' && INLINE_CREDENTIAL.test(value)) why = 'holds a connection string or URL with a password';
        else if (secretLikeKey(key) && !isPlaceholder(value)) why = 'is named like a secret';
        if (!why) continue;
        report({
          message: `ConfigMap key "${key}" ${why}: keep it in a Secret (or Azure Key Vault) instead.`,
          range: file.rangeOf(pair.key),
        });
      }
    }
  },
};
