/** The cluster run in Markdown: a section of the full report, or a report of its own (`--no-single`). */
import { dist, n0, n1, table } from './format.js';
import type { ClusterOnlyResults, ClusterResults, TargetCheck } from './results.js';

/** The cluster section's lines. */
export function clusterSection(c: ClusterResults): string[] {
  const out: string[] = [];
  out.push(`## Cluster: ${c.processes} processes behind HAProxy`);
  out.push('');
  const owners = Object.entries(c.owners)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([node, ids]) => `${node} ${ids.length}`)
    .join(', ');
  out.push(
    `${c.negotiations} negotiations served at once, ${c.clientsPerNegotiation} clients each, all through HAProxy; ` +
      `each negotiation has its own typist (as in the single-process runs) and delegates tabling or supporting ` +
      `${c.commandsPerSecond} proposals/s. PostgreSQL and Redis: ${c.services}; negotiations seeded in ${n1(c.seedSeconds)} s. ` +
      `Negotiations per process (HAProxy's affinity): ${owners}.`,
  );
  out.push('');
  const l = c.load;
  if (l) {
    out.push(
      table(
        ['', 'p50', 'p95', 'p99', 'max', 'lost / expected'],
        [
          [
            'edit fan-out, all reached (ms)',
            ...dist(l.edits.allReached),
            `${l.edits.lost} / ${l.edits.expected}`,
          ],
          ['edit fan-out, per delivery (ms)', ...dist(l.edits.delivery), ''],
          ['durable ack of the typists (ms)', ...dist(l.edits.ack), ''],
          [
            `proposal commands, ack (${l.proposals.ok}/${l.proposals.sent} ok) (ms)`,
            ...dist(l.proposals.ack),
            '',
          ],
          [
            'proposals, arrival (ms)',
            ...dist(l.proposals.delivery),
            `${l.proposals.lost} / ${l.proposals.expected}`,
          ],
        ],
      ),
    );
    out.push('');
    const errors = Object.entries(l.proposals.errors);
    const closes = Object.entries(l.unexpectedCloses);
    out.push(
      `CPU in % of one core over the measured ${n0(l.measuredSeconds)} s: ` +
        l.processes.map((p) => `${p.name} ${n0(p.cpuPercent)} (RSS max ${n0(p.rssMaxMb)} MB)`).join(', ') +
        `; load generators ${n0(l.loadgenCpuPercent)}; PostgreSQL, Redis and everything else ${n0(l.otherCpuPercent)} ` +
        `(machine ${n0(l.machineCpuPercent)} of 200). Edit fan-out p99 per negotiation: ` +
        l.perNegotiation
          .map((n) => `${n.negotiationId.replace(/^bench-cluster-/, '#')} ${n1(n.editsAllReachedP99)}`)
          .join(', ') +
        ` ms. Unexpected closes: ${closes.length === 0 ? 'none' : closes.map(([code, k]) => `${k}×${code}`).join(', ')}` +
        `${errors.length === 0 ? '' : `; command errors: ${errors.map(([code, k]) => `${k}× ${code}`).join(', ')}`}.`,
    );
    out.push('');
  }
  const r = c.resync;
  if (r) {
    const failures = Object.entries(r.failures)
      .map(([why, k]) => `${k}× ${why}`)
      .join(', ');
    out.push(
      `Resync: ${r.clients} clients of ${r.negotiationId} (the typist typing), its process ${r.killed} killed with SIGKILL. ` +
        `A client counts as resynced once it is synced with another process and has received an edit the typist made there. ` +
        `${r.clients - r.notResynced} of ${r.clients} resynced; all within ${r.allMs === null ? '– (not all)' : `${n0(r.allMs)} ms`} ` +
        `(per client p50 ${n0(r.perClient.p50)} ms, p99 ${n0(r.perClient.p99)} ms); ` +
        `${r.attempts} attempts to join again${failures ? ` (drops and refusals: ${failures})` : ''}.`,
    );
    out.push('');
  }
  return out;
}

/** The report of a cluster-only run. */
export function clusterOnlyReport(r: ClusterOnlyResults): string {
  const m = r.machine;
  const s = r.settings;
  return [
    `# Cluster benchmark — ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}. Run took ${Math.round(r.durationSeconds / 60)} min. ` +
      `Load: ${s.editsPerSecond} edits/s per typist; presence renewed every ${Number(s.presenceRenewMs) / 1000} s; ` +
      `${s.warmupSeconds} s warm-up, ${s.seconds} s measured, ${s.drainSeconds} s drain; ${s.paragraphs} paragraphs per negotiation. ` +
      `Servers: ${r.serverRuntime}.`,
    '',
    ...clusterSection(r.cluster),
    '## Targets (2-core machine)',
    '',
    targetTable(r.targets),
    '',
  ].join('\n');
}

function targetTable(targets: readonly TargetCheck[]): string {
  return table(
    ['target', 'goal', 'measured', 'met'],
    targets.map((t) => [t.name, t.goal, t.value, t.met === null ? 'not measured' : t.met ? 'yes' : '**no**']),
  );
}
