import { imageTag } from './image-tag';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...images: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', ...images.map((image) => `  - image: ${image}`));

testRule(imageTag, {
  valid: [
    { name: 'a version tag', code: pod('nginx:1.25', 'myacr.azurecr.io/team/api:2024.06.1') },
    { name: 'a digest, with or without a tag', code: pod('nginx@sha256:0123456789abcdef', '"registry.k8s.io/pause:latest@sha256:abcd"') },
    { name: 'a registry with a port and a tag', code: pod('localhost:5000/api:1.0') },
  ],
  invalid: [
    {
      name: 'no tag, and a registry port mistaken for none',
      code: pod('nginx', 'localhost:5000/api'),
      errors: [
        { line: 5, message: 'Image "nginx" has no tag, so it runs whatever ":latest" is at pull time.' },
        { line: 6, message: 'Image "localhost:5000/api" has no tag, so it runs whatever ":latest" is at pull time.' },
      ],
    },
    {
      name: "the guide's :latest, in an init container too",
      code: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers:',
        '      - name: setup',
        "        image: 'busybox:latest'",
        '      containers:',
        '      - name: backend',
        '        image: myacr.azurecr.io/web-backend:latest',
      ),
      errors: [
        { line: 8, message: 'Image "busybox:latest" uses ":latest", which changes under you; pin a version.' },
        { line: 11, message: 'Image "myacr.azurecr.io/web-backend:latest" uses ":latest", which changes under you; pin a version.' },
      ],
    },
  ],
});
