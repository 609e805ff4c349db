import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';

// The generated schema (scripts/build-schema.mjs), checked with a validator that knows nothing of
// yaml-language-server: what it accepts and what it reports is the schema's own doing.
const REPO_ROOT = path.resolve(__dirname, '../../..');
const SCHEMA_FILE = path.join(REPO_ROOT, 'dist', 'kubernetes-schema.json');
const META_FILE = path.join(REPO_ROOT, 'dist', 'kubernetes-schema.meta.json');
const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

/**
 * The findings that matter, as "<path> <keyword>" (plus the field name for an unknown field;
 * the document itself is "(top)").
 * Left out: the dispatcher's `if` errors, which only say which apiVersion and kind matched, and the two
 * errors of a nullable wrapper (`anyOf: [{ $ref }, { type: "null" }]`: "must be null" and the
 * `anyOf` summary), which repeat the real finding of the `$ref` branch.
 */
function findings(validate: ValidateFunction, yamlText: string): string[] {
  if (validate(parse(yamlText))) return [];
  const meaningful = (validate.errors ?? []).filter(
    (error: ErrorObject) =>
      error.keyword !== 'if' && error.keyword !== 'anyOf' && !(error.keyword === 'type' && error.params.type === 'null'),
  );
  const described = meaningful.map((error) => {
    const field = error.keyword === 'additionalProperties' ? ` ${String(error.params.additionalProperty)}` : '';
    return `${error.instancePath || '(top)'} ${error.keyword}${field}`;
  });
  return [...new Set(described)];
}

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: 80
              name: http
              protocol: TCP
          resources:
            requests: {cpu: 100m, memory: 64Mi}
            limits: {cpu: 0.5, memory: 128Mi}
`;

/** DEPLOYMENT with one fragment replaced; fails loudly if the fragment is gone, so cases cannot rot. */
function deploymentWith(line: string, replacement: string): string {
  assert.ok(DEPLOYMENT.includes(line), `DEPLOYMENT has no line "${line}"`);
  return DEPLOYMENT.replace(line, replacement);
}

const CONTAINER = '/spec/template/spec/containers/0';
const RESOURCES = `          resources:
            requests: {cpu: 100m, memory: 64Mi}
            limits: {cpu: 0.5, memory: 128Mi}
`;

describe('generated Kubernetes schema', function () {
  // ajv compiles the ~900 definitions up front: a few seconds on a small machine.
  this.timeout(60_000);
  let validate: ValidateFunction;

  before(() => {
    assert.ok(existsSync(SCHEMA_FILE), `${SCHEMA_FILE} is missing: run "node scripts/build-schema.mjs"`);
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
    validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  });

  describe('flags', () => {
    const invalid: Array<{ name: string; yaml: string; expected: string[] }> = [
      {
        name: 'an unknown field (spec.replicass)',
        yaml: deploymentWith('  replicas: 2', '  replicass: 2'),
        expected: ['/spec additionalProperties replicass'],
      },
      {
        name: 'a word where an integer belongs (replicas: three)',
        yaml: deploymentWith('  replicas: 2', '  replicas: three'),
        expected: ['/spec/replicas type'],
      },
      {
        name: 'a fraction where an integer belongs (replicas: 2.5)',
        yaml: deploymentWith('  replicas: 2', '  replicas: 2.5'),
        expected: ['/spec/replicas type'],
      },
      {
        name: 'a string containerPort ("80x"): ports are integers, not IntOrString',
        yaml: deploymentWith('- containerPort: 80', '- containerPort: "80x"'),
        expected: [`${CONTAINER}/ports/0/containerPort type`],
      },
      {
        name: 'an imagePullPolicy outside its enum (Sometimes)',
        yaml: deploymentWith('imagePullPolicy: IfNotPresent', 'imagePullPolicy: Sometimes'),
        expected: [`${CONTAINER}/imagePullPolicy enum`],
      },
      {
        name: 'a container port protocol outside its enum (HTTP)',
        yaml: deploymentWith('protocol: TCP', 'protocol: HTTP'),
        expected: [`${CONTAINER}/ports/0/protocol enum`],
      },
      {
        name: 'a Service type in the wrong case (Loadbalancer)',
        yaml: `
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: Loadbalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`,
        expected: ['/spec/type enum'],
      },
      {
        name: 'an Ingress pathType outside its enum (Any)',
        yaml: `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            pathType: Any
            backend: {service: {name: web, port: {number: 80}}}
`,
        expected: ['/spec/rules/0/http/paths/0/pathType enum'],
      },
      {
        name: 'a Pod restartPolicy outside its enum (Sometimes)',
        yaml: `
apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: Sometimes
  containers: [{name: main, image: busybox}]
`,
        expected: ['/spec/restartPolicy enum'],
      },
      {
        name: 'a PVC access mode outside its enum (ReadWriteSometimes)',
        yaml: `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteSometimes]
  resources: {requests: {storage: 1Gi}}
`,
        expected: ['/spec/accessModes/0 enum'],
      },
      {
        name: 'a number as a label value (labels are strings)',
        yaml: deploymentWith('  labels: {app: web}\nspec:', '  labels: {app: web, version: 2}\nspec:'),
        expected: ['/metadata/labels/version type'],
      },
      {
        name: 'a required object left empty (template:), which only optional sections may be',
        yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
`,
        expected: ['/spec/template type'],
      },
      {
        name: 'an empty list item where a container belongs',
        yaml: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    -
`,
        expected: ['/spec/containers/0 type'],
      },
      {
        name: 'a scalar where an optional object belongs (securityContext: 5)',
        yaml: deploymentWith(RESOURCES, `          securityContext: 5\n${RESOURCES}`),
        expected: [`${CONTAINER}/securityContext type`],
      },
    ];

    for (const { name, yaml, expected } of invalid) {
      it(name, () => {
        assert.deepEqual(findings(validate, yaml), expected);
      });
    }
  });

  describe('accepts', () => {
    const valid: Array<{ name: string; yaml: string }> = [
      { name: 'a good Deployment', yaml: DEPLOYMENT },
      {
        name: 'a Service whose targetPort names a container port (IntOrString)',
        yaml: `
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports:
    - {name: http, port: 80, targetPort: http}
    - {name: metrics, port: 9090, targetPort: 9090}
`,
      },
      {
        name: 'a StatefulSet whose volumeClaimTemplates leave out apiVersion and kind',
        yaml: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
        - name: db
          image: postgres:16
          volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 10Gi}}
`,
      },
      {
        name: 'creationTimestamp: null and empty sections, as kubectl and templates print them',
        yaml: `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  creationTimestamp: null
  annotations:
spec:
  selector: {matchLabels: {app: web}}
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels: {app: web}
    spec:
      securityContext:
      containers:
        - name: web
          image: nginx
          resources: {}
          env:
status: {}
`,
      },
      { name: 'a Deployment with resources: {}', yaml: deploymentWith(RESOURCES, '          resources: {}\n') },
      {
        name: 'a cert-manager Certificate (a custom resource: not ours to judge)',
        yaml: `
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: web-tls}
spec:
  secretName: web-tls
  dnsNames: [example.com]
  issuerRef: {name: letsencrypt, kind: ClusterIssuer}
`,
      },
      {
        name: 'an Argo CD Application',
        yaml: `
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: guestbook, namespace: argocd}
spec:
  project: default
  source: {repoURL: https://github.com/argoproj/argocd-example-apps.git, path: guestbook, targetRevision: HEAD}
  destination: {server: https://kubernetes.default.svc, namespace: guestbook}
`,
      },
      {
        name: 'a kustomize Kustomization',
        yaml: `
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [deployment.yaml, service.yaml]
images: [{name: nginx, newTag: "1.27"}]
`,
      },
      {
        name: 'quantities as strings or plain numbers, and a percentage maxSurge',
        yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          resources: {requests: {cpu: 0.25, memory: 64Mi}, limits: {cpu: "1", memory: 1Gi}}
`,
      },
      {
        name: 'a CustomResourceDefinition schema with fractions, booleans and free-form defaults',
        yaml: `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              x-kubernetes-preserve-unknown-fields: true
              properties:
                ratio: {type: number, minimum: 0.5, maximum: 1.5, default: 1}
                labels: {type: object, additionalProperties: {type: string}}
                mode: {type: string, enum: [fast, safe], default: safe}
`,
      },
    ];

    for (const { name, yaml } of valid) {
      it(name, () => {
        assert.deepEqual(findings(validate, yaml), []);
      });
    }

    it('a document with neither apiVersion nor kind is reported at the top only', () => {
      assert.deepEqual(findings(validate, 'metadata: {name: x}\n'), ['(top) required']);
    });
  });

  describe('shape', () => {
    it('requires apiVersion and kind at the top level only', () => {
      const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
        required: string[];
        definitions: Record<string, { required?: string[] }>;
      };
      assert.deepEqual(schema.required, ['apiVersion', 'kind']);
      const requiringTypeMeta = Object.entries(schema.definitions)
        .filter(([, definition]) => definition.required?.some((key) => key === 'apiVersion' || key === 'kind'))
        .map(([name]) => name);
      assert.deepEqual(requiringTypeMeta, []);
    });

    it('records the Kubernetes version and the kind count beside the schema', () => {
      const meta = JSON.parse(readFileSync(META_FILE, 'utf8')) as { kubernetesVersion: string; kinds: number };
      assert.match(meta.kubernetesVersion, /^1\.\d+\.\d+$/);
      assert.ok(meta.kinds > 200, `only ${meta.kinds} kinds`);
    });
  });

  describe('real-world corpus (../shared/corpus)', () => {
    const corpusFiles = existsSync(CORPUS_DIR) ? yamlFilesUnder(CORPUS_DIR) : [];
    if (corpusFiles.length === 0) {
      it('is skipped: the corpus is not beside this checkout', function () {
        this.skip();
      });
    }
    for (const file of corpusFiles) {
      it(`has no schema error in ${path.relative(CORPUS_DIR, file)}`, () => {
        const problems = parseAllDocuments(readFileSync(file, 'utf8'))
          .map((document) => document.toJS() as unknown)
          .filter((object) => object !== null && object !== undefined)
          .flatMap((object, index) =>
            validate(object) ? [] : [`document ${index + 1}: ${JSON.stringify(validate.errors?.slice(0, 3))}`],
          );
        assert.deepEqual(problems, []);
      });
    }
  });
});

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return yamlFilesUnder(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    });
}
