import { dashboardApiMarkdown } from './dashboard-api.js';
import { fanoutMarkdown } from './fanout.js';
import type { BenchResult } from './harness.js';
import { writesMarkdown } from './writes.js';

const f = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);

/** The sections after the reads, each from its own module. */
function sectionLines(result: BenchResult): string[] {
  return [
    ...(result.dashboard ? dashboardApiMarkdown(result.dashboard) : []),
    ...(result.fanout ? ['', ...fanoutMarkdown(result.fanout)] : []),
    ...(result.writes ? writesMarkdown(result.writes) : []),
  ];
}

/** The Markdown tables written next to the JSON and shown in the README. */
export function markdown(result: BenchResult): string {
  const { machine, options } = result;
  if (!result.measurements.length) {
    const header =
      `Bench ${result.startedAt} — scale ${options.scale} (seed ${options.seed}), only ${options.only?.join(', ')}: reads not run; ${machine.cpus} × ${machine.model}; ` +
      `load average before ${machine.loadAverageBefore.map((l) => l.toFixed(2)).join(' ')}, after ${machine.loadAverageAfter.map((l) => l.toFixed(2)).join(' ')}.`;
    return `${[header, ...sectionLines(result)].join('\n')}\n`;
  }
  const lines = [
    `Bench ${result.startedAt} — scale ${options.scale} (seed ${options.seed}: ${result.dataset.project?.toLocaleString('en')} projects, ${result.dataset.pledge?.toLocaleString('en')} pledges), ` +
      `${options.rounds} interleaved rounds × ${options.durationMs / 1000} s, closed loop; ${machine.cpus} × ${machine.model}; ` +
      `load average before ${machine.loadAverageBefore.map((l) => l.toFixed(2)).join(' ')}, after ${machine.loadAverageAfter.map((l) => l.toFixed(2)).join(' ')}. ` +
      `Correctness gate: ${result.gate.passed ? 'passed' : 'FAILED'} (${result.gate.projectsCompared} projects of ${result.gate.townships} townships identical in ${['gongzhi', ...result.gate.against].join(', ')}).`,
    '',
    '| query | server | conc. | req/s | p50 ms | p99 ms | Node CPU ms/req | PG CPU ms/req | SQL/req | bytes/resp | errors |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...result.summary.map(
      (s) =>
        `| ${s.query.toUpperCase()} | ${s.target} | ${s.concurrency} | ${f(s.rps)} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.nodeCpuMsPerRequest, 2)} | ${f(s.pgCpuMsPerRequest, 2)} | ${s.sqlPerRequest ?? '–'} | ${Math.round(s.bytesPerResponse).toLocaleString('en')} | ${s.errors} |`,
    ),
    '',
    'Same-round ratios (Gongzhi ÷ reference, median over rounds; req/s higher is better, p99 lower is better):',
    '',
    '| query | conc. | versus | req/s ratio | p99 ratio | req/s ratio per round |',
    '|---|--:|---|--:|--:|---|',
    ...result.ratios.map(
      (r) =>
        `| ${r.query.toUpperCase()} | ${r.concurrency} | ${r.versus} | ${f(r.rps, 2)}× | ${f(r.p99, 2)}× | ${r.rounds.map((x) => x.toFixed(2)).join(', ')} |`,
    ),
    '',
    `Peak RSS (VmHWM): ${Object.entries(result.peakRssMiB)
      .map(([name, mib]) => `${name} ${f(mib, 0)} MiB`)
      .join(', ')}.`,
  ];
  if (result.fixedRate.length) {
    lines.push(
      '',
      `Fixed rate (Q1 at ${result.fixedRate[0]!.rate} req/s, half of Gongzhi's closed-loop maximum): ` +
        result.fixedRate.map((r) => `${r.target} p50 ${f(r.p50)} ms / p99 ${f(r.p99)} ms (${r.errors} errors)`).join('; ') +
        '.',
    );
  }
  lines.push(...sectionLines(result));
  return `${lines.join('\n')}\n`;
}
