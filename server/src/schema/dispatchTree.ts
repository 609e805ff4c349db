import type { SchemaNode } from './schemaIndex';

// The schema picks an object's definition with `allOf` of `if apiVersion is X then …` (46 apiVersions),
// then the same on `kind`. yaml-language-server tests every `if` of an `allOf`, and every failed test
// costs it a formatted message: for a small manifest, most of its check. The same choice made as a
// balanced tree (`if apiVersion is one of the first half then … else …`) costs a handful of tests.

/** One branch of a dispatch: `if <field> is <value> then …`. */
interface DispatchBranch extends SchemaNode {
  if: { properties: Record<string, { const: unknown }>; required?: string[] };
  then: SchemaNode;
}

/**
 * Rewrites, in place, every `allOf` that only dispatches on one field's value (each value once) as a
 * balanced tree of `if`/`then`/`else` that picks the same branch. Branches keep their own `if`, so an
 * object matches exactly what it matched before, and matches nothing when its value is not listed.
 */
export function balanceDispatch<T extends SchemaNode>(schema: T): T {
  const field = dispatchField(schema.allOf);
  if (field && schema.allOf!.length > 2) schema.allOf = [tree(schema.allOf as DispatchBranch[], field)];
  for (const branch of schema.allOf ?? []) balanceBelow(branch);
  return schema;
}

/** Balances the dispatches inside what a branch, or a node of a tree of branches, leads to. */
function balanceBelow(node: SchemaNode & { else?: SchemaNode }): void {
  if (node.else) {
    balanceBelow(node.then!);
    balanceBelow(node.else);
  } else if (node.then) {
    balanceDispatch(node.then);
  }
}

/** The field every branch tests against a constant, when that is all the branches do and no value repeats. */
function dispatchField(branches: SchemaNode[] | undefined): string | undefined {
  if (!branches || branches.length === 0) return undefined;
  const field = Object.keys((branches[0] as Partial<DispatchBranch>).if?.properties ?? {})[0];
  if (!field) return undefined;
  const values = new Set<unknown>();
  for (const branch of branches as Array<Partial<DispatchBranch>>) {
    const tested = branch.if?.properties;
    if (!branch.then || !tested || Object.keys(tested).length !== 1 || !tested[field] || !('const' in tested[field])) return undefined;
    if (Object.keys(branch).some((key) => key !== 'if' && key !== 'then')) return undefined;
    if (values.has(tested[field].const)) return undefined;
    values.add(tested[field].const);
  }
  return field;
}

function tree(branches: DispatchBranch[], field: string): SchemaNode {
  if (branches.length === 1) return branches[0];
  const half = Math.ceil(branches.length / 2);
  const first = branches.slice(0, half);
  const node = {
    if: { properties: { [field]: { enum: first.map((branch) => branch.if.properties[field].const) } }, required: [field] },
    then: tree(first, field),
    else: tree(branches.slice(half), field),
  };
  return node as SchemaNode;
}
