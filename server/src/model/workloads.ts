import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { nodeAtPath, type YamlPath } from './yamlPath';

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, YamlPath> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** True for kinds that run pods. */
export function isWorkloadKind(kind: string): boolean {
  return kind in POD_SPEC_PATHS;
}

/**
 * Where a workload kind keeps its pod template (the mapping with `metadata` and `spec`): a Pod is its
 * own template. Undefined for kinds that run no pods.
 */
export function podTemplatePathOf(kind: string): YamlPath | undefined {
  const specPath = POD_SPEC_PATHS[kind];
  if (!specPath) return undefined;
  return kind === 'Pod' ? [] : specPath.slice(0, -1);
}

export interface PodSpecLocation {
  spec: YAMLMap;
  path: YamlPath;
}

/** The pod spec of a workload object, when it has one written as a mapping. */
export function podSpecOf(root: YAMLMap, kind: string): PodSpecLocation | undefined {
  const path = POD_SPEC_PATHS[kind];
  if (!path) return undefined;
  const spec = nodeAtPath(root, path);
  return isMap(spec) ? { spec, path } : undefined;
}

export interface ContainerLocation {
  container: YAMLMap;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  list: string;
  index: number;
  name?: string;
  path: YamlPath;
}

/** Every container of a pod spec that is written as a mapping, init containers included. */
export function containersOf(pod: PodSpecLocation): ContainerLocation[] {
  return ['initContainers', 'containers', 'ephemeralContainers'].flatMap((list) => {
    const items = pod.spec.get(list, true);
    if (!isSeq(items)) return [];
    return items.items.flatMap((container, index) => {
      if (!isMap(container)) return [];
      const name = container.get('name', true);
      return [{
        container,
        list,
        index,
        name: isScalar(name) ? String(name.value) : undefined,
        path: [...pod.path, list, index],
      }];
    });
  });
}

/** The `securityContext` of a pod spec or a container, when it is written as a mapping. */
export function securityContextOf(owner: YAMLMap): YAMLMap | undefined {
  const context = owner.get('securityContext', true);
  return isMap(context) ? context : undefined;
}

/** The labels of the pods a workload creates (`metadata.labels` of a Pod, of the template otherwise). */
export function podLabelsOf(root: YAMLMap, kind: string): YAMLMap | undefined {
  const path = POD_SPEC_PATHS[kind];
  if (!path) return undefined;
  const labels = nodeAtPath(root, [...path.slice(0, -1), 'metadata', 'labels']);
  return isMap(labels) ? labels : undefined;
}

/** Kinds whose pods are copies of one template, scaled by `spec.replicas`. */
export const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

/** `spec.replicas` as written: the node, and its value when it is a whole number. */
export function replicasOf(root: YAMLMap): { node?: Scalar; value?: number } {
  const node = root.getIn(['spec', 'replicas'], true);
  if (!isScalar(node)) return {};
  return { node, value: typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined };
}

/** A mapping of plain string values (labels, `matchLabels`), or undefined when there is none to use. */
function stringMapOf(node: unknown): Record<string, string> | undefined {
  if (!isMap(node) || node.items.length === 0) return undefined;
  const result: Record<string, string> = {};
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || pair.value.value === null) return undefined;
    result[String(pair.key.value)] = String(pair.value.value);
  }
  return result;
}

/**
 * The labels that pick out a workload's own pods: `spec.selector.matchLabels` (stable, what the
 * controller itself uses), else the pod template's labels, else a Pod's own labels.
 */
export function podSelectorLabelsOf(root: YAMLMap, kind: string): Record<string, string> | undefined {
  if (kind === 'Pod') return stringMapOf(root.getIn(['metadata', 'labels'], true));
  const templatePath = POD_SPEC_PATHS[kind]?.slice(0, -1);
  if (!templatePath) return undefined;
  const selectorPath = kind === 'CronJob' ? undefined : ['spec', 'selector', 'matchLabels'];
  return (
    (selectorPath && stringMapOf(root.getIn(selectorPath, true))) ||
    stringMapOf(nodeAtPath(root, [...templatePath, 'metadata', 'labels']))
  );
}

/** An image reference taken apart: `registry/repository[:tag][@digest]`. */
export interface ImageReference {
  /** The registry host, `docker.io` for Docker Hub short names (`nginx`, `bitnami/redis`). */
  registry: string;
  /** True when the reference names its registry itself. */
  registryWritten: boolean;
  /** The path after the registry (`library/nginx` for `nginx`). */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Takes an image reference apart the way container runtimes read it. */
export function parseImageReference(image: string): ImageReference {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  // Only a first segment that looks like a host (a dot, a port, localhost) is a registry.
  const registryWritten = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let registry = registryWritten ? first.toLowerCase() : 'docker.io';
  let repository = registryWritten ? rest.slice(slash + 1) : rest;
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  return { registry, registryWritten, repository, tag, digest };
}

export interface ContainerImage {
  container: ContainerLocation;
  /** The `image:` value, a non-empty string. */
  image: Scalar<string>;
}

/** Every container of a workload that names an image, with that value's node (for ranges and edits). */
export function containerImagesOf(root: YAMLMap, kind: string): ContainerImage[] {
  const pod = podSpecOf(root, kind);
  if (!pod) return [];
  return containersOf(pod).flatMap((container) => {
    const image = container.container.get('image', true);
    return isScalar(image) && typeof image.value === 'string' && image.value.trim() !== ''
      ? [{ container, image: image as Scalar<string> }]
      : [];
  });
}
