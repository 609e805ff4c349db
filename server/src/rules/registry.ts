import type { Rule } from './rule';
import { containerResources } from './container-resources';

/** Every rule Kube Guide has. Settings, docs pages and the README's rule table are generated from it. */
export const ALL_RULES: readonly Rule[] = [
  containerResources,
];
