// What our diagnostics carry, apart from the checks that make them: modules that only name these (the
// CLI's formatters, the file-size notice) need not load the schema service and yaml-language-server.

/** The `source` of every diagnostic we publish, so users (and tests) can tell ours apart. */
export const DIAGNOSTIC_SOURCE = 'kube-guide';

/** Our diagnostic codes for what the schema check finds. */
export const SchemaProblem = {
  unknownField: 'schema-unknown-field',
  wrongValue: 'schema-enum',
  invalid: 'schema-invalid',
  yamlSyntax: 'yaml-syntax',
  aliasLimit: 'yaml-alias-limit',
  nestingLimit: 'yaml-nesting-limit',
} as const;
