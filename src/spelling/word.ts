// A word of source text and where it starts: what the spelling checks read and report.

/** A word of source text and where it starts. */
export interface Word {
  text: string;
  /** 0-based offset into the document text. */
  offset: number;
}
