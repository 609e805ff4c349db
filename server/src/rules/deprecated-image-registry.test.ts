import { deprecatedImageRegistry } from './deprecated-image-registry';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...images: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', ...images.map((image) => `  - image: ${image}`));

testRule(deprecatedImageRegistry, {
  valid: [{ name: 'the new registry and look-alikes', code: pod('registry.k8s.io/pause:3.9', 'myk8s.gcr.io/x:1', 'gcr.io/k8s.gcr.io/y:1') }],
  invalid: [
    {
      name: "the guide's control-plane images, quoted and not",
      code: pod('k8s.gcr.io/kube-apiserver:v1.29.0 # static pod', '"k8s.gcr.io/busybox"'),
      errors: [
        { line: 5, message: '"k8s.gcr.io" is frozen and receives no new images; use "registry.k8s.io".' },
        { line: 6, message: '"k8s.gcr.io" is frozen and receives no new images; use "registry.k8s.io".' },
      ],
      output: pod('registry.k8s.io/kube-apiserver:v1.29.0 # static pod', '"registry.k8s.io/busybox"'),
    },
  ],
});
