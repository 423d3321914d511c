/**
 * How one category's grievances are written. A text is an opener, one fact, maybe a detail, maybe
 * a detail borrowed from a neighbouring category (so neighbours share wording and accuracy is
 * honest), an ask and a closer; `{slot}` placeholders are filled from slots.ts.
 */
export interface CategoryTemplates {
  code: string;
  /** Categories whose wording overlaps with this one; their details are mixed in now and then. */
  near: string[];
  /** What happened: the sentence that carries the category. */
  facts: string[];
  /** Supporting circumstances; also lent to neighbours. */
  details: string[];
  /** What the petitioner wants. */
  asks: string[];
}
