import type { ObjectSummary } from '../model/objectSummary';
import { namespaceOf } from '../model/workspaceIndex';

// How cross-resource findings name the objects and files they talk about.

/** `Deployment "web"`. */
export function objectLabel(object: Pick<ObjectSummary, 'kind' | 'name'>): string {
  return `${object.kind} "${object.name ?? 'unnamed'}"`;
}

/** The file name of an index URI (`file:///repo/k8s/web.yaml` → `web.yaml`), for messages. */
export function fileNameOf(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `Deployment "web" (web.yaml)`. */
export function objectInFile(object: Pick<ObjectSummary, 'kind' | 'name' | 'uri'>): string {
  return `${objectLabel(object)} (${fileNameOf(object.uri)})`;
}

/** One entry per object identity: the same object written in two files (variants, overlays) counts once. */
export function distinctObjects(objects: readonly ObjectSummary[]): ObjectSummary[] {
  const seen = new Set<string>();
  return objects.filter((object) => {
    const key = `${object.kind}/${namespaceOf(object) ?? ''}/${object.name ?? `#${object.uri}#${object.documentIndex}`}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
