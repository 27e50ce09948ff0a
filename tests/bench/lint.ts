// Lint benchmark: the parse-only floor against full CLI runs, each in its own child process (peak RSS per run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateList } from './generate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'dist/cli/bin.js');

/** One measured configuration. */
export interface BenchRow {
  name: string;
  wallMs: number;
  peakMb: number;
}

// Prints the child's peak RSS on exit (stderr is a pipe: synchronous on Linux, so it is not lost).
const RSS_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, '\\n__BENCH_RSS_KB__ ' + process.resourceUsage().maxRSS + '\\n'));",
)}`;

const PARSE_ONLY = `
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
const text = readFileSync(process.argv[1], 'utf8');
const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
if (tree.children.length === 0) process.exitCode = 1;
`;

/** Runs `node args` in `cwd` `runs` times; median wall time and the highest peak RSS. */
function measure(name: string, args: string[], cwd: string, runs = 3): BenchRow {
  const walls: number[] = [];
  let peakKb = 0;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', RSS_PRELOAD, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    const match = /__BENCH_RSS_KB__ (\d+)/.exec(child.stderr);
    if (!match || (child.status !== 0 && child.status !== 1)) {
      throw new Error(`${name}: child failed (exit ${child.status}): ${child.stderr.slice(0, 2000)}`);
    }
    peakKb = Math.max(peakKb, Number(match[1]));
  }
  walls.sort((a, b) => a - b);
  return { name, wallMs: walls[Math.floor(walls.length / 2)]!, peakMb: peakKb / 1024 };
}

/** Generates the inputs, runs every configuration and returns the rows (floor first). */
export function runLintBench(options: { runs?: number } = {}): BenchRow[] {
  if (!existsSync(BIN)) throw new Error('dist/cli/bin.js is missing: run `npm run build` first (`npm run bench` does)');
  const folder = mkdtempSync(path.join(tmpdir(), 'lint-lists-bench-'));
  try {
    const big = path.join(folder, 'big', 'awesome.md');
    mkdirSync(path.dirname(big), { recursive: true });
    writeFileSync(big, generateList(20_000));
    mkdirSync(path.join(folder, 'eight'));
    for (let i = 0; i < 8; i++) writeFileSync(path.join(folder, 'eight', `list-${i + 1}.md`), generateList(2_500, { seed: i + 2, title: `Awesome ${i + 1}` }));
    const small = path.join(folder, 'small.md');
    writeFileSync(small, generateList(100, { seed: 99 }));
    const runs = options.runs ?? 3;
    // `-e` resolves bare imports from the working directory: run the floor in the repository.
    return [
      measure('floor: remark parse, 20,000 entries', ['--input-type=module', '-e', PARSE_ONLY, big], ROOT, runs),
      measure('lint-lists, 1 file × 20,000 entries', [BIN, big, '-f', 'json'], folder, runs),
      measure('lint-lists, 8 files × 2,500 entries', [BIN, 'eight', '-f', 'json'], folder, runs),
      measure('lint-lists, 100 entries (start-up)', [BIN, small, '-f', 'json'], folder, runs),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Formats rows as a Markdown table with ratios to the first row (the floor). */
export function formatBenchTable(rows: BenchRow[]): string {
  const floor = rows[0]!;
  const lines = ['| run | wall ms | peak MB | × floor wall | × floor RSS |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const row of rows) {
    lines.push(`| ${row.name} | ${row.wallMs.toFixed(0)} | ${row.peakMb.toFixed(1)} | ${(row.wallMs / floor.wallMs).toFixed(2)} | ${(row.peakMb / floor.peakMb).toFixed(2)} |`);
  }
  return lines.join('\n');
}
