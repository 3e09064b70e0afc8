/** The search queries the benchmark times (one per query length and script); the bench test checks each is reported. */
export const SEARCH_QUERIES: readonly [string, string][] = [
  ['1char', '江'],
  ['2char', '合作'],
  ['3char', '备忘录'],
  ['5char', 'smart'],
  ['rare', 'Шантоу'],
];
