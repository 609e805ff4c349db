// The shape of the guide's teaching as data. Every text here is written for Kube Guide in our own words;
// `guideSection` points at the heading of the guide it comes from, `correction` says where the guide is
// outdated and what the current form is.

export interface KnowledgeLink {
  title: string;
  /** Rendered as a link only; never fetched. */
  url: string;
}

/**
 * Where an entry applies. Paths are patterns over canonical paths (see lookup.ts):
 * - `spec.replicas`: the path from the object's root, list positions written `[*]`;
 * - `pod:containers[*].image`: relative to the pod spec, whichever workload kind holds it;
 * - `meta:labels`: relative to any object metadata (the object's, a pod template's, a claim template's);
 * - `pvc:accessModes`: relative to a claim spec (a PersistentVolumeClaim's, or a StatefulSet's claim template);
 * - `**.topologyKey`: the field wherever it occurs;
 * - keys with dots or slashes are quoted: `meta:annotations["kubernetes.io/ingress.class"]`.
 */
export type KnowledgeMatch =
  /** The kind itself: hover on `kind: StatefulSet`, or on a reference to the kind. */
  | { on: 'kind'; kinds: string[] }
  /** A field, hovered on its key. `kinds` limits it to objects of those kinds. */
  | { on: 'key'; paths: string[]; kinds?: string[] }
  /** A value of a field, hovered on the value; `values` are exact, `prefixes` match the start of the value. */
  | { on: 'value'; paths: string[]; values?: string[]; prefixes?: string[]; kinds?: string[] };

export interface KnowledgeEntry {
  /** Stable identifier, such as `kind/StatefulSet` or `storage-class/azurefile-csi`. */
  id: string;
  /** The name shown in bold on top of the hover. */
  title: string;
  /** One line: what it is. */
  summary: string;
  /** What it does and when to choose it over its alternatives (Markdown). */
  details?: string;
  bestPractice?: string;
  /** What is particular on Azure Kubernetes Service. */
  aks?: string;
  /** Where the guide shows an outdated or wrong form, and what replaced it. */
  correction?: string;
  /** The heading of the guide this knowledge comes from. */
  guideSection: string;
  links: KnowledgeLink[];
  match: KnowledgeMatch[];
  /** Offer the entry's exact values in completion (values that are not deprecated forms). */
  complete?: boolean;
  /** The value is a legacy form: completion marks it deprecated. */
  deprecated?: boolean;
}

/** Links used by many entries. */
export const link = (title: string, url: string): KnowledgeLink => ({ title, url });

/** A map key appended to a path pattern, written as lookup.ts writes paths: plain names after a dot, others quoted. */
export const keyIn = (mapPattern: string, key: string): string =>
  /^[A-Za-z0-9_-]+$/.test(key) ? `${mapPattern}.${key}` : `${mapPattern}[${JSON.stringify(key)}]`;

/** What an entry says, without its identity and where it applies. */
export type EntryText = Omit<KnowledgeEntry, 'id' | 'title' | 'match'>;

/** An entry with its own matches (kinds, values). */
export const entryOf = (id: string, title: string, match: KnowledgeMatch[], text: EntryText): KnowledgeEntry => ({ id, title, match, ...text });

/** An entry for a field, hovered on its key: its id is `field/<id>`. */
export const fieldEntry = (id: string, title: string, paths: string[], text: EntryText, kinds?: string[]): KnowledgeEntry =>
  entryOf(`field/${id}`, title, [{ on: 'key', paths, kinds }], text);
