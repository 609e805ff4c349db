import { isMap, isScalar, isSeq, stringify } from 'yaml';
import { appendToMap, indentUnitOf, keyColumnOf, pairOf } from '../fixes/yamlEdits';
import type { Rule } from './rule';

export const ingressTls: Rule = {
  meta: {
    id: 'ingress-tls',
    title: 'Ingress serves plain HTTP (no TLS)',
    severity: 'warning',
    category: 'networking',
    guideSection: 'Services & Ingress',
    fixable: true,
    baseline: false,
    docs: [
      'An Ingress without a `tls` section serves its hosts over plain HTTP: credentials, cookies and tokens',
      'cross the internet readable by anyone on the path. The guide\'s end-to-end example terminates TLS at the',
      'Ingress; its first Ingress example does not.',
      '',
      'The fix adds a `tls` entry listing the Ingress\'s hosts and a Secret named `<ingress name>-tls`. That',
      'Secret (type `kubernetes.io/tls`) must hold the certificate: have cert-manager issue it, sync it from',
      'Azure Key Vault with the Secrets Store CSI driver, or create it with `kubectl create secret tls`.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'Ingress') return;
    const spec = root.get('spec', true);
    if (!isMap(spec)) return;
    const tls = spec.get('tls', true);
    if (isSeq(tls) && tls.items.length > 0) return;
    if (pairOf(spec, 'tls')) {
      // `tls: []` written on purpose, or an unfinished section: say so, but leave the text to the user.
      report({ message: 'The Ingress has an empty tls section: its hosts are served over plain HTTP.', range: file.rangeOf(pairOf(spec, 'tls')!.key) });
      return;
    }
    const rules = spec.get('rules', true);
    const hosts = isSeq(rules)
      ? rules.items.flatMap((rule) => {
          const host = isMap(rule) ? rule.get('host', true) : undefined;
          return isScalar(host) && typeof host.value === 'string' && host.value ? [host.value] : [];
        })
      : [];
    const unit = ' '.repeat(indentUnitOf(file.text));
    const secretName = `${object.name ?? 'ingress'}-tls`;
    // Names and hosts are the user's text: quoted when YAML would read them otherwise (`'`, `*`, `: `).
    const scalar = (value: string): string => stringify(value, { lineWidth: 0 }).trimEnd();
    const lines = ['tls:', `${unit}- secretName: ${scalar(secretName)}`];
    if (hosts.length > 0) lines.push(`${unit}  hosts:`, ...[...new Set(hosts)].map((host) => `${unit}${unit}  - ${scalar(host)}`));
    const edit = appendToMap(file.text, spec, lines, keyColumnOf(file.text, root));
    report({
      message: 'The Ingress has no tls section: its hosts are served over plain HTTP.',
      range: file.rangeOf(pairOf(root, 'spec')!.key),
      fix: edit ? { title: `Add TLS with the Secret "${secretName}"`, edits: [edit] } : undefined,
    });
  },
};
