import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { appendToMap, columnOf, indentUnitOf } from '../fixes/yamlEdits';
import { containersOf, podSpecOf } from '../model/workloads';
import type { Rule, RuleMeta } from './rule';

// Shared by `readiness-probe` and `liveness-probe`: the two differ only in the probe's field, its
// timings and their docs.

/** Run-to-completion pods: a probe on a batch container only gets in the way. */
const BATCH_KINDS = new Set(['Job', 'CronJob']);

interface PortChoice {
  /** What the probe's `port` field says: the port's name when it has one, else its number. */
  port: string;
  /** `http` or `https` when the port's name says it speaks HTTP. */
  http?: 'HTTP' | 'HTTPS';
}

/** The port a probe should use: one named for HTTP first, else the first declared port. */
function choosePort(container: YAMLMap): PortChoice | undefined {
  const ports = container.get('ports', true);
  if (!isSeq(ports)) return undefined;
  const candidates = ports.items.flatMap((item) => {
    if (!isMap(item)) return [];
    const number = item.get('containerPort');
    const name = item.get('name');
    if (typeof number !== 'number') return [];
    const named = typeof name === 'string' && name !== '' ? name : undefined;
    const http = named && /^https$|^https-/.test(named) ? 'HTTPS' : named && /^http$|^http-/.test(named) ? 'HTTP' : undefined;
    return [{ port: named ?? String(number), http } as PortChoice];
  });
  return candidates.find((candidate) => candidate.http) ?? candidates[0];
}

function probeLines(field: string, port: PortChoice, timings: Record<string, number>, unit: number): string[] {
  const pad = ' '.repeat(unit);
  const handler = port.http
    ? ['httpGet:', `${pad}path: /`, `${pad}port: ${port.port}`, ...(port.http === 'HTTPS' ? [`${pad}scheme: HTTPS`] : [])]
    : ['tcpSocket:', `${pad}port: ${port.port}`];
  return [`${field}:`, ...[...handler, ...Object.entries(timings).map(([key, value]) => `${key}: ${value}`)].map((line) => pad + line)];
}

/** A rule that every long-running app container declares the probe `field`. */
export function probeRule(field: 'readinessProbe' | 'livenessProbe', words: string, timings: Record<string, number>, meta: Omit<RuleMeta, 'fixable'>): Rule {
  return {
    meta: { ...meta, fixable: true },
    check({ root, object, file, report }) {
      if (BATCH_KINDS.has(object.kind)) return;
      const pod = podSpecOf(root, object.kind);
      if (!pod) return;
      for (const location of containersOf(pod)) {
        // Init containers run to completion; ephemeral ones are for debugging and take no probes.
        if (location.list !== 'containers') continue;
        const { container } = location;
        const probe = container.get(field, true);
        if (probe !== undefined && !(isScalar(probe) && (probe.value === null || probe.value === ''))) continue;
        const label = location.name ?? String(location.index);
        const anchor = (container.get('name', true) as YamlNode | undefined) ?? container;
        const port = probe === undefined ? choosePort(container) : undefined;
        const firstKey = container.items[0]?.key as YamlNode | undefined;
        const edit = port
          ? appendToMap(file.text, container, probeLines(field, port, timings, indentUnitOf(file.text)), firstKey ? columnOf(file.text, firstKey) : 0)
          : undefined;
        report({
          message: `Container "${label}" has no ${words}.`,
          range: file.rangeOf(anchor),
          fix: edit && port ? { title: `Add a ${port.http ? 'HTTP' : 'TCP'} ${words} on port ${port.port} to "${label}"`, edits: [edit] } : undefined,
        });
      }
    },
  };
}
