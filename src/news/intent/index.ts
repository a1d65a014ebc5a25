export {
  type ClassifyOptions,
  classifyIntent,
  INTENTS,
  type Intent,
  type IntentResult,
  type IntentSignal,
} from "./classify";
export { SCAM_SIGNALS, type ScamSignalId } from "./scam-signals";
