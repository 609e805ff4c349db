import { istioApiVersion } from './istio-api-version';
import { testRule, yaml } from './testing/ruleTester';

const peerAuthentication = (apiVersion: string) =>
  yaml(`apiVersion: ${apiVersion} # mesh-wide`, 'kind: PeerAuthentication', 'metadata:', '  name: default', '  namespace: my-namespace', 'spec:', '  mtls:', '    mode: STRICT');

testRule(istioApiVersion, {
  valid: [
    { name: 'v1 already', code: peerAuthentication('security.istio.io/v1') },
    { name: 'EnvoyFilter has no v1', code: yaml('apiVersion: networking.istio.io/v1alpha3', 'kind: EnvoyFilter', 'metadata:', '  name: lua') },
    { name: 'not Istio', code: yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: deny') },
  ],
  invalid: [
    {
      name: 'the guide\'s PeerAuthentication, comment kept',
      code: peerAuthentication('security.istio.io/v1beta1'),
      errors: [{ line: 1, message: 'PeerAuthentication is served as security.istio.io/v1 since Istio 1.22: prefer it to v1beta1.' }],
      output: peerAuthentication('security.istio.io/v1'),
    },
    {
      name: 'a quoted v1alpha3 VirtualService',
      code: yaml('apiVersion: "networking.istio.io/v1alpha3"', 'kind: VirtualService', 'metadata:', '  name: reviews'),
      errors: [{ line: 1, message: 'VirtualService is served as networking.istio.io/v1 since Istio 1.22: prefer it to v1alpha3.' }],
      output: yaml('apiVersion: "networking.istio.io/v1"', 'kind: VirtualService', 'metadata:', '  name: reviews'),
    },
    {
      name: 'Telemetry: reported without a fix',
      code: yaml('apiVersion: telemetry.istio.io/v1alpha1', 'kind: Telemetry', 'metadata:', '  name: mesh-default'),
      errors: [{ line: 1, message: 'Telemetry is served as telemetry.istio.io/v1 since Istio 1.22: prefer it to v1alpha1, after checking the fields v1 dropped.' }],
    },
  ],
});
