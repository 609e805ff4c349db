import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The identifier yaml-language-server knows our schema by. It is never fetched: the schema is passed inline. */
export const KUBERNETES_SCHEMA_URI = 'kube-guide://schemas/kubernetes.json';

const SCHEMA_FILE = 'kubernetes-schema.json';
const META_FILE = 'kubernetes-schema.meta.json';

/** What the build recorded about the schema it generated. */
export interface KubernetesSchemaMeta {
  kubernetesVersion?: string;
  kubernetesModelsVersion?: string;
  kinds?: number;
}

// The schema sits next to the bundled server (dist/), or in dist/ at the repository root when the
// server runs from compiled sources in tests (out/server/src/schema/).
function distCandidates(fileName: string): string[] {
  return [path.join(__dirname, fileName), path.resolve(__dirname, '..', '..', '..', '..', 'dist', fileName)];
}

/** Where a file or folder the build wrote into dist/ is, if it is anywhere. */
export function findDistPath(fileName: string): string | undefined {
  return distCandidates(fileName).find((candidate) => existsSync(candidate));
}

function findSchemaFile(fileName: string): string {
  const candidates = distCandidates(fileName);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `Kube Guide cannot find its Kubernetes schema (${fileName}); looked in ${candidates.join(', ')}. ` +
        'Run "npm run build" to generate it.',
    );
  }
  return found;
}

/** Reads the Kubernetes JSON schema that the build generated. */
export function loadKubernetesSchema(): object {
  return JSON.parse(readFileSync(findSchemaFile(SCHEMA_FILE), 'utf8')) as object;
}

/** Reads the schema's build record; an empty record when it is missing, since it only feeds display. */
export function loadKubernetesSchemaMeta(): KubernetesSchemaMeta {
  try {
    return JSON.parse(readFileSync(findSchemaFile(META_FILE), 'utf8')) as KubernetesSchemaMeta;
  } catch {
    return {};
  }
}

/** "1.36" from "1.36.0": people name Kubernetes releases by their minor version. */
export function kubernetesMinorVersion(meta: KubernetesSchemaMeta): string | undefined {
  return /^(\d+\.\d+)/.exec(meta.kubernetesVersion ?? '')?.[1];
}
