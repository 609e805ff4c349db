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
  /** How many documents are Go/Helm templates (`{{ }}`), which are not checked until rendered. */
  templatesSkipped?: number;
  /** Set when the file is a manifest too large to check (kubeGuide.maxFileSize): its size in MB. */
  tooLargeMb?: number;
}

/** Asked by the client for "Kube Guide: Open Guide Topic": the knowledge for the symbol at a position. */
export const GUIDE_TOPIC_REQUEST = 'kubeGuide/guideTopic';

export interface GuideTopicParams {
  uri: string;
  position: { line: number; character: number };
}

/** The topic as Markdown (our own texts; the user's words in it are escaped), or null when there is none. */
export type GuideTopicResult = { title: string; markdown: string } | null;
