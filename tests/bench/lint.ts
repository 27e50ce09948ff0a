// Lint benchmark: each scenario against the parse floor of the same input, measured in the same run, each run in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateList } from './generate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The published executable (package.json `bin`): one bundled file that loads each command's code on demand.
const BIN = path.join(ROOT, 'dist/bundle/bin.js');

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

/** One command to measure: `node args` in `cwd`, with `before` run ahead of each run, unmeasured. */
interface BenchCommand {
  name: string;
  args: string[];
  cwd: string;
  baseline?: string;
  before?: () => void;
}

/**
 * Runs each command `runs` times, round-robin (a, b, c, a, b, c…), so that load from other processes on a shared
 * machine falls on every command of a comparison alike. Rows come back in the order given.
 */
function measureInterleaved(commands: BenchCommand[], runs: number): BenchRow[] {
  const walls = commands.map((): number[] => []);
  const peaks = commands.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, command] of commands.entries()) {
      command.before?.();
      const started = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ['--import', RSS_PRELOAD, ...command.args], { cwd: command.cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      walls[k]!.push(Number(process.hrtime.bigint() - started) / 1e6);
      const match = /__BENCH_RSS_KB__ (\d+)/.exec(child.stderr);
      if (!match || (child.status !== 0 && child.status !== 1)) throw new Error(`${command.name}: child failed (exit ${child.status}): ${child.stderr.slice(0, 2000)}`);
      peaks[k]!.push(Number(match[1]) / 1024);
    }
  }
  return commands.map((command, k) => ({ name: command.name, baseline: command.baseline, wallMs: stats(walls[k]!), peakMb: stats(peaks[k]!) }));
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
  if (!existsSync(BIN)) throw new Error('dist/bundle/bin.js is missing: run `npm run build` first (`npm run bench` does)');
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
      writeFileSync(file, generateList(entries, { isSharingPopularOnly: true }));
      const floor = `floor: remark parse, 1 × ${label}`;
      // `-e` resolves bare imports from the working directory: run the floor in the repository.
      const commands: BenchCommand[] = [
        { name: floor, args: floorCommand([file]), cwd: ROOT },
        { name: `lint-lists, 1 × ${label}`, args: node([BIN, file, '-f', 'json']), cwd: folder, baseline: floor },
      ];
      if (entries === 20_000) {
        const cache = path.join(folder, 'lint-cache');
        const cold = `lint-lists --lint-cache cold, 1 × ${label}`;
        const cached = node([BIN, file, '-f', 'json', '--lint-cache-location', cache]);
        // Each round: the cold run starts without a cache and leaves one; the warm run right after reuses it.
        commands.push({ name: cold, args: cached, cwd: folder, baseline: floor, before: () => rmSync(cache, { force: true }) });
        commands.push({ name: `lint-lists --lint-cache warm, 1 × ${label}`, args: cached, cwd: folder, baseline: cold });
      }
      rows.push(...measureInterleaved(commands, runs));
    }
    for (const [count, entries] of [[50, 400], [8, 2_500]] as const) {
      const name = `${count}x${entries}`;
      mkdirSync(path.join(folder, name));
      for (let i = 0; i < count; i++) writeFileSync(path.join(folder, name, `list-${i + 1}.md`), generateList(entries, { seed: i + 2, title: `Awesome ${i + 1}`, isSharingPopularOnly: true }));
      const files = readdirSync(path.join(folder, name)).map((f) => path.join(folder, name, f));
      const label = `${count} × ${entries.toLocaleString('en-US')}`;
      const floor = `floor: remark parse, ${label}`;
      const ours = `lint-lists, ${label}`;
      const peer = `markdownlint-cli2, ${label}`;
      const commands: BenchCommand[] = [
        { name: floor, args: floorCommand(files), cwd: ROOT },
        { name: ours, args: node([BIN, name, '-f', 'json']), cwd: folder, baseline: floor },
      ];
      if (markdownlint) commands.push({ name: peer, args: node([markdownlint, `${name}/*.md`]), cwd: folder, baseline: floor });
      rows.push(...measureInterleaved(commands, runs));
      if (markdownlint) rows.push({ ...rows.find((row) => row.name === ours)!, name: `${ours} (vs markdownlint-cli2)`, baseline: peer });
    }
    const small = path.join(folder, 'small.md');
    writeFileSync(small, generateList(100, { seed: 99, isSharingPopularOnly: true }));
    const bare = 'node -e 0';
    const startup = 'lint-lists, 1 × 100 (start-up)';
    const peer = 'markdownlint-cli2, 1 × 100 (start-up)';
    const commands: BenchCommand[] = [
      { name: bare, args: node(['-e', '0']), cwd: folder },
      { name: startup, args: node([BIN, small, '-f', 'json']), cwd: folder, baseline: bare },
    ];
    if (markdownlint) commands.push({ name: peer, args: node([markdownlint, 'small.md']), cwd: folder, baseline: bare });
    rows.push(...measureInterleaved(commands, runs));
    if (markdownlint) rows.push({ ...rows.find((row) => row.name === startup)!, name: `${startup} (vs markdownlint-cli2)`, baseline: peer });
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
