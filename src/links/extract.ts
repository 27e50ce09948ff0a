// Extract: turns the list model's link references into occurrences, each classified as checkable or skipped.
import type { LinkRef } from '../markdown/types.js';
import { isHttpUrl } from '../url/url.js';
import type { LinkOccurrence } from './types.js';

/** One file's links, as the list model found them. */
export interface FileLinks {
  file: string;
  links: readonly LinkRef[];
}

/** One occurrence of a link, with the URL it would be checked as. */
export interface ExtractedLink {
  /** `http` for http(s) URLs the checker fetches; `skip` for mailto:, tel:, anchors, relative paths and the like. */
  kind: 'http' | 'skip';
  /** The URL checked (written URL minus its fragment) for `http`; the written URL for `skip`. */
  url: string;
  occurrence: LinkOccurrence;
}

/**
 * Lists every link occurrence of every file, images and badges included (a dead image is a dead link),
 * keeping file, position and the written URL's offsets so fixes can rewrite it.
 */
export function extractLinks(files: readonly FileLinks[]): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  for (const { file, links } of files) {
    for (const link of links) {
      const written = link.url.trim();
      const occurrence: LinkOccurrence = { file, start: link.range.start, end: link.range.end, written };
      if (link.urlRange) {
        occurrence.urlStart = link.urlRange.start.offset;
        occurrence.urlEnd = link.urlRange.end.offset;
      }
      const isHttp = isHttpUrl(written);
      out.push({ kind: isHttp ? 'http' : 'skip', url: isHttp ? withoutFragment(written) : written, occurrence });
    }
  }
  return out;
}

/** The URL without its `#fragment`: fragments are never sent, so `a#x` and `a#y` are one fetch. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The `#fragment` of a URL, `#` included, or `''`. */
export function fragmentOf(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? '' : url.slice(hash);
}
