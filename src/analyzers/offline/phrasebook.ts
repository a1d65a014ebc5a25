import type { FlowDirection, PriceDirection } from "./analyze";
import type { EventKind } from "./lexicon";

/** The three lines an answer gives about one kind of event. */
export interface EventText {
  /** What happened, as a noun phrase. */
  readonly about: string;
  readonly why: string;
  /** What it means for the reader: safety steps at most, never an investment action. */
  readonly holder: string;
}

/** Every text an offline answer is built from, in one language. */
export interface Phrasebook {
  readonly label: string;
  readonly about: string;
  readonly also: string;
  readonly why: string;
  readonly holder: string;
  readonly inText: string;
  readonly figures: string;
  readonly exchange: string;
  readonly terms: string;
  readonly unknownEvent: string;
  readonly checkSource: string;
  readonly termsOnly: string;
  readonly scamWarning: string;
  readonly scamSigns: string;
  readonly offtopic: readonly [string, string];
  readonly price: Readonly<Record<PriceDirection, string>>;
  readonly flow: Readonly<Record<FlowDirection, string>>;
  readonly flowWhy: Readonly<Record<FlowDirection, string>>;
  readonly events: Readonly<Record<EventKind, EventText>>;
}
