/**
 * CODE128 (ISO/IEC 15417), set C only: pairs of digits, which is all the 18-digit member code needs. Written here
 * rather than pulled from npm because set C is a page of code and the scanner at the till must read it exactly.
 *
 * 18 digits → START C, 9 symbols (one per digit pair), checksum, STOP.
 */

/** Element widths of symbol values 0..106, bar first (six elements of 11 modules; STOP has seven of 13). */
// prettier-ignore
export const CODE128_PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const CODE128_START_C = 105;
export const CODE128_STOP = 106;
/** Blank modules each side that scanners need to find the code. */
export const CODE128_QUIET_ZONE = 10;

/** Symbol values for `digits` in set C: START C, one value per pair, checksum, STOP. */
export function code128CValues(digits: string): number[] {
  if (!/^(?:\d\d)+$/.test(digits)) {
    throw new Error('CODE128 set C encodes an even number of digits (at least two)');
  }
  const values = [CODE128_START_C];
  for (let i = 0; i < digits.length; i += 2) values.push(Number(digits.slice(i, i + 2)));
  // Checksum: the start value plus each data value weighted by its position (1-based), mod 103.
  const checksum = values.reduce((sum, value, index) => sum + value * Math.max(index, 1), 0) % 103;
  return [...values, checksum, CODE128_STOP];
}

/** Widths of the alternating bars and spaces (bar first) for `digits`, without quiet zones. */
export function code128CWidths(digits: string): number[] {
  return code128CValues(digits).flatMap((value) => [...CODE128_PATTERNS[value]].map(Number));
}

export interface Bar {
  /** Left edge, in modules, from the left of the quiet zone. */
  x: number;
  width: number;
}

export interface BarcodeLayout {
  /** Total width in modules, quiet zones included. */
  modules: number;
  bars: Bar[];
}

/** Bar positions for drawing: the bars only, quiet zones on both sides. */
export function code128CLayout(digits: string, quietZone: number = CODE128_QUIET_ZONE): BarcodeLayout {
  const bars: Bar[] = [];
  let x = quietZone;
  code128CWidths(digits).forEach((width, index) => {
    if (index % 2 === 0) bars.push({ x, width });
    x += width;
  });
  return { modules: x + quietZone, bars };
}
