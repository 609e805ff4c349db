import { imageRegistryTrusted } from './image-registry-trusted';
import { testRule, yaml } from './testing/ruleTester';

const pod = (...images: string[]) => yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', ...images.map((image) => `  - image: ${image}`));
const trustedRegistries = ['myacr.azurecr.io', '*.microsoft.com', 'docker.io/bitnami'];

testRule(imageRegistryTrusted, {
  valid: [
    { name: 'no trusted list: every registry is trusted', code: pod('nginx:1.27', 'quay.io/x/y:1') },
    {
      name: 'hosts, wildcards and paths in the list',
      code: pod('myacr.azurecr.io/api:1', 'MyACR.azurecr.io/web:2', 'mcr.microsoft.com/dotnet/aspnet:8.0', 'bitnami/redis:7.2', 'docker.io/bitnami/postgresql:16'),
      settings: { trustedRegistries },
    },
    { name: 'Docker Hub short names count as docker.io', code: pod('nginx:1.27', 'library/redis:7'), settings: { trustedRegistries: ['docker.io'] } },
  ],
  invalid: [
    {
      name: 'Docker Hub, another ACR, and a look-alike host',
      code: pod('nginx:1.27', 'otheracr.azurecr.io/api:1', '"myacr.azurecr.io.evil.com/api:1"', 'docker.io/bitnamilabs/x:1'),
      settings: { trustedRegistries },
      errors: [
        { line: 5, message: 'Image "nginx:1.27" comes from "docker.io", which is not a trusted registry (myacr.azurecr.io, *.microsoft.com, docker.io/bitnami).' },
        { line: 6, message: /^Image "otheracr.azurecr.io\/api:1" comes from "otheracr.azurecr.io"/ },
        { line: 7, message: /^Image "myacr.azurecr.io.evil.com\/api:1" comes from "myacr.azurecr.io.evil.com"/ },
        { line: 8, message: /^Image "docker.io\/bitnamilabs\/x:1" comes from "docker.io"/ },
      ],
    },
  ],
});
