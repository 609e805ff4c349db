import { probeRule } from './probes';

export const readinessProbe = probeRule('readinessProbe', 'readiness probe', { periodSeconds: 10, failureThreshold: 3 }, {
  id: 'readiness-probe',
  title: 'Container without a readiness probe',
  severity: 'warning',
  category: 'reliability',
  guideSection: 'How would you design a highly available application on AKS?',
  baseline: true,
  docs: [
    'A readiness probe tells Kubernetes when a container can take traffic. Until it passes, and whenever it',
    'fails, the pod is left out of its Services\' endpoints. Without one, a pod counts as ready the moment its',
    'process starts: during a rolling update or a scale-out, requests reach pods that are still warming up, and',
    'a rollout cannot tell a healthy new version from a broken one. The guide asks for readiness and liveness',
    'probes for high availability and for zero-downtime deployments.',
    '',
    'Only the long-running containers of a pod are checked: init containers, ephemeral debug containers and the',
    'pods of Jobs and CronJobs are left alone.',
    '',
    'The fix is offered when the container declares a port. It probes that port: with an HTTP `GET /` when the',
    'port is named `http`, `https` or `http-…`, and with a plain TCP connection otherwise (a TCP check cannot',
    'fail on a path the application does not serve). Point an HTTP probe at a real health endpoint (for',
    'example `/ready`, or Spring Boot\'s `/actuator/health/readiness`) and tune the timings to your start-up.',
  ].join('\n'),
});
