// Custom messages between the extension client and the server. Plain data only: the client bundles
// this file too, and must stay free of Kubernetes logic.

/** Sent by the server after it reads a document: what the client shows in the status bar. */
export const MANIFEST_STATUS_NOTIFICATION = 'kubeGuide/manifestStatus';

export interface ManifestStatus {
  uri: string;
  /** True when the document holds at least one Kubernetes object. */
  isManifest: boolean;
  /** The objects' kinds and names, in document order, for the status bar tooltip. */
  objects: Array<{ kind: string; name?: string }>;
  /** The Kubernetes version the schema describes, such as "1.34". */
  kubernetesVersion?: string;
}
