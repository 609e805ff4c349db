import { isScalar, type Node as YamlNode, type Scalar, type YAMLMap } from 'yaml';
import { nodeAtPath } from '../model/yamlPath';
import { replaceNode, setScalarAt } from '../fixes/yamlEdits';
import { containersOf, podSpecOf, type ContainerLocation } from '../model/workloads';
import type { Rule } from './rule';

// Small readers shared by the pod security rules (run-as-non-root, seccomp-profile, capabilities...).

/** The scalar at `path` under `map`, when it is a scalar with a value. */
export function scalarAt(map: YAMLMap | undefined, path: string[]): Scalar | undefined {
  const node = map ? nodeAtPath(map, path) : undefined;
  return isScalar(node) && node.value !== null && node.value !== '' ? node : undefined;
}

/** True when the scalar is YAML `true` (not the string "true", which the API server rejects for a boolean). */
export const isTrue = (node: Scalar | undefined): boolean => node?.value === true;

/** The node to underline for a container: its name, or the whole item when it has none. */
export function containerAnchor(location: ContainerLocation): YamlNode {
  return (location.container.get('name', true) as YamlNode | undefined) ?? location.container;
}

/** "web", or "#2" for a container without a name. */
export function containerLabel(location: ContainerLocation): string {
  return location.name ?? `#${location.index + 1}`;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function quotedList(names: string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : quoted[0];
}

/**
 * The check of a rule that wants one boolean of every container's securityContext to be `wanted`:
 * a wrong value is reported on the value and fixed in place; a missing one (when `missing` gives a
 * message) is reported on the container's name and fixed by adding the field.
 */
export function containerBooleanCheck(options: {
  field: string;
  wanted: boolean;
  wrong: (container: string) => string;
  missing?: (container: string) => string;
}): Rule['check'] {
  return ({ root, object, file, report }) => {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    for (const location of containersOf(pod)) {
      const name = containerLabel(location);
      const value = scalarAt(location.container, ['securityContext', options.field]);
      const fixTitle = `Set ${options.field}: ${options.wanted} on "${name}"`;
      if (value && value.value !== options.wanted) {
        report({
          message: options.wrong(name),
          range: file.rangeOf(value),
          fix: { title: fixTitle, edits: [replaceNode(value, String(options.wanted))] },
        });
      } else if (!value && options.missing) {
        const edits = setScalarAt(file.text, location.container, ['securityContext', options.field], String(options.wanted));
        report({
          message: options.missing(name),
          range: file.rangeOf(containerAnchor(location)),
          fix: edits.length > 0 ? { title: fixTitle, edits } : undefined,
        });
      }
    }
  };
}
