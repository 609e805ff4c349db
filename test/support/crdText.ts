// A small CustomResourceDefinition for tests of CRDs named from outside the checked files.

/** A CRD of `<kind>` in the group example.com, whose `spec` allows the given fields (strings, unless told), per version. */
export function crdText(kind: string, fields: readonly string[], versions: readonly string[] = ['v1'], fieldType = 'string'): string {
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    `  name: ${kind.toLowerCase()}s.example.com`,
    'spec:',
    '  group: example.com',
    '  scope: Namespaced',
    `  names: { kind: ${kind}, plural: ${kind.toLowerCase()}s }`,
    '  versions:',
    ...versions.flatMap((version) => [
      `    - name: ${version}`,
      '      served: true',
      '      storage: true',
      '      schema:',
      '        openAPIV3Schema:',
      '          type: object',
      '          properties:',
      '            spec:',
      '              type: object',
      '              properties:',
      ...fields.map((field) => `                ${field}: { type: ${fieldType} }`),
    ]),
    '',
  ].join('\n');
}
