/** User-facing text is Chinese first, English second (STYLE). */
export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}
