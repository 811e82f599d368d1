/** The Markdown report of a benchmark run: the tables printed at the end and written next to the JSON. */
import type { DrivenRun } from '../load/drive.js';
import { clusterSection } from './clusterMarkdown.js';
import { dist, n0, n1, n2, table } from './format.js';
import type { BenchResults } from './results.js';
import { comparisonViewMs } from './targets.js';

function closes(run: DrivenRun): string {
  const c = Object.entries(run.load.unexpectedCloses);
  return c.length === 0 ? '0' : c.map(([code, k]) => `${k}×${code}`).join(', ');
}

/** The report as Markdown. */
export function markdownReport(r: BenchResults): string {
  const m = r.machine;
  const s = r.settings;
  const out: string[] = [];
  out.push(`# Benchmark results — ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC`);
  out.push('');
  out.push(
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}. ` +
      `Run took ${Math.round(r.durationSeconds / 60)} min.`,
  );
  const ng = r.negotiation;
  out.push(
    `Negotiation: ${ng.paragraphs} paragraphs, ${ng.proposals} proposals (${ng.supports} supports, ${ng.applied} applied) ` +
      `from ${ng.delegations} delegations, ${ng.closedReadings} closed readings and one open; ` +
      `${ng.reused ? 'reused' : `seeded in ${n1(ng.seedSeconds)} s`}.`,
  );
  out.push(
    `Load per run: a co-facilitator types ${s.editsPerSecond} edits/s; delegations table or support ${s.commandsPerSecond} proposals/s over HTTP; ` +
      `every client renews its presence every ${Number(s.presenceRenewMs) / 1000} s; each client holds 2 sockets (draft with presence, proposals). ` +
      `${s.warmupSeconds} s warm-up, ${s.seconds} s measured, ${s.drainSeconds} s drain. ` +
      `Server: ${r.serverRuntime}.`,
  );
  out.push('');
  out.push('## Edit fan-out (ms from send to arrival)');
  out.push('');
  out.push(
    '"All reached" is the time until an edit had reached every other client; "per delivery" counts each arrival at each client. ' +
      'Lost: (edit, client) pairs never received. Ratio: server p99 ÷ relay p99 in the same run.',
  );
  out.push('');
  const fanRows: string[][] = [];
  for (const cr of r.runs) {
    for (const run of [cr.server, cr.relay]) {
      if (!run) continue;
      const e = run.load.edits;
      fanRows.push([
        String(cr.clients),
        run.load.target,
        ...dist(e.allReached),
        ...dist(e.delivery).slice(0, 3),
        `${e.lost} / ${e.expected}`,
        run.load.target === 'server' ? n1(e.ack.p99) : '–',
        run.load.target === 'server' && cr.ratio
          ? `${n1(cr.ratio.allReachedP99)}× / ${n1(cr.ratio.deliveryP99)}×`
          : '',
      ]);
    }
  }
  out.push(
    table(
      [
        'clients',
        'target',
        'all reached p50',
        'p95',
        'p99',
        'max',
        'per delivery p50',
        'p95',
        'p99',
        'lost / expected',
        'durable ack p99',
        'p99 ratio (all / per delivery)',
      ],
      fanRows,
    ),
  );
  out.push('');
  out.push('## Proposal commands (ms from the command sent)');
  out.push('');
  out.push(
    'Ack: HTTP answer to the delegation. Arrival: the published proposal reaching each client of the proposals document. ' +
      'Against the relay, a client writes the same views into the document (no acknowledgement).',
  );
  out.push('');
  const propRows: string[][] = [];
  for (const cr of r.runs) {
    for (const run of [cr.server, cr.relay]) {
      if (!run) continue;
      const p = run.load.proposals;
      const errors = Object.entries(p.errors)
        .map(([code, k]) => `${k}× ${code}`)
        .join(', ');
      propRows.push([
        String(cr.clients),
        run.load.target,
        `${p.ok}/${p.sent}`,
        n1(p.ack.p50),
        n1(p.ack.p99),
        n1(p.delivery.p50),
        n1(p.delivery.p99),
        n1(p.allReached.p99),
        n1(p.allReached.max),
        `${p.lost} / ${p.expected}`,
        errors || '–',
      ]);
    }
  }
  out.push(
    table(
      [
        'clients',
        'target',
        'ok/sent',
        'ack p50',
        'ack p99',
        'arrival p50',
        'arrival p99',
        'all reached p99',
        'max',
        'lost / expected',
        'errors',
      ],
      propRows,
    ),
  );
  out.push('');
  out.push('## Resources');
  out.push('');
  out.push(
    'CPU in % of one core over the measured window (/proc). RSS: idle (started, no document loaded), then mean and max over the measured window, sampled every 0.5 s. Join: time to connect and sync every client. ' +
      'Event loop: the server’s event-loop delay over the measured window. Other processes: CPU used on the machine by ' +
      'neither the target nor the load generator (other work sharing the 2 cores; it disturbs the figures when high).',
  );
  out.push('');
  const resRows: string[][] = [];
  for (const cr of r.runs) {
    for (const run of [cr.server, cr.relay]) {
      if (!run) continue;
      const t = run.target;
      resRows.push([
        String(cr.clients),
        run.load.target,
        n0(t.cpuPercent),
        `${n0(t.rssMb.idle)} / ${n0(t.rssMb.mean)} / ${n0(t.rssMb.max)}`,
        n1(t.heapUsedMb),
        t.eventLoop ? `${n1(t.eventLoop.p99Ms)} / ${n1(t.eventLoop.maxMs)}` : '–',
        `${n1(run.load.join.seconds)} s (p99 ${n0(run.load.join.perClient.p99)} ms)${run.load.join.failed ? `, ${run.load.join.failed} failed` : ''}`,
        n0(run.load.presence.receivedPerSecond),
        closes(run),
        `${n0(run.load.loadgen.cpuPercent)} / ${n1(run.load.loadgen.eventLoopP99Ms)}`,
        `${n0(t.otherCpuPercent)} (load ${n1(t.loadAverage)})`,
      ]);
    }
  }
  out.push(
    table(
      [
        'clients',
        'target',
        'CPU %',
        'RSS idle / mean / max MB',
        'heap after GC MB',
        'event loop p99 / max ms',
        'join',
        'presence frames/s received',
        'unexpected closes',
        'load generator CPU % / loop p99 ms',
        'other processes CPU % (load avg)',
      ],
      resRows,
    ),
  );
  out.push('');
  out.push('## Other measurements');
  out.push('');
  out.push(table(['measurement', 'result', 'detail'], extrasRows(r)));
  out.push('');
  if (r.cluster) out.push(...clusterSection(r.cluster));
  out.push('## Targets (2-core machine)');
  out.push('');
  out.push(
    table(
      ['target', 'goal', 'measured', 'met'],
      r.targets.map((t) => [
        t.name,
        t.goal,
        t.value,
        t.met === null ? 'not measured' : t.met ? 'yes' : '**no**',
      ]),
    ),
  );
  out.push('');
  return out.join('\n');
}

function extrasRows(r: BenchResults): string[][] {
  const e = r.extras;
  const rows: string[][] = [];
  const timed = (name: string, t: BenchResults['extras']['comparePure']) => {
    if (!t) return;
    rows.push(t.ok ? [name, `${n1(t.ms)} ms`, t.detail] : [name, 'not measured', t.reason]);
  };
  if (e.coldLoad) {
    if ('runs' in e.coldLoad) {
      const c = e.coldLoad;
      const runs = c.runs.map((x) => n0(x.loadMs)).join(', ');
      const first = c.runs[0];
      rows.push([
        'Cold load in Chromium (median)',
        c.loadMs === null ? 'incomplete' : `${n0(c.loadMs)} ms`,
        `runs ${runs} ms; ${first?.paragraphs ?? 0} paragraphs at ${n0(first?.paragraphsMs)} ms, ${first?.brackets ?? 0} brackets settled at ${n0(first?.bracketsMs)} ms${c.note ? `; ${c.note}` : ''}. ${r.clientBuild}`,
      ]);
    } else rows.push(['Cold load in Chromium', 'not measured', e.coldLoad.reason]);
  }
  timed('Comparison, pure compareSnapshots (median)', e.comparePure);
  timed('Comparison, HTTP API (median)', e.compareApi);
  if (e.compareRendered) {
    if ('runs' in e.compareRendered && e.compareRendered.ok) {
      const c = e.compareRendered;
      rows.push([
        'Comparison, rendered view (median)',
        `${n0(comparisonViewMs(c.runs))} ms from request to rows rendered`,
        `cold navigation to rows rendered ${n0(c.loadMs)} ms; after the API answered ${n0(c.renderMs)} ms; ${c.note}`,
      ]);
    } else {
      const c = e.compareRendered;
      rows.push(['Comparison, rendered view', 'not measured', 'runs' in c ? c.note : c.reason]);
    }
  }
  timed('.docx export of the compilation, function (median)', e.docxFunction);
  timed('.docx export of the compilation, HTTP (median)', e.docxHttp);
  for (const [name, t] of Object.entries(e.formats ?? {})) timed(`${name} (HTTP)`, t);
  if (e.startup) {
    if ('runs' in e.startup) {
      rows.push([
        'Server start-up with the large database (median)',
        `${n0(e.startup.listeningMs)} ms to listening; ${n0(e.startup.firstSyncMs)} ms to the first client synced`,
        `server/main.ts bundled, as npm run serve runs it; ${e.startup.runs.length} starts: ${e.startup.runs.map((x) => `${n0(x.listeningMs)}/${n0(x.firstSyncMs)}`).join(', ')} ms`,
      ]);
    } else rows.push(['Server start-up', 'not measured', e.startup.reason]);
  }
  if (e.storageWrite) {
    const w = e.storageWrite;
    rows.push([
      'Storage write latency (commit of one edit)',
      `p50 ${n2(w.latency.p50)} ms, p99 ${n2(w.latency.p99)} ms`,
      `synchronous=${w.synchronous} (WAL) as the server runs it, ${w.writes} one-character updates committed one by one, max ${n2(w.latency.max)} ms; with synchronous=NORMAL: p50 ${n2(w.normal.p50)} ms, p99 ${n2(w.normal.p99)} ms, max ${n2(w.normal.max)} ms`,
    ]);
  }
  if (e.storage) {
    const st = e.storage;
    rows.push([
      'Database size',
      `${st.databaseMb} MB`,
      `${st.rows.proposals} proposals, ${st.rows.proposalVersions} versions, ${st.rows.supports} supports, ${st.rows.audit} audit entries, ${st.rows.people} people, ${st.snapshots} snapshots; draft document ${st.draftDocKb} KB, proposals document ${st.proposalsDocKb} KB`,
    ]);
    if (st.snapshot) {
      rows.push([
        'One snapshot',
        `${st.snapshot.totalKb} KB`,
        `${st.snapshot.label}: Yjs state ${st.snapshot.yjsStateKb} KB + canonical JSON ${st.snapshot.canonicalKb} KB`,
      ]);
    }
  }
  return rows;
}
