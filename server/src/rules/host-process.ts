import { replaceNode } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import { containerLabel, isTrue, scalarAt } from './podSecurity';
import type { Rule } from './rule';

const PATH = ['securityContext', 'windowsOptions', 'hostProcess'];

export const hostProcess: Rule = {
  meta: {
    id: 'host-process',
    title: 'Windows HostProcess container',
    severity: 'error',
    category: 'security',
    guideSection: 'Security Hardening',
    fixable: true,
    baseline: true,
    docs: [
      'A Windows HostProcess container (`securityContext.windowsOptions.hostProcess: true`) runs directly on',
      'the Windows node as a process of the host, with the host\'s network and file system, and usually as',
      '`NT AUTHORITY\\SYSTEM`: there is no container boundary left. The `baseline` Pod Security Standard forbids',
      'it, at pod and at container level.',
      '',
      'It is meant for node agents (CNI, storage, logging) installed by the platform, which on AKS come as',
      'add-ons. The fix sets `hostProcess: false`; a trusted node agent that needs it should be silenced with',
      'a `kube-guide.io/ignore` annotation saying why, and run in a namespace labelled for the `privileged`',
      'Pod Security level.',
    ].join('\n'),
  },

  check({ root, object, file, report }) {
    const pod = podSpecOf(root, object.kind);
    if (!pod) return;
    const owners = [
      { map: pod.spec, who: 'The pod' },
      ...containersOf(pod).map((location) => ({ map: location.container, who: `Container "${containerLabel(location)}"` })),
    ];
    for (const { map, who } of owners) {
      const value = scalarAt(map, PATH);
      if (!isTrue(value)) continue;
      report({
        message: `${who} runs as a Windows HostProcess (hostProcess: true), with full access to the node.`,
        range: file.rangeOf(value!),
        fix: { title: 'Set hostProcess: false', edits: [replaceNode(value!, 'false')] },
      });
    }
  },
};
