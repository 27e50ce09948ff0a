// Lint benchmark: each scenario against the parse floor of the same input, measured in the same run, each run in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateList } from './generate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'dist/cli/bin.js');

/** Runs per scenario: `LINT_LISTS_BENCH_RUNS` (a quick look may lower it), else 5. */
export const BENCH_RUNS = Math.max(1, Number(process.env.LINT_LISTS_BENCH_RUNS) || 5);

/**
 * Folder holding peer tools installed outside the project (`npm install --prefix <folder> markdownlint-cli2`);
 * peers are compared only when it is set and they are there.
 */
export const PEERS_FOLDER = process.env.LINT_LISTS_BENCH_PEERS;

/** One measured configuration: median and range over its runs. */
export interface BenchRow {
  name: string;
  /** The row this one is a ratio of (a floor, a cold run, a peer); none for a floor itself. */
  baseline?: string;
  wallMs: { median: number; min: number; max: number };
  peakMb: { median: number; min: number; max: number };
}

// Prints the child's peak RSS on exit (stderr is a pipe: synchronous on Linux, so it is not lost).
const RSS_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, '\\n__BENCH_RSS_KB__ ' + process.resourceUsage().maxRSS + '\\n'));",
)}`;

// The floor: unified + remark-parse + remark-gfm over every file given, whole, one after the other.
const PARSE_ONLY = `
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
const processor = unified().use(remarkParse).use(remarkGfm);
for (const file of process.argv.slice(1)) {
  const tree = processor.parse(readFileSync(file, 'utf8'));
  if (tree.children.length === 0) process.exitCode = 1;
}
`;

function stats(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Runs `node args` in `cwd` `runs` times (`before` ahead of each run, unmeasured). */
function measure(name: string, args: string[], cwd: string, options: { runs: number; baseline?: string; before?: () => void }): BenchRow {
  const walls: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    options.before?.();
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', RSS_PRELOAD, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    const match = /__BENCH_RSS_KB__ (\d+)/.exec(child.stderr);
    if (!match || (child.status !== 0 && child.status !== 1)) throw new Error(`${name}: child failed (exit ${child.status}): ${child.stderr.slice(0, 2000)}`);
    peaks.push(Number(match[1]) / 1024);
  }
  return { name, baseline: options.baseline, wallMs: stats(walls), peakMb: stats(peaks) };
}

const node = (args: string[]) => args;

/** markdownlint-cli2's entry script in the peers folder, when installed there. */
function findMarkdownlint(): string | undefined {
  if (!PEERS_FOLDER) return undefined;
  const script = path.join(PEERS_FOLDER, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  return existsSync(script) ? script : undefined;
}

/** Generates the inputs, runs every scenario and returns the rows (each floor before the rows measured against it). */
export function runLintBench(options: { runs?: number } = {}): BenchRow[] {
  if (!existsSync(BIN)) throw new Error('dist/cli/bin.js is missing: run `npm run build` first (`npm run bench` does)');
  const runs = options.runs ?? BENCH_RUNS;
  const folder = mkdtempSync(path.join(tmpdir(), 'lint-lists-bench-'));
  const markdownlint = findMarkdownlint();
  try {
    const rows: BenchRow[] = [];
    const floorCommand = (files: string[]) => node(['--input-type=module', '-e', PARSE_ONLY, ...files]);
    for (const entries of [20_000, 80_000]) {
      const label = entries.toLocaleString('en-US');
      const file = path.join(folder, `one-${entries}`, 'awesome.md');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, generateList(entries));
      const floor = `floor: remark parse, 1 × ${label}`;
      // `-e` resolves bare imports from the working directory: run the floor in the repository.
      rows.push(measure(floor, floorCommand([file]), ROOT, { runs }));
      rows.push(measure(`lint-lists, 1 × ${label}`, node([BIN, file, '-f', 'json']), folder, { runs, baseline: floor }));
      if (entries === 20_000) {
        const cache = path.join(folder, 'lint-cache');
        const cold = `lint-lists --lint-cache cold, 1 × ${label}`;
        const cached = node([BIN, file, '-f', 'json', '--lint-cache-location', cache]);
        rows.push(measure(cold, cached, folder, { runs, baseline: floor, before: () => rmSync(cache, { force: true }) }));
        rows.push(measure(`lint-lists --lint-cache warm, 1 × ${label}`, cached, folder, { runs, baseline: cold }));
      }
    }
    for (const [count, entries] of [[50, 400], [8, 2_500]] as const) {
      const name = `${count}x${entries}`;
      mkdirSync(path.join(folder, name));
      for (let i = 0; i < count; i++) writeFileSync(path.join(folder, name, `list-${i + 1}.md`), generateList(entries, { seed: i + 2, title: `Awesome ${i + 1}` }));
      const files = readdirSync(path.join(folder, name)).map((f) => path.join(folder, name, f));
      const label = `${count} × ${entries.toLocaleString('en-US')}`;
      const floor = `floor: remark parse, ${label}`;
      rows.push(measure(floor, floorCommand(files), ROOT, { runs }));
      const ours = `lint-lists, ${label}`;
      rows.push(measure(ours, node([BIN, name, '-f', 'json']), folder, { runs, baseline: floor }));
      if (markdownlint) {
        const peer = `markdownlint-cli2, ${label}`;
        rows.push(measure(peer, node([markdownlint, `${name}/*.md`]), folder, { runs, baseline: floor }));
        rows.push({ ...rows[rows.length - 2]!, name: `${ours} (vs markdownlint-cli2)`, baseline: peer });
      }
    }
    const small = path.join(folder, 'small.md');
    writeFileSync(small, generateList(100, { seed: 99 }));
    const bare = 'node -e 0';
    rows.push(measure(bare, node(['-e', '0']), folder, { runs }));
    rows.push(measure('lint-lists, 1 × 100 (start-up)', node([BIN, small, '-f', 'json']), folder, { runs, baseline: bare }));
    return rows;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const range = (s: BenchRow['wallMs'], digits: number) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

/** Formats rows as a Markdown table: medians with min–max, and ratios of medians to each row's baseline. */
export function formatBenchTable(rows: BenchRow[]): string {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const lines = ['| run | wall ms, median (min–max) | peak MB, median (min–max) | baseline | × wall | × memory |', '| --- | ---: | ---: | --- | ---: | ---: |'];
  for (const row of rows) {
    const base = row.baseline ? byName.get(row.baseline) : undefined;
    const ratios = base ? [(row.wallMs.median / base.wallMs.median).toFixed(2), (row.peakMb.median / base.peakMb.median).toFixed(2)] : ['', ''];
    lines.push(`| ${row.name} | ${range(row.wallMs, 0)} | ${range(row.peakMb, 1)} | ${row.baseline ?? ''} | ${ratios[0]} | ${ratios[1]} |`);
  }
  return lines.join('\n');
}
