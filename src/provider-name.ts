/** Names of the answer paths, in the order a chain may try them (config and analyzers share it). */
export type ProviderName = "groq" | "mistral" | "gemini" | "offline";
