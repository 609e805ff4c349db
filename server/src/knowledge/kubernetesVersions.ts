// Kubernetes minor versions ("1.34"): the default target of the version-aware checks, and how to compare them.

/**
 * The Kubernetes version manifests are checked for when nobody chose one: the newest minor version AKS
 * offers (generally available, not preview). Chosen from AKS's supported-versions list as of late 2026,
 * when it was 1.34; nothing here can look it up, since Kube Guide never goes online.
 * Review it with every AKS minor release (about every four months) and raise it when AKS makes a newer
 * minor version generally available; the README, the setting's description and the tests follow it.
 */
export const NEWEST_AKS_KUBERNETES_VERSION = '1.34';

/** A minor version as written in settings: "1.34" (no patch, no leading "v"). */
export const MINOR_VERSION_PATTERN = /^\d+\.\d+$/;

export function isMinorVersion(value: unknown): value is string {
  return typeof value === 'string' && MINOR_VERSION_PATTERN.test(value);
}

/** Negative when `a` is older than `b`, zero when equal, positive when newer: "1.9" < "1.25". */
export function compareMinorVersions(a: string, b: string): number {
  const [aMajor, aMinor] = a.split('.').map(Number);
  const [bMajor, bMinor] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** True when `version` is `since` or newer. */
export const isAtLeast = (version: string, since: string): boolean => compareMinorVersions(version, since) >= 0;
