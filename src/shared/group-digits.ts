/**
 * 1000000 as "1,000,000". Not toLocaleString: its first call loads ICU's locale data, 20 ms of
 * every CLI start when it ran while the modules loaded.
 */
export function groupDigits(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
