/** The targets for a 2-core machine, checked against a run's results. */
import type { BenchResults, ClientRuns, ClusterResults, TargetCheck } from './results.js';

const ms = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(1)} ms`);

function run(results: BenchResults, clients: number): ClientRuns | undefined {
  return results.runs.find((r) => r.clients === clients);
}

/** Checks every target; a target whose run or measurement is missing is `met: null`. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const add = (name: string, goal: string, value: string, met: boolean | null) =>
    out.push({ name, goal, value, met });

  const r200 = run(r, 200);
  const s200 = r200?.server?.load;
  const ratio = r200?.ratio?.allReachedP99;
  add(
    '200 clients: edit fan-out p99 vs bare relay',
    '≤ 1.3× relay p99',
    ratio == null
      ? 'n/a'
      : `${ratio.toFixed(2)}× (${ms(s200?.edits.allReached.p99)} vs ${ms(r200?.relay?.load.edits.allReached.p99)})`,
    ratio == null ? null : ratio <= 1.3,
  );
  const p200 = s200?.edits.allReached.p99;
  add('200 clients: edit fan-out p99', '< 25 ms', ms(p200), p200 == null ? null : p200 < 25);
  const s1000 = run(r, 1000)?.server;
  const lost1000 = s1000 ? s1000.load.edits.lost + s1000.load.proposals.lost : null;
  add(
    '1,000 clients: messages lost',
    '0',
    lost1000 === null
      ? 'n/a'
      : `${lost1000} (edits ${s1000!.load.edits.lost}, proposals ${s1000!.load.proposals.lost})`,
    lost1000 === null ? null : lost1000 === 0,
  );
  const p1000 = s1000?.load.edits.allReached.p99;
  add('1,000 clients: edit fan-out p99', '< 150 ms', ms(p1000), p1000 == null ? null : p1000 < 150);
  const ack = s200?.proposals.ack.p99;
  add('200 clients: proposal acknowledgement p99', '< 50 ms', ms(ack), ack == null ? null : ack < 50);
  const cold = r.extras.coldLoad && 'loadMs' in r.extras.coldLoad ? r.extras.coldLoad.loadMs : null;
  add('Cold load in Chromium', '< 1,500 ms', ms(cold), cold === null ? null : cold < 1500);
  const pure = r.extras.comparePure?.ok ? r.extras.comparePure.ms : null;
  add('Comparison, pure function', '< 100 ms', ms(pure), pure === null ? null : pure < 100);
  const rendered = r.extras.compareRendered;
  const viewMs = rendered && 'runs' in rendered && rendered.ok ? comparisonViewMs(rendered.runs) : null;
  add(
    'Comparison, rendered view (request to rows rendered)',
    '< 500 ms',
    ms(viewMs),
    viewMs === null ? null : viewMs < 500,
  );
  const docx = r.extras.docxHttp?.ok ? r.extras.docxHttp.ms : null;
  add('.docx export of the compilation (HTTP)', '< 2,000 ms', ms(docx), docx === null ? null : docx < 2000);
  for (const [name, t] of Object.entries(r.extras.formats ?? {}))
    add(`${name} (HTTP)`, '< 2,000 ms', t.ok ? ms(t.ms) : 'n/a', t.ok ? t.ms < 2000 : null);
  const rss = r200?.server?.target.rssMb.max;
  add(
    'Server RSS, large negotiation + 200 clients (max)',
    '< 150 MB',
    rss == null ? 'n/a' : `${rss} MB`,
    rss == null ? null : rss < 150,
  );
  if (r.cluster) out.push(...checkClusterTargets(r.cluster));
  return out;
}

/** The cluster run's targets (`--cluster=N`). */
export function checkClusterTargets(c: ClusterResults): TargetCheck[] {
  const where = `${c.processes} processes, ${c.negotiations} × ${c.clientsPerNegotiation} clients`;
  const p99 = c.load?.edits.allReached.p99;
  const lost = c.load ? c.load.edits.lost + c.load.proposals.lost : null;
  const resync = c.resync;
  return [
    {
      name: `Cluster (${where}): edit fan-out p99`,
      goal: '< 50 ms',
      value: ms(p99),
      met: p99 == null ? null : p99 < 50,
    },
    {
      name: `Cluster (${where}): messages lost`,
      goal: '0',
      value:
        lost === null ? 'n/a' : `${lost} (edits ${c.load!.edits.lost}, proposals ${c.load!.proposals.lost})`,
      met: lost === null ? null : lost === 0,
    },
    {
      name: `Cluster: ${resync?.clients ?? 'n/a'} clients resynced after their process's kill -9`,
      goal: '≤ 10 s',
      value: !resync
        ? 'n/a'
        : resync.allMs === null
          ? `${resync.notResynced} of ${resync.clients} never resynced`
          : `${(resync.allMs / 1000).toFixed(1)} s`,
      met: !resync ? null : resync.allMs !== null && resync.allMs <= 10_000,
    },
  ];
}

/** Median time from the comparison request's start to all rows rendered. */
export function comparisonViewMs(
  runs: readonly { paragraphsMs: number | null; api?: { endMs: number; durationMs: number } }[],
): number | null {
  const values = runs
    .filter((x) => x.paragraphsMs !== null && x.api)
    .map((x) => x.paragraphsMs! - (x.api!.endMs - x.api!.durationMs))
    .sort((a, b) => a - b);
  return values.length === 0 ? null : values[Math.floor((values.length - 1) / 2)]!;
}
