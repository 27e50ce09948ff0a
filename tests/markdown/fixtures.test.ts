// The list model on one whole document per house style (tests/fixtures/styles/).
import { describe, expect, it } from 'vitest';
import { at, expectConsistent, fixture, sliceOf } from './model-helpers.js';

describe('plus-link-only.md', () => {
  const doc = fixture('plus-link-only.md');

  it('finds link-only entries with `+` markers, nested depth counted', () => {
    expect(doc.entries.map((entry) => entry.shape)).toEqual(Array(8).fill('link'));
    expect(doc.entries.every((entry) => entry.marker?.text === '+' && !entry.description && !entry.separator)).toBe(true);
    expect(doc.entries.map((entry) => entry.depth)).toEqual([0, 0, 0, 0, 0, 1, 0, 0]);
    const nested = doc.entries[5];
    expect(nested?.link?.text).toBe('A Follow-up on Retries');
    expect(nested?.parent).toBe(doc.entries[4]);
    expect(at(nested?.marker?.range)).toBe('21:3');
  });

  it('assigns entries to sections and keeps the ToC and License out', () => {
    expect(doc.sections.map((section) => `${section.title}:${section.entries.length}`)).toEqual([
      ':0',
      'Reading Room:0',
      'Contents:0',
      'Architecture:3',
      'Testing:3',
      'Operations:2',
      'License:0',
    ]);
    expect(doc.sections.find((section) => section.title === 'License')?.isProse).toBe(true);
    expect(doc.toc?.section?.title).toBe('Contents');
    expect(doc.toc?.items.map((item) => item.target)).toEqual(['architecture', 'testing', 'operations']);
    expect(doc.links).toHaveLength(12);
  });

  it('gives exact spans', () => {
    const first = doc.entries[0];
    expect(first?.line.text).toBe('+ [Why We Split the Monolith Twice](https://blog.example.org/split-twice)');
    expect(first?.link?.url).toBe('https://blog.example.org/split-twice');
    expect(sliceOf(doc, first!.link!.urlRange!)).toBe('https://blog.example.org/split-twice');
    expect(at(first?.link?.urlRange)).toBe('13:37');
    expectConsistent(doc);
  });
});

describe('dash-separator.md', () => {
  const doc = fixture('dash-separator.md');
  const byName = (name: string) => doc.entries.find((entry) => entry.link?.text === name);

  it('reads separators of every kind, and none when the description follows a space', () => {
    expect(byName('Sprout')?.separator?.text).toBe(' - ');
    expect(byName('Rootbeam')?.separator?.text).toBe(' – ');
    expect(byName('Mulchy')?.separator?.text).toBe(': ');
    expect(byName('Trellis')?.separator).toBeUndefined();
    expect(byName('Trellis')?.description?.text).toBe('is a planner for climbing plants.');
    expect(byName('Hedgerow')?.shape).toBe('link');
    expect(byName('Hedgerow')?.description).toBeUndefined();
  });

  it('gives the description its exact source range', () => {
    const sprout = byName('Sprout');
    expect(sprout?.shape).toBe('link-description');
    expect(sprout?.description?.text).toBe('Plans seed trays from a frost calendar.');
    expect(at(sprout?.description?.range)).toBe('12:50');
    expect(at(sprout?.separator?.range)).toBe('12:47');
    expect(sprout?.descriptionPlacement).toBe('inline');
  });

  it('moves a trailing badge and publisher notes to extras', () => {
    const greenlog = byName('Greenlog');
    expect(greenlog?.description?.text).toBe('Watering diary.');
    expect(greenlog?.extras.map((extra) => extra.kind)).toEqual(['badge']);
    expect(greenlog?.links.map((link) => link.isBadge)).toEqual([false, true]);
    const patient = byName('The Patient Gardener');
    expect(patient?.shape).toBe('link');
    expect(patient?.extras.map((extra) => `${extra.kind} ${extra.span.text}`)).toEqual(['note (Leafy Press, March 2018)']);
    expect(patient?.separator).toBeUndefined();
  });

  it('nests, and leaves prose sections alone', () => {
    expect(byName('Greenlog Sync')?.depth).toBe(1);
    expect(byName('Greenlog Sync')?.parent).toBe(byName('Greenlog'));
    expect(doc.entries).toHaveLength(10);
    expect(doc.links.some((link) => link.url === 'contributing.md')).toBe(true);
    expectConsistent(doc);
  });
});

describe('tagged-titles.md', () => {
  const doc = fixture('tagged-titles.md');

  it('reads tags and quoted titles before the link', () => {
    expect(doc.entries.map((entry) => entry.tag?.text ?? '')).toEqual(['*survey*:', '*benchmark*:', '', '**dataset**:', '📄', '*introductory*:', '', '']);
    expect(doc.entries.map((entry) => entry.title?.text ?? '')).toEqual([
      '"Failure Modes of Distributed Queues"',
      '"Latency Under Load"',
      '"Retry Storms Explained"',
      '"Outage Reports 2010-2020"',
      '"Backpressure, Revisited"',
      '"Tracing Without Tears"',
      '“Chaos on a Budget”',
      '',
    ]);
    const first = doc.entries[0];
    expect(first?.link?.text).toBe('Queue Review; article; 2021-05');
    expect(at(first?.tag?.range)).toBe('13:3');
    expect(at(first?.title?.range)).toBe('13:13');
    expect(doc.entries.every((entry) => entry.shape === 'link')).toBe(true);
  });

  it('recognises a ToC headed "Index" with one outside link', () => {
    expect(doc.toc?.section?.title).toBe('Index');
    expect(doc.sections.find((section) => section.title === 'Index')?.isToc).toBe(true);
    expect(doc.toc?.items.map((item) => item.target)).toEqual(['surveys', 'tooling']);
    expect(doc.sections.find((section) => section.title === 'Credits')?.entries).toEqual([]);
    expectConsistent(doc);
  });
});

describe('badge-code-block.md', () => {
  const doc = fixture('badge-code-block.md');

  it('takes descriptions from the code block after each one-item list', () => {
    expect(doc.entries.map((entry) => entry.descriptionPlacement)).toEqual(['code', 'code', 'code', 'code']);
    expect(doc.entries.map((entry) => entry.shape)).toEqual(Array(4).fill('link-description'));
    const first = doc.entries[0];
    expect(first?.description?.text).toBe('Catalog that crawls warehouses and keeps lineage per column.');
    expect(at(first?.description?.range)).toBe('9:1');
    expect(first?.marker?.text).toBe('*');
  });

  it('keeps the star badges as badge extras', () => {
    expect(doc.entries.slice(0, 3).map((entry) => entry.extras.map((extra) => extra.kind))).toEqual([['badge'], ['badge'], ['badge']]);
    expect(doc.entries[3]?.extras).toEqual([]);
    expect(doc.links.filter((link) => link.isBadge)).toHaveLength(3);
  });

  it('builds the heading tree', () => {
    const open = doc.sections.find((section) => section.title === 'Open Source');
    expect(open?.children.map((section) => section.title)).toEqual(['Metadata', 'Quality']);
    expect(open?.hasContent).toBe(false);
    expect(open?.parent?.title).toBe('Awesome Data Catalogs');
    expect(doc.root.children.map((section) => section.title)).toEqual(['Awesome Data Catalogs']);
    expect(doc.toc).toBeUndefined();
    expectConsistent(doc);
  });
});

describe('grouped-details.md', () => {
  const doc = fixture('grouped-details.md');

  it('reads grouped links and plain-space descriptions', () => {
    expect(doc.entries.map((entry) => entry.shape)).toEqual(['grouped', 'link-description', 'grouped', 'grouped', 'link-description', 'link-description']);
    const graph = doc.entries[0];
    expect(graph?.group?.map((link) => link.text)).toEqual(['Graph Basics', 'Notes']);
    expect(graph?.link?.text).toBe('Graph Basics');
    expect(graph?.description?.text).toBe('is a gentle introduction to graphs.');
    expect(graph?.separator).toBeUndefined();
  });

  it('finds entries inside a <details> block without blank lines, with positions in the whole file', () => {
    expect(doc.entries.map((entry) => entry.inHtml)).toEqual([false, false, false, true, true, false]);
    const signals = doc.entries[3];
    expect(signals?.section.title).toBe('Videos');
    expect(at(signals?.range)).toBe('18:1');
    expect(signals?.link?.url).toBe('https://videos.example.edu/signals');
    expect(sliceOf(doc, signals!.link!.urlRange!)).toBe('https://videos.example.edu/signals');
    expect(signals?.description?.text).toBe('is a lecture series on signals.');
    expect(at(signals?.description?.range)).toBe('18:100');
    expectConsistent(doc);
  });
});
