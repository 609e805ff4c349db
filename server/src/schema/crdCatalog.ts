import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findDistPath } from './kubernetesSchema';
import type { SchemaNode } from './schemaIndex';

/** The schemas of one API group's custom resources: the format of each file in dist/crd-schemas/. */
export interface CustomResourceGroup {
  group: string;
  /** Where the schemas come from: npm packages and versions, or our own hand-written file. */
  source: string;
  /** apiVersion → kind → the name of its definition in `definitions`. */
  kinds: Record<string, Record<string, string>>;
  /** May `$ref` the core schema's definitions (ObjectMeta, PodTemplateSpec), which are always beside them. */
  definitions: Record<string, SchemaNode>;
}

/** Custom-resource schemas by API group. */
export interface CustomResourceCatalog {
  /** The group's schemas, or undefined when none ships. */
  group(name: string): CustomResourceGroup | undefined;
}

/** For tests, and for measuring what the bundled schemas cost. */
export const NO_CUSTOM_RESOURCES: CustomResourceCatalog = { group: () => undefined };

const CRD_SCHEMA_DIR = 'crd-schemas';
const INDEX_FILE = 'index.json';

interface CatalogIndex {
  groups: Record<string, { file: string }>;
}

/** "cert-manager.io" from "cert-manager.io/v1"; undefined for the core group ("v1"). */
export function apiGroupOf(apiVersion: string): string | undefined {
  const slash = apiVersion.indexOf('/');
  return slash > 0 ? apiVersion.slice(0, slash) : undefined;
}

/**
 * The schemas the build wrote to dist/crd-schemas/. Nothing is read until a group is asked for, and then
 * only the index and that group's file. Without the folder (a server copied without it) custom
 * resources simply pass unchecked, as they did before these schemas existed.
 */
export function loadBundledCustomResources(dir: string | undefined = findDistPath(CRD_SCHEMA_DIR)): CustomResourceCatalog {
  let index: CatalogIndex | undefined;
  const loaded = new Map<string, CustomResourceGroup | undefined>();
  const readIndex = (): CatalogIndex => {
    if (!index) {
      try {
        index = dir ? (JSON.parse(readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as CatalogIndex) : { groups: {} };
      } catch {
        index = { groups: {} };
      }
    }
    return index;
  };
  return {
    group(name) {
      if (!loaded.has(name)) {
        const entry = Object.hasOwn(readIndex().groups, name) ? readIndex().groups[name] : undefined;
        loaded.set(name, entry && dir ? (JSON.parse(readFileSync(path.join(dir, entry.file), 'utf8')) as CustomResourceGroup) : undefined);
      }
      return loaded.get(name);
    },
  };
}
