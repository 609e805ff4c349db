import { isMap, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import { appendToMap, keyColumnOf, lineBreakOf, pairOf, removePair } from '../fixes/yamlEdits';
import type { TextEdit } from '../fixes/textEdit';
import type { Rule } from './rule';

const ANNOTATION = 'kubernetes.io/ingress.class';

export const ingressClassAnnotation: Rule = {
  meta: {
    id: 'ingress-class-annotation',
    title: 'Ingress uses the deprecated kubernetes.io/ingress.class annotation',
    severity: 'warning',
    category: 'guide-corrections',
    guideSection: 'Services & Ingress',
    fixable: true,
    baseline: true,
    docs: [
      'Since `networking.k8s.io/v1`, an Ingress names its controller with the `spec.ingressClassName` field,',
      'which refers to an `IngressClass` object. The `kubernetes.io/ingress.class` annotation is the older',
      'mechanism: it is deprecated, newer controllers (including the AKS application routing add-on) may',
      'ignore it, and it cannot be validated against the classes that exist in the cluster.',
      '',
      'The guide\'s end-to-end Ingress example still uses the annotation. The fix writes its value as',
      '`spec.ingressClassName` (unless the field is already set) and removes the annotation. Check the class',
      'name with `kubectl get ingressclass`: the AKS application routing add-on, for example, provides',
      '`webapprouting.kubernetes.azure.com`.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    if (object.kind !== 'Ingress') return;
    const metadata = root.get('metadata', true);
    if (!isMap(metadata)) return;
    const annotationsPair = pairOf(metadata, 'annotations');
    const annotations = annotationsPair?.value;
    if (!annotationsPair || !isMap(annotations)) return;
    const pair = pairOf(annotations, ANNOTATION);
    if (!pair) return;
    const className = isScalar(pair.value) ? String(pair.value.value ?? '') : '';
    // Written as the user wrote it (quotes included), so a value YAML would read differently stays a string.
    const classText = isScalar(pair.value) && pair.value.range ? file.text.slice(pair.value.range[0], pair.value.range[1]) : className;

    const edits: TextEdit[] = [];
    // The last annotation takes the `annotations:` key with it, so no empty mapping is left behind.
    if (annotations.items.length === 1 && !annotations.flow) edits.push(removePair(file.text, annotationsPair as Pair<YamlNode, YamlNode | null>));
    else if (!annotations.flow) edits.push(removePair(file.text, pair));
    const spec = root.get('spec', true);
    if (isMap(spec) && !pairOf(spec, 'ingressClassName') && className) {
      const first = spec.items[0];
      if (first && !spec.flow) {
        // Put the class first in spec, where readers look for it.
        const keyNode = first.key as YamlNode;
        const start = keyNode.range?.[0] ?? 0;
        edits.push({ start, end: start, newText: `ingressClassName: ${classText}${lineBreakOf(file.text)}${' '.repeat(keyColumnOf(file.text, spec))}` });
      } else {
        const edit = appendToMap(file.text, spec, [`ingressClassName: ${classText}`], keyColumnOf(file.text, root));
        if (edit) edits.push(edit);
      }
    }
    const complete = edits.length === (isMap(spec) && !pairOf(spec, 'ingressClassName') && className ? 2 : 1);
    report({
      message: className
        ? `The ${ANNOTATION} annotation is deprecated: use spec.ingressClassName: ${className}.`
        : `The ${ANNOTATION} annotation is deprecated: use spec.ingressClassName.`,
      range: file.rangeOf(pair.key),
      fix: complete && edits.length > 0 ? { title: 'Replace the annotation with spec.ingressClassName', edits } : undefined,
    });
  },
};
