import { probeRule } from './probes';

export const livenessProbe = probeRule('livenessProbe', 'liveness probe', { initialDelaySeconds: 15, periodSeconds: 20, failureThreshold: 3 }, {
  id: 'liveness-probe',
  title: 'Container without a liveness probe',
  severity: 'warning',
  category: 'reliability',
  guideSection: 'How would you design a highly available application on AKS?',
  baseline: false,
  docs: [
    'A liveness probe lets the kubelet restart a container that is still running but no longer working: a',
    'deadlocked JVM, an event loop that stopped answering. Without one, such a container stays up, keeps its',
    'place behind the Service (unless a readiness probe takes it out) and never recovers on its own. The guide',
    'lists liveness probes among the basics of a highly available service.',
    '',
    'Keep it cheap and local: a liveness probe that checks a database restarts every pod when the database is',
    'slow, which makes an outage worse. For slow-starting applications add a `startupProbe` rather than a long',
    '`initialDelaySeconds`.',
    '',
    'Only the long-running containers of a pod are checked: init containers, ephemeral debug containers and the',
    'pods of Jobs and CronJobs are left alone.',
    '',
    'The fix is offered when the container declares a port. It probes that port: with an HTTP `GET /` when the',
    'port is named `http`, `https` or `http-…`, and with a TCP connection otherwise. It waits 15 seconds before',
    'the first check and restarts the container after three failures 20 seconds apart; adjust to your',
    'application (for Spring Boot, `/actuator/health/liveness`).',
  ].join('\n'),
});
