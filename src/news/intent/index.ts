// The intent of a text message, decided offline: what the bot should do with it.
export {
  bundledScamModel,
  type ClassifyOptions,
  classifyIntent,
  INTENTS,
  type Intent,
  type IntentResult,
  type IntentSignal,
  SCAM_MODEL_MIN_LOG_ODDS,
} from "./classify";
export { type ScamModel, trainScamModel } from "./scam-model";
export { SCAM_SIGNALS, type ScamSignalId } from "./scam-signals";
