/**
 * The errors resource.ParseQuantity gives for a malformed quantity, as the API server reports
 * them when it decodes a manifest (k8s.io/apimachinery/pkg/api/resource/quantity.go:
 * parseQuantityString and the suffix check). It accepts a few forms core/quantity.ts does not
 * (`1.G`, `.5`), as the server does.
 */
import { QUANTITY_ERROR } from '../../core/quantity.js';

export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const DIGIT = /[0-9]/;
const SUFFIX_CHARS = 'eEinumkKMGTP';
const SUFFIXES = new Set([
  '',
  'n',
  'u',
  'm',
  'k',
  'M',
  'G',
  'T',
  'P',
  'E',
  'Ki',
  'Mi',
  'Gi',
  'Ti',
  'Pi',
  'Ei',
]);

/** The error message for a quantity string, or undefined when the server accepts it. */
export function quantitySyntaxError(str: string): string | undefined {
  if (str.length === 0) return QUANTITY_ERROR;
  if (str === '0') return undefined;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return undefined;
  while (pos < end && DIGIT.test(str[pos]!)) pos++;
  if (pos >= end) return undefined;
  if (str[pos] === '.') {
    pos++;
    while (pos < end && DIGIT.test(str[pos]!)) pos++;
    if (pos >= end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && DIGIT.test(str[pos]!)) pos++;
  if (pos < end) return QUANTITY_ERROR;
  const suffix = str.slice(suffixStart);
  if (SUFFIXES.has(suffix) || /^[eE][-+]?[0-9]+$/.test(suffix)) return undefined;
  return QUANTITY_SUFFIX_ERROR;
}
