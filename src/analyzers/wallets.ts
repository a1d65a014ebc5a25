import { base58 } from "@scure/base";

/**
 * Patterns that cannot be anything but an address or a transaction hash: EVM (0x + 40 hex, or
 * a 64-hex hash), Bitcoin bech32 (bc1…) and base58 (1…/3…), TRON (T…), TON (EQ…/UQ… and raw
 * 0:…). Solana's plain base58 is checked separately, since it has no prefix.
 */
const ADDRESS =
  /(?<![\w/])(?:0x[\da-fA-F]{64}|0x[\da-fA-F]{40}|(?:bc|tb)1[ac-hj-np-z02-9]{11,87}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33}|[EUk0]Q[\w-]{46}|-?[01]:[\da-fA-F]{64})(?![\w/])/gu;

/** A base58 word long enough to be a Solana key (32 bytes encode to 32–44 characters). */
const BASE58_WORD = /(?<![\w/])[1-9A-HJ-NP-Za-km-z]{32,44}(?![\w/])/gu;

/** Removes wallet addresses and transaction hashes from text. */
export function stripWallets(text: string): string {
  return text.replace(ADDRESS, "").replace(BASE58_WORD, (word) => (isSolanaKey(word) ? "" : word));
}

/**
 * A Solana address where unambiguous: digits, capitals and small letters all present (a long
 * word or identifier lacks digits) and it decodes to exactly 32 bytes.
 */
function isSolanaKey(word: string): boolean {
  if (!/\d/.test(word) || !/[A-Z]/.test(word) || !/[a-z]/.test(word)) return false;
  try {
    return base58.decode(word).length === 32;
  } catch {
    return false;
  }
}
